"""Text clean-up and the staff rules shared by the form and the importer."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.errors import ValidationErrors
from kinerja_desktop.domain.jabatan import Jenjang
from kinerja_desktop.domain.staff import StaffFields, full_name, validate_staff_fields
from kinerja_desktop.domain.text import clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Siti   Rahmawati ", "Siti Rahmawati"),
        ("Nur'aini\tHasanah", "Nur'aini Hasanah"),
        ("Ni\u00a0Luh\u200bPutu", "Ni Luh Putu"),  # no-break and zero-width spaces
        ("Jose\u0301 Situmorang", "Jos\u00e9 Situmorang"),  # combining accent composed (NFC)
        ("line\r\nbreak", "line break"),
        ("\x00bell\x07", "bell"),
        ("", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("parts", "printed"),
    [
        (("Nur'aini Hasanah", "dr.", "M.Kes."), "dr. Nur'aini Hasanah, M.Kes."),
        (("Ahmad Fauzi", "", "S.STP., M.Si."), "Ahmad Fauzi, S.STP., M.Si."),
        (("Muhammad Iqbal", "", ""), "Muhammad Iqbal"),
    ],
)
def test_full_name_as_printed_on_forms(parts: tuple[str, str, str], printed: str) -> None:
    assert full_name(*parts) == printed


def _fields(**changed: str) -> StaffFields:
    values = {
        "nip": "198103042006042011",
        "name": "Siti Rahmawati",
        "status": "PNS",
        "golongan": "III/d",
        "jabatan": "Perawat Ahli Muda",
        "jabatan_kind": "Fungsional",
        "gelar_depan": "",
        "gelar_belakang": "S.Kep., Ners",
    }
    return StaffFields(**{**values, **changed})


def test_repeated_fields_give_the_same_values_for_every_person() -> None:
    first = validate_staff_fields(_fields())
    second = validate_staff_fields(_fields(nip="198906152014031001", name="Rizky  Pratama"))

    assert (second.name, second.golongan.code, second.jenjang) == (
        "Rizky Pratama",
        "III/d",
        Jenjang.AHLI_MUDA,
    )
    assert (first.jabatan, first.gelar_belakang) == (second.jabatan, second.gelar_belakang)


def test_problems_are_listed_in_form_order_every_time() -> None:
    bad = _fields(nip="12", name="", status="PNS", golongan="III/z", jabatan_kind="?")
    for _ in range(2):  # the second call takes the remembered rank and position fields
        with pytest.raises(ValidationErrors) as raised:
            validate_staff_fields(bad)
        fields = [error.field for error in raised.value.errors]
        assert fields == ["nip", "name", "jenis_jabatan", "golongan"]
    first = raised.value.errors
    with pytest.raises(ValidationErrors) as again:
        validate_staff_fields(bad)
    assert [e.message for e in again.value.errors] == [e.message for e in first]
    assert not any(a is b for a, b in zip(again.value.errors, first, strict=True))


def test_a_status_the_nip_contradicts_is_named_after_the_other_fields() -> None:
    pppk = _fields(nip="199507092022211005", golongan="?")
    with pytest.raises(ValidationErrors) as raised:
        validate_staff_fields(pppk)
    assert [error.field for error in raised.value.errors] == ["golongan", "nip"]
