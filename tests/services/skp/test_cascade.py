"""The cascade of results on the demo office: who serves which RHK, and the gaps flagged."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import event

from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    Pendekatan,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpStatus,
)
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import Employee, EmployeeId, StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.skp.cascade import (
    CascadeNode,
    CascadeRhk,
    CascadeService,
    ServingRhk,
    summarise,
)
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026
TODAY = date(YEAR, 3, 2)


@dataclass(frozen=True)
class Demo:
    people: dict[EmployeeId, Employee]
    camat: Employee
    kapus: Employee
    kasi: Employee  # Kepala Seksi Pelayanan Umum
    kasi_pem: Employee  # Kepala Seksi Pemerintahan
    staff: list[Employee]  # the kasi's active staff, by name

    def one(self, jabatan: str) -> Employee:
        return next(p for p in self.people.values() if p.jabatan == jabatan)


@pytest.fixture
def demo(services: AppServices, monkeypatch: pytest.MonkeyPatch) -> Demo:
    # These tests write their own SKPs on the demo's people: leave out the demo's SKP step.
    from kinerja_desktop import demo as demo_package
    from kinerja_desktop.demo.skp_demo import write_skps

    steps = [step for step in demo_package.DEMO_STEPS if step is not write_skps]
    monkeypatch.setattr(demo_package, "DEMO_STEPS", steps)
    write_demo(services.database, today=TODAY)
    with services.database.reading() as session:
        people = {p.id: p for p in staff_repo.all_employees(session)}

    def only(prefix: str) -> Employee:
        (found,) = [p for p in people.values() if p.jabatan.startswith(prefix)]
        return found

    kasi = only("Kepala Seksi Pelayanan Umum")
    staff = sorted(
        (p for p in people.values() if p.penilai_id == kasi.id and p.active),
        key=lambda p: p.name,
    )
    assert len(staff) >= 3
    return Demo(
        people=people,
        camat=only("Camat "),
        kapus=only("Kepala Puskesmas "),
        kasi=kasi,
        kasi_pem=only("Kepala Seksi Pemerintahan"),
        staff=staff,
    )


@pytest.fixture
def cascade(services: AppServices) -> CascadeService:
    return CascadeService(services.database, AccessGuard.system(services.database))


def iki() -> IkiDraft:
    return IkiDraft("Jumlah layanan yang diselesaikan", "100", "Layanan", aspek=Aspek.KUANTITAS)


def rhk(text: str, parent: int | None = None, kind: RhkKind = RhkKind.UTAMA) -> RhkDraft:
    return RhkDraft(text, kind, (iki(),), parent_rhk_id=parent)


def write_skp(services: AppServices, person: Employee, *rhks: RhkDraft) -> SkpView:
    created = services.skp.create(person.id, YEAR)
    draft = SkpDraft(Pendekatan.KUANTITATIF, rhks)
    return services.skp.save(created.id, created.version, draft)


@dataclass(frozen=True)
class Plans:
    camat: SkpView
    kasi: SkpView
    kasi_pem: SkpView
    linked: SkpView  # the kasi's first staff member, serving the kasi's A.1
    unlinked: SkpView  # the second, serving nothing


@pytest.fixture
def plans(services: AppServices, demo: Demo) -> Plans:
    camat = write_skp(
        services,
        demo.camat,
        rhk("Meningkatnya kualitas pelayanan publik kecamatan"),
        rhk("Terwujudnya ketenteraman wilayah"),
        rhk("Terlaksananya forum kecamatan", kind=RhkKind.TAMBAHAN),
    )
    served = camat.rhks[0].id
    kasi = write_skp(
        services,
        demo.kasi,
        rhk("Layanan administrasi kependudukan cepat", served),
        rhk("Survei kepuasan terlaksana"),
        rhk("Panitia hari jadi kota", kind=RhkKind.TAMBAHAN),
    )
    kasi_pem = write_skp(services, demo.kasi_pem, rhk("Administrasi pemerintahan tertib", served))
    linked = write_skp(
        services, demo.staff[0], rhk("Berkas kependudukan diproses", kasi.rhks[0].id)
    )
    unlinked = write_skp(services, demo.staff[1], rhk("Arsip layanan digital"))
    return Plans(camat, kasi, kasi_pem, linked, unlinked)


def unit_of(services: AppServices, name: str) -> int:
    return next(unit.id for unit in services.staff.units() if unit.name == name)


def node_of(nodes: list[CascadeNode], employee_id: int) -> CascadeNode:
    return next(n for top in nodes for n in top.walk() if n.employee.id == employee_id)


def flags(node: CascadeNode) -> list[tuple[str, bool, bool]]:
    return [(r.label, r.serves_nothing, r.unserved) for r in node.rhks]


# --- the tree -------------------------------------------------------------------------------


def test_the_camats_rhk_lists_the_staff_rhk_serving_it(
    services: AppServices, demo: Demo, plans: Plans, cascade: CascadeService
) -> None:
    root = cascade.tree(demo.camat.id, YEAR)

    assert root.employee == demo.camat
    assert (root.skp_id, root.skp_status, root.penilai_has_skp) == (
        plans.camat.id,
        SkpStatus.DRAFT,
        False,
    )
    first = root.rhks[0]
    assert first == CascadeRhk(
        id=plans.camat.rhks[0].id,
        kind=RhkKind.UTAMA,
        number=1,
        text="Meningkatnya kualitas pelayanan publik kecamatan",
        parent_rhk_id=None,
        parent_text="",
        served_by=tuple(
            sorted(
                (
                    ServingRhk(
                        plans.kasi.rhks[0].id,
                        "Layanan administrasi kependudukan cepat",
                        RhkKind.UTAMA,
                        demo.kasi.id,
                        demo.kasi.full_name,
                    ),
                    ServingRhk(
                        plans.kasi_pem.rhks[0].id,
                        "Administrasi pemerintahan tertib",
                        RhkKind.UTAMA,
                        demo.kasi_pem.id,
                        demo.kasi_pem.full_name,
                    ),
                ),
                key=lambda s: s.employee_name.casefold(),
            )
        ),
        serves_nothing=False,
        unserved=False,
    )
    # A.2 is a main result nobody below serves yet; B.1 is additional and need not cascade.
    assert flags(root) == [
        ("A.1 Meningkatnya kualitas pelayanan publik kecamatan", False, False),
        ("A.2 Terwujudnya ketenteraman wilayah", False, True),
        ("B.1 Terlaksananya forum kecamatan", False, False),
    ]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        (
            "kasi",
            [
                ("A.1 Layanan administrasi kependudukan cepat", False, False),
                # Serves nothing although the camat has an SKP, and nobody serves it.
                ("A.2 Survei kepuasan terlaksana", True, True),
                ("B.1 Panitia hari jadi kota", False, False),
            ],
        ),
        # Someone who appraises nobody has no "unserved" flags.
        ("linked", [("A.1 Berkas kependudukan diproses", False, False)]),
        ("unlinked", [("A.1 Arsip layanan digital", True, False)]),
    ],
)
def test_flags_per_person(
    services: AppServices,
    demo: Demo,
    plans: Plans,
    cascade: CascadeService,
    *,
    who: str,
    expected: list[tuple[str, bool, bool]],
) -> None:
    owner = {"kasi": demo.kasi, "linked": demo.staff[0], "unlinked": demo.staff[1]}[who]
    node = node_of([cascade.tree(demo.camat.id, YEAR)], owner.id)
    assert flags(node) == expected
    assert node.penilai_has_skp


def test_people_without_an_skp_are_listed(
    services: AppServices, demo: Demo, plans: Plans, cascade: CascadeService
) -> None:
    kasi = cascade.tree(demo.kasi.id, YEAR)

    assert [child.employee for child in kasi.children] == sorted(
        demo.staff, key=lambda p: (p.jabatan_kind != "FUNGSIONAL", p.name.casefold(), p.id)
    )
    without = [
        c
        for c in kasi.children
        if c.employee.id not in {p.employee_id for p in (plans.linked, plans.unlinked)}
    ]
    assert without and all(
        (c.skp_id, c.skp_status, c.rhks, c.has_skp) == (None, None, (), False) for c in without
    )
    assert all(c.penilai_has_skp for c in kasi.children)


def test_inactive_people_are_left_out(
    services: AppServices, demo: Demo, cascade: CascadeService
) -> None:
    inactive = {p.id for p in demo.people.values() if not p.active}
    assert inactive
    listed = {
        n.employee.id
        for top in cascade.for_unit(unit_of(services, "Pemerintah Kota Palembang"), YEAR)
        for n in top.walk()
    }
    assert listed == {p.id for p in demo.people.values() if p.active}


def test_a_subtree_is_the_same_as_in_the_whole_tree(
    services: AppServices, demo: Demo, plans: Plans, cascade: CascadeService
) -> None:
    whole = cascade.tree(demo.camat.id, YEAR)
    assert cascade.tree(demo.kasi.id, YEAR) == node_of([whole], demo.kasi.id)
    kecamatan = cascade.for_unit(unit_of(services, "Kecamatan Kertapati"), YEAR)
    assert kecamatan == [whole]


def test_a_unit_starts_at_its_heads(
    services: AppServices, demo: Demo, plans: Plans, cascade: CascadeService
) -> None:
    office = cascade.for_unit(unit_of(services, "Pemerintah Kota Palembang"), YEAR)
    assert [top.employee for top in office] == [demo.camat, demo.kapus]

    seksi = cascade.for_unit(unit_of(services, "Seksi Pelayanan Umum"), YEAR)
    assert [top.employee for top in seksi] == [demo.kasi]
    # The camat is outside the seksi, yet his SKP still decides the kasi's flags.
    assert seksi[0].penilai_has_skp
    assert seksi[0] == node_of(office, demo.kasi.id)


def test_a_unit_without_skps(
    services: AppServices, demo: Demo, plans: Plans, cascade: CascadeService
) -> None:
    puskesmas = cascade.for_unit(unit_of(services, "Puskesmas Kertapati"), YEAR)
    assert [top.employee for top in puskesmas] == [demo.kapus]
    everyone = [n for n in puskesmas[0].walk()]
    assert len(everyone) > 5
    assert not any(n.has_skp or n.penilai_has_skp or n.rhks for n in everyone)


def test_serving_an_rhk_of_someone_who_is_no_longer_the_penilai(
    services: AppServices, demo: Demo, plans: Plans, cascade: CascadeService
) -> None:
    # The linked staff member moves to the kasi pemerintahan; his RHK still names the old
    # kasi's RHK, which is not one his new penilai owns.
    moved = demo.staff[0]
    services.staff.update(
        moved.id,
        moved.version,
        StaffInput(
            fields=StaffFields(
                moved.nip,
                moved.name,
                moved.status.value,
                moved.golongan,
                moved.jabatan,
                moved.jabatan_kind.value,
                moved.gelar_depan,
                moved.gelar_belakang,
            ),
            unit_id=moved.unit_id,
            penilai_id=demo.kasi_pem.id,
        ),
    )

    whole = cascade.tree(demo.camat.id, YEAR)

    kasi = node_of([whole], demo.kasi.id)
    assert [s.employee_id for s in kasi.rhks[0].served_by] == [moved.id]
    assert flags(node_of([whole], moved.id)) == [("A.1 Berkas kependudukan diproses", True, False)]
    # The kasi pemerintahan now appraises someone, and nobody serves his RHK.
    assert flags(node_of([whole], demo.kasi_pem.id)) == [
        ("A.1 Administrasi pemerintahan tertib", False, True)
    ]


def test_another_year_has_no_skps(
    services: AppServices, demo: Demo, plans: Plans, cascade: CascadeService
) -> None:
    root = cascade.tree(demo.camat.id, YEAR + 1)
    assert not any(n.has_skp or n.rhks for n in root.walk())


def test_unknown_people_and_units(
    services: AppServices, demo: Demo, cascade: CascadeService
) -> None:
    with pytest.raises(NotFoundError):
        cascade.tree(99999, YEAR)
    with pytest.raises(NotFoundError):
        cascade.for_unit(99999, YEAR)


def test_summary_counts(
    services: AppServices, demo: Demo, plans: Plans, cascade: CascadeService
) -> None:
    nodes = cascade.for_unit(unit_of(services, "Pemerintah Kota Palembang"), YEAR)
    summary = summarise(nodes)
    active = sum(p.active for p in demo.people.values())

    assert (summary.people, summary.with_skp, summary.without_skp) == (active, 5, active - 5)
    # Unserved: the camat's A.2, the kasi's A.2 and the kasi pemerintahan's A.1 (his one
    # staff member has no SKP yet).
    assert (summary.rhks, summary.serving_nothing, summary.unserved) == (9, 2, 3)
    assert summary.text == (
        f"{active} pegawai · 5 dengan SKP · {active - 5} belum ada SKP · 9 RHK · "
        "2 RHK belum mengintervensi RHK atasan · 3 RHK atasan belum didukung RHK staf"
    )


# --- cost -------------------------------------------------------------------------------------


@pytest.fixture
def statements(services: AppServices) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(services.database.engine, "before_cursor_execute", record)
    yield seen
    event.remove(services.database.engine, "before_cursor_execute", record)


def test_the_number_of_queries_does_not_grow_with_the_office(
    services: AppServices,
    demo: Demo,
    plans: Plans,
    cascade: CascadeService,
    statements: list[str],
) -> None:
    office = unit_of(services, "Pemerintah Kota Palembang")
    statements.clear()
    cascade.for_unit(office, YEAR)
    few = len(statements)

    for person in demo.staff[2:]:
        write_skp(services, person, rhk("Layanan", plans.kasi.rhks[0].id), rhk("Arsip"))
    kapus = write_skp(services, demo.kapus, rhk("Puskesmas melayani"))
    for person in demo.people.values():
        if person.penilai_id == demo.kapus.id and person.active:
            write_skp(services, person, rhk("Pasien terlayani", kapus.rhks[0].id))
    statements.clear()
    nodes = cascade.for_unit(office, YEAR)

    assert len(statements) == few
    # The unit, then the people, their SKPs and the RHK concerned.
    assert sum(1 for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))) == 4
    assert summarise(nodes).with_skp > 15

    statements.clear()
    cascade.tree(demo.camat.id, YEAR)
    assert sum(1 for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))) == 3
