import pytest

from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.golongan import golongan_choices, parse_golongan

PNS = EmploymentStatus.PNS
PPPK = EmploymentStatus.PPPK

PNS_TABLE = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]
PPPK_CODES = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
    "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
]  # fmt: skip


@pytest.mark.parametrize(
    ("rank", "code", "pangkat"), [(i + 1, *row) for i, row in enumerate(PNS_TABLE)]
)
def test_every_pns_golongan_has_its_pangkat(rank, code, pangkat):
    golongan = parse_golongan(code, PNS)

    assert golongan.code == code
    assert golongan.status is PNS
    assert golongan.pangkat == pangkat
    assert golongan.rank == rank
    assert golongan.display == f"{pangkat}, {code}"
    assert str(golongan) == golongan.display


@pytest.mark.parametrize(("rank", "code"), [(i + 1, code) for i, code in enumerate(PPPK_CODES)])
def test_every_pppk_golongan(rank, code):
    by_roman = parse_golongan(code, PPPK)
    by_number = parse_golongan(str(rank), PPPK)

    assert by_roman == by_number
    assert by_roman.code == code
    assert by_roman.status is PPPK
    assert by_roman.pangkat is None
    assert by_roman.rank == rank
    assert by_roman.display == code


def test_choices_are_in_order():
    assert [g.code for g in golongan_choices(PNS)] == [code for code, _ in PNS_TABLE]
    assert [g.code for g in golongan_choices(PPPK)] == PPPK_CODES
    for status in (PNS, PPPK):
        assert [g.rank for g in golongan_choices(status)] == list(range(1, 18))


@pytest.mark.parametrize(
    "text",
    [
        "III/b", "iii/b", "III b", "IIIb", "III-b", "III.b", "3b", "3/b", "3 B",
        " III / b ", "Gol. III/b", "golongan III/b", "Gol III/b",
    ],
)  # fmt: skip
def test_tolerant_pns_spellings(text):
    assert parse_golongan(text, PNS).code == "III/b"


@pytest.mark.parametrize(
    ("text", "code"),
    [("iv/e", "IV/e"), ("4e", "IV/e"), ("Ia", "I/a"), ("1-a", "I/a"), ("II/D", "II/d")],
)
def test_tolerant_pns_spellings_at_the_edges(text, code):
    assert parse_golongan(text, PNS).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("IX", "IX"), ("ix", "IX"), ("9", "IX"), (" xvii ", "XVII"), ("Gol. V", "V"), ("09", "IX")],
)
def test_tolerant_pppk_spellings(text, code):
    assert parse_golongan(text, PPPK).code == code


@pytest.mark.parametrize(
    ("text", "status", "message"),
    [
        ("", PNS, "Golongan belum diisi."),
        ("  ", PPPK, "Golongan belum diisi."),
        ("III/f", PNS, "Golongan 'III/f' tidak dikenal untuk PNS (I/a sampai IV/e)."),
        ("I/e", PNS, "Golongan 'I/e' tidak dikenal untuk PNS (I/a sampai IV/e)."),
        ("5a", PNS, "Golongan '5a' tidak dikenal untuk PNS (I/a sampai IV/e)."),
        ("Penata", PNS, "Golongan 'Penata' tidak dikenal untuk PNS (I/a sampai IV/e)."),
        (
            "III",
            PNS,
            "Golongan PNS harus lengkap dengan ruang, misalnya III/a; yang diisi 'III'.",
        ),
        ("4", PNS, "Golongan PNS harus lengkap dengan ruang, misalnya IV/a; yang diisi '4'."),
        (
            "IX",
            PNS,
            "Golongan 'IX' adalah golongan PPPK, sedangkan pegawai ini PNS (I/a sampai IV/e).",
        ),
        ("XVIII", PPPK, "Golongan PPPK harus I sampai XVII; yang diisi 'XVIII'."),
        ("18", PPPK, "Golongan PPPK harus I sampai XVII; yang diisi '18'."),
        ("0", PPPK, "Golongan PPPK harus I sampai XVII; yang diisi '0'."),
        ("abc", PPPK, "Golongan PPPK harus I sampai XVII; yang diisi 'abc'."),
        (
            "III/b",
            PPPK,
            "Golongan 'III/b' adalah golongan PNS, sedangkan pegawai ini PPPK; "
            "golongan PPPK I sampai XVII tanpa ruang.",
        ),
        (
            "3a",
            PPPK,
            "Golongan '3a' adalah golongan PNS, sedangkan pegawai ini PPPK; "
            "golongan PPPK I sampai XVII tanpa ruang.",
        ),
    ],
)
def test_errors(text, status, message):
    with pytest.raises(ValidationError) as caught:
        parse_golongan(text, status)

    assert caught.value.message == message
    assert caught.value.field == "golongan"
