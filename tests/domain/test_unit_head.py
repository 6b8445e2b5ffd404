"""A unit head's Rating Hasil Kerja follows the organisation predikat (SE MenPANRB 3/2023),
and who the register says leads a unit."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.achievement import (
    Proposal,
    head_rating_warning,
    head_waiting,
    propose_head_rating,
)
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.jabatan import JabatanKind
from kinerja_desktop.domain.predikat import OrgPredikat, head_rating
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import load
from kinerja_desktop.domain.staff import Employee, EmployeeId, UnitId, UnitKind
from kinerja_desktop.domain.unit_head import follows_org_predikat, unit_head

DI_ATAS, SESUAI, DI_BAWAH = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH
UNIT = "Puskesmas Kertapati"


@pytest.mark.parametrize(
    ("org", "rating"),
    [
        (OrgPredikat.ISTIMEWA, DI_ATAS),
        (OrgPredikat.BAIK, SESUAI),
        (OrgPredikat.BUTUH_PERBAIKAN, DI_BAWAH),
        (OrgPredikat.KURANG, DI_BAWAH),
        (OrgPredikat.SANGAT_KURANG, DI_BAWAH),
    ],
)
def test_the_organisation_predikat_gives_the_head_rating(org: OrgPredikat, rating: Rating) -> None:
    assert head_rating(org) is rating
    proposal = propose_head_rating(UNIT, org, None)
    assert proposal.rating is rating
    assert proposal.reasons[0].startswith(
        f"Mengikuti predikat kinerja organisasi {UNIT} ({org.label})"
    )
    assert head_rating_warning(UNIT, org, rating) is None


def test_the_mapping_is_data_with_its_source_and_confidence() -> None:
    table = load("predikat")["unit_head_rating"]
    assert "SE MenPANRB 3/2023" in table["_source"]
    assert table["confidence"] == "L"
    assert set(table["by_org"]) == {org.value for org in OrgPredikat}


@pytest.mark.parametrize(
    ("from_results", "notes"),
    [
        (None, 1),  # nothing measured yet: the organisation alone
        (Proposal(SESUAI, ("2 dari 2 RHK sesuai.",)), 1),  # the same rating: no note
        (Proposal(DI_BAWAH, ("2 dari 2 RHK di bawah.",)), 2),  # a different one is noted
    ],
)
def test_what_the_results_alone_say_is_noted_when_it_differs(
    from_results: Proposal | None, notes: int
) -> None:
    proposal = propose_head_rating(UNIT, OrgPredikat.BAIK, from_results)
    assert proposal.rating is SESUAI
    assert len(proposal.reasons) == notes
    if notes == 2:
        assert "Dari realisasi RHK saja usulannya Di Bawah Ekspektasi" in proposal.reasons[1]


@pytest.mark.parametrize(
    ("org", "final", "warned"),
    [
        (OrgPredikat.BAIK, SESUAI, False),
        (OrgPredikat.BAIK, DI_ATAS, True),
        (OrgPredikat.ISTIMEWA, SESUAI, True),
        (OrgPredikat.KURANG, DI_BAWAH, False),
        (OrgPredikat.SANGAT_KURANG, SESUAI, True),
    ],
)
def test_a_decided_rating_that_differs_is_warned(
    org: OrgPredikat, final: Rating, warned: bool
) -> None:
    warning = head_rating_warning(UNIT, org, final)
    assert (warning is not None) is warned
    if warning:
        assert f"({final.label}) berbeda dari predikat kinerja organisasi {UNIT}" in warning
        assert org.label in warning


def test_without_an_organisation_predikat_the_head_is_told_so() -> None:
    text = head_waiting(UNIT, "Triwulan I")
    assert "belum dicatat" in text
    assert f"pimpinan unit kerja {UNIT}" in text
    assert "Sebaran Predikat" in text


def _person(
    person_id: int, unit_id: int, kind: JabatanKind, penilai: int | None, name: str = "A"
) -> Employee:
    return Employee(
        id=EmployeeId(person_id),
        nip="198103042006042011",
        name=name,
        gelar_depan="",
        gelar_belakang="",
        status=EmploymentStatus.PNS,
        golongan="III/a",
        jabatan="Analis",
        jabatan_kind=kind,
        jenjang=None,
        unit_id=UnitId(unit_id),
        penilai_id=EmployeeId(penilai) if penilai is not None else None,
        active=True,
        version=1,
    )


ADM, PGW, PLK, JF = (
    JabatanKind.ADMINISTRATOR,
    JabatanKind.PENGAWAS,
    JabatanKind.PELAKSANA,
    JabatanKind.FUNGSIONAL,
)


@pytest.mark.parametrize(
    ("people", "head"),
    [
        # (id, unit, jenis jabatan, penilai): unit 1 has sub-unit 2
        ([(1, 1, ADM, None), (2, 1, PLK, 1)], 1),  # appraised from outside
        ([(1, 1, ADM, 99), (2, 1, PLK, 1)], 1),  # penilai in another office
        ([(1, 1, PLK, 3), (3, 2, PGW, None)], None),  # appraised from a sub-unit: not head
        ([(1, 1, JF, None), (4, 1, ADM, None)], 4),  # the more senior jabatan leads
        ([(2, 1, PLK, 1)], 2),  # the penilai is not in the unit any more
        ([], None),
    ],
)
def test_who_leads_the_unit(
    people: list[tuple[int, int, JabatanKind, int | None]], head: int | None
) -> None:
    members = {pid: _person(pid, unit, kind, penilai) for pid, unit, kind, penilai in people}
    found = unit_head(1, members)
    assert (found.id if found else None) == head


@pytest.mark.parametrize(
    ("kind", "recorded", "follows"),
    [
        (UnitKind.INSTANSI, False, True),  # waits for the predikat: says it is missing
        (UnitKind.UNIT, False, True),
        (UnitKind.UNIT, True, True),
        (UnitKind.SUB_UNIT, False, False),  # a seksi usually has none: the results decide
        (UnitKind.SUB_UNIT, True, True),
    ],
)
def test_which_heads_follow_the_organisation_predikat(
    kind: UnitKind, recorded: bool, follows: bool
) -> None:
    assert follows_org_predikat(kind, recorded) is follows
