import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.jabatan import (
    JabatanKind,
    Jenjang,
    infer_jenjang,
    jenjang_choices,
    parse_jabatan_kind,
)

JPT = JabatanKind.JPT
ADMINISTRATOR = JabatanKind.ADMINISTRATOR
PENGAWAS = JabatanKind.PENGAWAS
PELAKSANA = JabatanKind.PELAKSANA
FUNGSIONAL = JabatanKind.FUNGSIONAL
ALLOWED = "JPT, Administrator, Pengawas, Pelaksana, Fungsional"


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        (JPT, "JPT"),
        (ADMINISTRATOR, "Administrator"),
        (PENGAWAS, "Pengawas"),
        (PELAKSANA, "Pelaksana"),
        (FUNGSIONAL, "Fungsional"),
    ],
)
def test_kind_labels(kind, label):
    assert kind.label == label
    assert parse_jabatan_kind(label) is kind
    assert parse_jabatan_kind(kind.value) is kind


@pytest.mark.parametrize(
    ("jenjang", "label", "kind", "category"),
    [
        (Jenjang.PRATAMA, "Pratama", JPT, None),
        (Jenjang.MADYA, "Madya", JPT, None),
        (Jenjang.UTAMA, "Utama", JPT, None),
        (Jenjang.PEMULA, "Pemula", FUNGSIONAL, "Keterampilan"),
        (Jenjang.TERAMPIL, "Terampil", FUNGSIONAL, "Keterampilan"),
        (Jenjang.MAHIR, "Mahir", FUNGSIONAL, "Keterampilan"),
        (Jenjang.PENYELIA, "Penyelia", FUNGSIONAL, "Keterampilan"),
        (Jenjang.AHLI_PERTAMA, "Ahli Pertama", FUNGSIONAL, "Keahlian"),
        (Jenjang.AHLI_MUDA, "Ahli Muda", FUNGSIONAL, "Keahlian"),
        (Jenjang.AHLI_MADYA, "Ahli Madya", FUNGSIONAL, "Keahlian"),
        (Jenjang.AHLI_UTAMA, "Ahli Utama", FUNGSIONAL, "Keahlian"),
    ],
)
def test_jenjang_labels_and_kinds(jenjang, label, kind, category):
    assert jenjang.label == label
    assert jenjang.kind is kind
    assert jenjang.category == category
    assert jenjang in jenjang_choices(kind)


@pytest.mark.parametrize(
    ("kind", "choices"),
    [
        (JPT, [Jenjang.PRATAMA, Jenjang.MADYA, Jenjang.UTAMA]),
        (
            FUNGSIONAL,
            [
                Jenjang.PEMULA,
                Jenjang.TERAMPIL,
                Jenjang.MAHIR,
                Jenjang.PENYELIA,
                Jenjang.AHLI_PERTAMA,
                Jenjang.AHLI_MUDA,
                Jenjang.AHLI_MADYA,
                Jenjang.AHLI_UTAMA,
            ],
        ),
        (ADMINISTRATOR, []),
        (PENGAWAS, []),
        (PELAKSANA, []),
    ],
)
def test_jenjang_choices(kind, choices):
    assert jenjang_choices(kind) == choices


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("jpt", JPT),
        ("JPT Pratama", JPT),
        ("jpt madya", JPT),
        ("JPT-Utama", JPT),
        ("Jabatan Pimpinan Tinggi", JPT),
        ("Jabatan Pimpinan Tinggi Pratama", JPT),
        ("Pejabat Pimpinan Tinggi", JPT),
        ("ADMINISTRATOR", ADMINISTRATOR),
        ("Jabatan Administrator", ADMINISTRATOR),
        ("Pejabat Administrator", ADMINISTRATOR),
        ("pengawas", PENGAWAS),
        ("Pejabat Pengawas", PENGAWAS),
        ("  Jabatan   Pengawas ", PENGAWAS),
        ("Pelaksana", PELAKSANA),
        ("Jabatan Pelaksana", PELAKSANA),
        ("JFU", PELAKSANA),
        ("Jabatan Fungsional Umum", PELAKSANA),
        ("Fungsional", FUNGSIONAL),
        ("Jabatan Fungsional", FUNGSIONAL),
        ("JF", FUNGSIONAL),
        ("J.F.", FUNGSIONAL),
        ("JFT", FUNGSIONAL),
        ("Jabatan Fungsional Tertentu", FUNGSIONAL),
        ("JF Ahli Muda", FUNGSIONAL),
        ("Fungsional Keterampilan", FUNGSIONAL),
        ("Fungsional Keahlian", FUNGSIONAL),
    ],
)
def test_parse_jabatan_kind(text, kind):
    assert parse_jabatan_kind(text) is kind


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", f"Jenis jabatan belum diisi. Pilih salah satu: {ALLOWED}."),
        ("Jabatan", f"Jenis jabatan belum diisi. Pilih salah satu: {ALLOWED}."),
        ("Struktural", f"Jenis jabatan 'Struktural' tidak dikenal. Pilih salah satu: {ALLOWED}."),
        (
            "JPT Ahli Muda",
            f"Jenis jabatan 'JPT Ahli Muda' tidak dikenal. Pilih salah satu: {ALLOWED}.",
        ),
        (
            "Pengawas  Sekolah",
            f"Jenis jabatan 'Pengawas Sekolah' tidak dikenal. Pilih salah satu: {ALLOWED}.",
        ),
        ("JA", f"Jenis jabatan 'JA' tidak dikenal. Pilih salah satu: {ALLOWED}."),
    ],
)
def test_parse_jabatan_kind_errors(text, message):
    with pytest.raises(ValidationError) as caught:
        parse_jabatan_kind(text)

    assert caught.value.message == message
    assert caught.value.field == "jenis_jabatan"


@pytest.mark.parametrize(
    ("kind", "name", "jenjang"),
    [
        (FUNGSIONAL, "Perawat Ahli Muda", Jenjang.AHLI_MUDA),
        (FUNGSIONAL, "Bidan Terampil", Jenjang.TERAMPIL),
        (FUNGSIONAL, "Pranata Komputer Ahli Pertama", Jenjang.AHLI_PERTAMA),
        (FUNGSIONAL, "Epidemiolog Kesehatan Ahli Pertama", Jenjang.AHLI_PERTAMA),
        (FUNGSIONAL, "Pranata Laboratorium Kesehatan Terampil", Jenjang.TERAMPIL),
        (FUNGSIONAL, "Analis Kebijakan Ahli Madya", Jenjang.AHLI_MADYA),
        (FUNGSIONAL, "analis kebijakan ahli utama", Jenjang.AHLI_UTAMA),
        (FUNGSIONAL, "Arsiparis Pemula", Jenjang.PEMULA),
        (FUNGSIONAL, "Arsiparis Mahir", Jenjang.MAHIR),
        (FUNGSIONAL, "Perawat Penyelia", Jenjang.PENYELIA),
        (FUNGSIONAL, "Perawat Ahli-Muda", Jenjang.AHLI_MUDA),
        # A bare JPT word is not a fungsional jenjang.
        (FUNGSIONAL, "Analis Kebijakan Madya", None),
        (FUNGSIONAL, "Dokter", None),
        (FUNGSIONAL, "Perawat Ahli", None),
        # Whole words only.
        (FUNGSIONAL, "Perawat Terampilan", None),
        (JPT, "Sekretaris Daerah (JPT Madya)", Jenjang.MADYA),
        (JPT, "JPT Pratama Kepala Dinas Kesehatan", Jenjang.PRATAMA),
        (JPT, "Pimpinan Tinggi Utama", Jenjang.UTAMA),
        (JPT, "Kepala Dinas Kesehatan", None),
        (JPT, "Analis Ahli Madya", None),
        (JPT, "Pratamax", None),
        (ADMINISTRATOR, "Camat Kertapati", None),
        (PELAKSANA, "Perawat Ahli Muda", None),
        (PENGAWAS, "Kepala Seksi Pratama", None),
    ],
)
def test_infer_jenjang(kind, name, jenjang):
    assert infer_jenjang(kind, name) is jenjang
