"""Beranda's progress of the period: per unit, how far everyone has come, and who is missing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.demo.accounts_demo import DEMO_PASSWORD
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.home.period_progress import Stage
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 11, 28)
SIGNED = date(2026, 10, 8)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "kantor.sqlite"
    opened = open_services(path, today=lambda: TODAY)
    write_demo(opened.database, today=TODAY)
    opened.close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[AppServices]:
    copy = tmp_path / "kantor.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    opened = open_services(copy, create=False, today=lambda: TODAY)
    yield opened
    opened.close()


# (user, period) -> done per stage (SKP, realisasi, rating, predikat, signed) of how many, and
# the number of unit rows. The demo records TW1 to TW3 but one realisation of TW1 is missing
# (in the puskesmas); it signs no evaluation; "" is the system (whole office).
EXPECTED = [
    ("", None, (39, 0, 0, 0, 0), 39, 17),
    ("", "TW1", (39, 38, 38, 38, 0), 39, 17),
    ("", "TW3", (39, 39, 39, 39, 0), 39, 17),
    ("camat", None, (24, 0, 0, 0, 0), 24, 10),
    ("camat", "TW1", (24, 24, 24, 24, 0), 24, 10),
    ("kapus", "TW1", (15, 14, 14, 14, 0), 15, 7),
    ("kasi", None, (9, 0, 0, 0, 0), 9, 1),
    ("kasi", "TW2", (9, 9, 9, 9, 0), 9, 1),
]


@pytest.mark.parametrize(("user", "code", "done", "total", "units"), EXPECTED)
def test_each_account_sees_the_progress_of_its_people(
    demo: AppServices,
    user: str,
    code: str | None,
    done: tuple[int, ...],
    total: int,
    units: int,
) -> None:
    if user:
        demo.accounts.sign_in(user, DEMO_PASSWORD)
    (office,) = demo.period_progress.running(TODAY, code)
    assert office.period.code == (code or "TW4")  # the running period unless another is asked
    assert [stage.done for stage in office.total.stages] == list(done)
    assert {stage.total for stage in office.total.stages} == {total}
    assert len(office.units) == units
    for stage in office.total.stages:  # the missing people are the rest, by name
        assert len(stage.missing) == stage.total - stage.done
    for stage in Stage:  # the units add up to the whole
        assert (
            sum(unit.stage(stage).done for unit in office.units) == office.total.stage(stage).done
        )


def test_the_running_period_has_its_deadline(demo: AppServices) -> None:
    (office,) = demo.period_progress.running(TODAY)
    assert (office.deadline.on, office.deadline.days_left) == (date(2026, 12, 31), 33)
    assert office.deadline.text.startswith("31 Desember 2026 (33 hari lagi): akhir Triwulan IV")
    (past,) = demo.period_progress.running(TODAY, "TW3")
    assert past.deadline.text.startswith("30 September 2026 (sudah lewat 59 hari)")


def test_signing_and_a_new_person_move_the_bars(demo: AppServices) -> None:
    with demo.database.reading() as session:
        skp_id, employee_id = session.execute(
            text(
                "SELECT skps.id, skps.employee_id FROM predikat_decisions JOIN skps "
                "ON skps.id = predikat_decisions.skp_id WHERE period_code = 'TW3' LIMIT 1"
            )
        ).one()
    demo.seals.sign_evaluation(skp_id, "TW3", SIGNED, today=TODAY)
    person = demo.staff.get(employee_id)
    newcomer = demo.staff.create(
        StaffInput(
            StaffFields(
                "199901012024011001", "Zaki Pendatang", "PNS", "III/a", "Analis", "Pelaksana"
            ),
            person.unit_id,
            person.penilai_id,
            date(2026, 11, 2),
        )
    )
    (office,) = demo.period_progress.running(TODAY, "TW3")
    signed = office.total.stage(Stage.DITANDATANGANI)
    assert (signed.done, signed.total) == (1, 40)
    assert employee_id not in {who.employee_id for who in signed.missing}
    unit = next(unit for unit in office.units if unit.unit_id == person.unit_id)
    skp = unit.stage(Stage.SKP)
    assert [who.name for who in skp.missing] == ["Zaki Pendatang"]
    assert skp.missing[0].employee_id == newcomer.id


def test_the_progress_reads_a_fixed_number_of_statements(tmp_path: Path) -> None:
    counts = []
    for size in (40, 160):
        opened = open_services(tmp_path / f"kantor{size}.sqlite", today=lambda: TODAY)
        write_demo(opened.database, today=TODAY, employees=size)
        statements: list[str] = []

        def record(*args: object, seen: list[str] = statements) -> None:
            seen.append(str(args[2]))

        event.listen(opened.database.engine, "before_cursor_execute", record)
        (office,) = opened.period_progress.running(TODAY, "TW3")
        event.remove(opened.database.engine, "before_cursor_execute", record)
        assert office.total.stages[0].total > size * 0.9
        counts.append(len(statements))
        opened.close()
    assert counts[0] == counts[1]
    assert counts[0] <= 6
