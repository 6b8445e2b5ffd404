from datetime import date

import pytest

from kinerja_desktop.domain.employment import EmploymentStatus, Gender
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import Nip, check_status

PNS = EmploymentStatus.PNS
PPPK = EmploymentStatus.PPPK
PRIA = Gender.PRIA
WANITA = Gender.WANITA

SPREADSHEET_MESSAGE = (
    "NIP '{}' sudah diubah spreadsheet menjadi angka sehingga digitnya hilang. "
    "Format kolom NIP sebagai Teks, lalu ketik ulang NIP-nya."
)


# NIPs from /work/shared/samples/pegawai-contoh.csv.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("197805122003121002", (PNS, date(1978, 5, 12), 2003, 12, PRIA, 2)),
        ("198103042006042011", (PNS, date(1981, 3, 4), 2006, 4, WANITA, 11)),
        ("198906152014031001", (PNS, date(1989, 6, 15), 2014, 3, PRIA, 1)),
        ("199202282019032014", (PNS, date(1992, 2, 28), 2019, 3, WANITA, 14)),
        ("199507092022211005", (PPPK, date(1995, 7, 9), 2022, None, PRIA, 5)),
        ("197911232005012007", (PNS, date(1979, 11, 23), 2005, 1, WANITA, 7)),
        ("198608172010012019", (PNS, date(1986, 8, 17), 2010, 1, WANITA, 19)),
        ("199001012015032004", (PNS, date(1990, 1, 1), 2015, 3, WANITA, 4)),
        ("199310102020121008", (PNS, date(1993, 10, 10), 2020, 12, PRIA, 8)),
        ("199812252023212012", (PPPK, date(1998, 12, 25), 2023, None, WANITA, 12)),
        ("198404142009021003", (PNS, date(1984, 4, 14), 2009, 2, PRIA, 3)),
    ],
)
def test_parse_valid_sample_nips(text, expected):
    nip = Nip.parse(text)
    kind, birth, year, month, gender, serial = expected

    assert nip.digits == text
    assert str(nip) == text
    assert nip.kind is kind
    assert nip.birth_date == birth
    assert nip.appointment_year == year
    assert nip.appointment_month == month
    assert nip.gender is gender
    assert nip.serial == serial
    assert nip.warnings() == []


@pytest.mark.parametrize(
    "text",
    [
        "19850312 201001 1 003",
        "19850312-201001-1-003",
        "19850312\t201001\t1\t003",
        "19850312\u00a0201001\u00a01\u00a0003",
        "  198503122010011003  ",
        "'198503122010011003",
        "'19850312 201001 1 003",
        "198503122010011003",
    ],
)
def test_parse_accepts_group_separators_and_text_marker(text):
    assert Nip.parse(text).digits == "198503122010011003"


@pytest.mark.parametrize(
    ("text", "formatted"),
    [
        ("198503122010011003", "19850312 201001 1 003"),
        ("19660801-198803-1-001", "19660801 198803 1 001"),
        ("200012312024211001", "20001231 202421 1 001"),
    ],
)
def test_formatted_groups_8_6_1_3(text, formatted):
    assert Nip.parse(text).formatted == formatted


def test_pppk_nip_has_round_but_no_month():
    nip = Nip.parse("200012312024211001")

    assert nip.kind is PPPK
    assert nip.appointment_year == 2024
    assert nip.appointment_month is None
    assert nip.appointment_round == 1
    assert Nip.parse("198503122010011003").appointment_round is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "NIP belum diisi."),
        ("  '  ", "NIP belum diisi."),
        ("19850312201001100", "NIP harus 18 digit angka; yang diisi 17 digit."),
        ("1985031220100110031", "NIP harus 18 digit angka; yang diisi 19 digit."),
        (
            "19850312201001100A",
            "NIP hanya boleh berisi angka (spasi atau tanda hubung sebagai pemisah boleh); "
            "ditemukan 'A'.",
        ),
        (
            "19850312.201001.1.003",
            "NIP hanya boleh berisi angka (spasi atau tanda hubung sebagai pemisah boleh); "
            "ditemukan '.'.",
        ),
        ("198513322010011003", "Tanggal lahir pada NIP (digit 1–8) tidak valid: 19851332."),
        ("198502302010011003", "Tanggal lahir pada NIP (digit 1–8) tidak valid: 19850230."),
        ("000001012010011003", "Tanggal lahir pada NIP (digit 1–8) tidak valid: 00000101."),
        (
            "198503122010131003",
            "Digit 13–14 NIP harus bulan pengangkatan 01 sampai 12 (PNS) atau 21 sampai 29 "
            "(PPPK); yang diisi 13.",
        ),
        (
            "198503122010001003",
            "Digit 13–14 NIP harus bulan pengangkatan 01 sampai 12 (PNS) atau 21 sampai 29 "
            "(PPPK); yang diisi 00.",
        ),
        (
            "198503122024201003",
            "Digit 13–14 NIP harus bulan pengangkatan 01 sampai 12 (PNS) atau 21 sampai 29 "
            "(PPPK); yang diisi 20.",
        ),
        ("198503122010013003", "Digit 15 NIP (jenis kelamin) harus 1 atau 2; yang diisi 3."),
        ("198503122010010003", "Digit 15 NIP (jenis kelamin) harus 1 atau 2; yang diisi 0."),
        (
            "198503122010011000",
            "Nomor urut NIP (digit 16–18) tidak boleh 000. Jika NIP disalin dari spreadsheet, "
            "format kolom NIP sebagai Teks lalu ketik ulang NIP-nya.",
        ),
        ("1.98503E+17", SPREADSHEET_MESSAGE.format("1.98503E+17")),
        ("1,98503E+17", SPREADSHEET_MESSAGE.format("1,98503E+17")),
        ("1.985031220100110e+17", SPREADSHEET_MESSAGE.format("1.985031220100110e+17")),
        ("198503122010011003.0", SPREADSHEET_MESSAGE.format("198503122010011003.0")),
        ("198503122010011000,00", SPREADSHEET_MESSAGE.format("198503122010011000,00")),
    ],
)
def test_parse_rejects_with_exact_message(text, message):
    with pytest.raises(ValidationError) as caught:
        Nip.parse(text)

    assert caught.value.message == message
    assert caught.value.field == "nip"


def test_constructor_validates_too():
    with pytest.raises(ValidationError, match="18 digit"):
        Nip("1985")


def test_nip_is_a_hashable_value():
    assert Nip.parse("19850312 201001 1 003") == Nip("198503122010011003")
    assert len({Nip.parse("198503122010011003"), Nip("198503122010011003")}) == 1


@pytest.mark.parametrize(
    ("text", "warnings"),
    [
        ("198503122010011003", []),
        # TMT is the 1st of the month: born 1 June, appointed June at exactly 18 is fine.
        ("199206012010061001", []),
        (
            "199206152010051001",
            [
                "Umur saat pengangkatan menurut NIP 17 tahun, di luar kisaran wajar 18–46 tahun "
                "untuk PNS. Periksa kembali NIP."
            ],
        ),
        (
            "196001012007011001",
            [
                "Umur saat pengangkatan menurut NIP 47 tahun, di luar kisaran wajar 18–46 tahun "
                "untuk PNS. Periksa kembali NIP."
            ],
        ),
        # Age counts whole years at the 1st of the TMT month: 19, not 20.
        ("199003152010021001", []),
        (
            "201003152009021001",
            [
                "Pengangkatan pada NIP (Februari 2009) lebih awal dari tanggal lahir "
                "(15 Maret 2010). Periksa kembali NIP."
            ],
        ),
        # PPPK may be appointed much older (up to a year before retirement age).
        ("197001012023211001", []),
        (
            "195501012023211001",
            [
                "Umur saat pengangkatan menurut NIP 68 tahun, di luar kisaran wajar 18–64 tahun "
                "untuk PPPK. Periksa kembali NIP."
            ],
        ),
        (
            "202501012023211001",
            [
                "Pengangkatan pada NIP (2023) lebih awal dari tanggal lahir (1 Januari 2025). "
                "Periksa kembali NIP."
            ],
        ),
    ],
)
def test_warnings(text, warnings):
    assert Nip.parse(text).warnings() == warnings


@pytest.mark.parametrize(
    ("text", "status", "message"),
    [
        ("198503122010011003", PNS, None),
        ("199507092022211005", PPPK, None),
        (
            "199507092022211005",
            PNS,
            "NIP 199507092022211005 adalah NIP PPPK (digit 13 = 2), tetapi status pegawai diisi "
            "PNS. Periksa kembali NIP atau status pegawai.",
        ),
        (
            "198503122010011003",
            PPPK,
            "NIP 198503122010011003 adalah NIP PNS (digit 13–14 adalah bulan pengangkatan), "
            "tetapi status pegawai diisi PPPK. Periksa kembali NIP atau status pegawai.",
        ),
    ],
)
def test_check_status(text, status, message):
    error = check_status(Nip.parse(text), status)

    if message is None:
        assert error is None
    else:
        assert error is not None
        assert error.message == message
        assert error.field == "nip"
