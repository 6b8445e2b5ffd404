"""An official outside the register is an ASN (NIP and golongan) or a pejabat negara (neither)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import ValidationErrors
from kinerja_desktop.domain.officials import (
    OfficialFields,
    OfficialKind,
    validate_official_fields,
)

ASN = OfficialFields(
    nip="19700101 199503 1 001",
    name="Ratu Dewa",
    golongan="IV/d",
    jabatan="Sekretaris Daerah",
    instansi="Pemerintah Kota Palembang",
)
WALI_KOTA = OfficialFields(
    nip="",
    name="Rahmat Hidayat",
    golongan="",
    jabatan="Wali Kota Palembang",
    instansi="Pemerintah Kota Palembang",
    gelar_depan="H.",
    gelar_belakang="S.E., M.M.",
    kind="PEJABAT_NEGARA",
)


@pytest.mark.parametrize(
    ("fields", "wrong", "says"),
    [
        # An ASN needs both, as before.
        (replace(ASN, nip=""), {"nip"}, "NIP"),
        (replace(ASN, golongan=""), {"golongan"}, "NIP PNS"),
        # A pejabat negara must have neither: a NIP or golongan typed for them is refused.
        (replace(WALI_KOTA, nip="197001011995031001"), {"nip"}, "pejabat negara"),
        (replace(WALI_KOTA, golongan="IV/e"), {"golongan"}, "pejabat negara"),
        (replace(WALI_KOTA, nip="123", golongan="IV/e"), {"nip", "golongan"}, "tidak memiliki"),
        (replace(WALI_KOTA, jabatan=" "), {"jabatan"}, "Jabatan wajib diisi"),
        (replace(WALI_KOTA, kind="GUBERNUR"), {"kind"}, "Jenis pejabat 'GUBERNUR' tidak dikenal"),
    ],
)
def test_each_kind_refuses_what_it_must_not_have_naming_the_field(
    fields: OfficialFields, wrong: set[str], says: str
) -> None:
    with pytest.raises(ValidationErrors) as caught:
        validate_official_fields(fields)
    messages = caught.value.by_field()
    assert set(messages) == wrong
    assert any(says in message for message in messages.values())


@pytest.mark.parametrize(
    ("fields", "kind", "nip", "status", "golongan"),
    [
        (ASN, OfficialKind.ASN, "197001011995031001", EmploymentStatus.PNS, "IV/d"),
        (WALI_KOTA, OfficialKind.PEJABAT_NEGARA, None, None, None),
        # Blanks around the kind and in the empty fields are no value.
        (
            replace(WALI_KOTA, nip="  ", kind=" PEJABAT_NEGARA "),
            OfficialKind.PEJABAT_NEGARA,
            None,
            None,
            None,
        ),
    ],
)
def test_a_valid_official_keeps_only_what_their_kind_holds(
    fields: OfficialFields,
    kind: OfficialKind,
    nip: str | None,
    status: EmploymentStatus | None,
    golongan: str | None,
) -> None:
    valid = validate_official_fields(fields)
    assert valid.kind is kind
    assert (str(valid.nip) if valid.nip else None, valid.status) == (nip, status)
    assert (valid.golongan.code if valid.golongan else None) == golongan


def test_the_kinds_have_indonesian_labels() -> None:
    assert OfficialKind.PEJABAT_NEGARA.label.startswith("Pejabat negara (tanpa NIP)")
    assert OfficialKind.ASN.label.startswith("ASN")
