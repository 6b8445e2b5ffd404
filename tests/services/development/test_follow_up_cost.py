"""Beranda's development follow-up: a fixed number of reads, the same items as plan by plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sql_statements import statements_of

from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.attention import AttentionItem, Severity
from kinerja_desktop.domain.development import pns_minimum_jp
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.development.overview import follow_up_check, plans_in

#: In the JP reminder months, so every branch of the check runs.
TODAY = date(2026, 11, 28)


def plan_by_plan(services: AppServices, today: date) -> list[AttentionItem]:
    """The check as it was: every active person's plan built, then each list filtered."""
    with services.database.reading() as session:
        people = staff_repo.all_employees(session, active_only=True)
        people.sort(key=lambda person: (person.name, person.id))
        plans = plans_in(session, today.year, today, people, staff_repo.all_units(session))
    lists = [
        (
            Severity.PENTING,
            "Rencana pengembangan terhenti (untuk kepala unit): {n} pegawai",
            [p for p in people if plans[p.id].lapsed],
        ),
        (
            Severity.PENTING,
            "Kegiatan pengembangan terlambat: {n} pegawai",
            [
                p
                for p in people
                if not plans[p.id].lapsed and any(e.overdue for e in plans[p.id].items)
            ],
        ),
        (
            Severity.INFO,
            "Periode baru: tinjau rencana pengembangan {n} pegawai",
            [p for p in people if any(e.needs_review for e in plans[p.id].items)],
        ),
        (
            Severity.INFO,
            f"Belum mencapai {pns_minimum_jp()} JP tahun ini: {{n}} pegawai",
            [p for p in people if plans[p.id].shortfall > 0],
        ),
    ]
    return [AttentionItem.about_people(s, title, who) for s, title, who in lists if who]


def test_the_check_reads_as_many_statements_for_160_people_as_for_40(tmp_path: Path) -> None:
    counts = []
    for size in (40, 160):
        opened = open_services(tmp_path / f"kantor{size}.sqlite", today=lambda: TODAY)
        try:
            write_demo(opened.database, today=TODAY, employees=size)
            with statements_of(opened) as seen, opened.database.reading() as session:
                items = follow_up_check(session, TODAY)
            # The same items as building every person's plan, names and order included.
            assert items == plan_by_plan(opened, TODAY)
        finally:
            opened.close()
        assert any("JP" in item.title for item in items)
        counts.append(len(seen))
    assert counts[1] <= counts[0]


def test_before_october_nobody_is_named_for_the_jp_minimum(tmp_path: Path) -> None:
    opened = open_services(tmp_path / "kantor.sqlite", today=lambda: TODAY)
    try:
        write_demo(opened.database, today=TODAY, employees=40)
        with opened.database.reading() as session:
            items = follow_up_check(session, date(2026, 9, 30))
    finally:
        opened.close()
    assert not any("JP" in item.title for item in items)
