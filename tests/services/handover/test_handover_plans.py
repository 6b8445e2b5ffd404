"""Hand-over packages carry an SKP's plans: rencana aksi, period targets and target scales."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from handover_helpers import content_of, dump, resigned
from handover_office import empty
from progress_office import TODAY, Office, build_office, entry

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.handover_merge import Choice
from kinerja_desktop.domain.handover_records import Kind
from kinerja_desktop.domain.plans import TargetScale
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.handover import PackageRefusedError
from kinerja_desktop.services.skp.plans import PlanEdits

__all__ = ["empty"]

NOW = datetime(2026, 3, 18, 16, 0, tzinfo=timezone(timedelta(hours=7)))
RIZKY = "198906152014031001"


def _skp_of(services: AppServices, rhk_id: int) -> int:
    with sqlite3.connect(services.database_path) as raw:
        return int(raw.execute("SELECT skp_id FROM rhks WHERE id = ?", (rhk_id,)).fetchone()[0])


def _ikis(services: AppServices, rhk_id: int) -> list[int]:
    with sqlite3.connect(services.database_path) as raw:
        rows = raw.execute("SELECT id FROM ikis WHERE rhk_id = ? ORDER BY id", (rhk_id,))
        return [int(row[0]) for row in rows]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    """Rizky's SKP planned for TW1 and TW2 (one cumulative indicator), and an entry on a plan."""
    services = open_services(tmp_path / "sumber" / "kantor.sqlite", today=lambda: TODAY)
    built = build_office(services)
    first, second = built.rizky_rhks
    skp = _skp_of(services, first)
    (files,), (reports,) = _ikis(services, first), _ikis(services, second)
    built.sign_in(built.siti)
    services.plans.save(
        skp,
        "TW1",
        PlanEdits(
            rencana_aksi={first: "Memverifikasi berkas KTP triwulan I", second: "Laporan Maret"},
            targets={files: "25", reports: "3"},
            scales={files: TargetScale.KUMULATIF, reports: TargetScale.PER_PERIODE},
        ),
    )
    services.plans.save(
        skp, "TW2", PlanEdits(rencana_aksi={first: "Verifikasi triwulan II"}, targets={files: "50"})
    )
    plan = services.plans.period_plan(skp, "TW1")
    rencana = plan.rhks[0].rencana_aksi_id
    built.sign_in(built.rizky)
    services.progress.add(
        built.rizky,
        dataclasses.replace(entry(first, date(2026, 3, 16)), rencana_aksi_id=rencana),
    )
    built.sign_in(None)
    services.access.sign_out()
    try:
        yield built
    finally:
        services.close()


def _export(services: AppServices, path: Path) -> Path:
    services.handover.export(path, now=NOW)
    return path


def _plans(services: AppServices) -> list[tuple[object, ...]]:
    """Every plan by natural values: NIP, RHK text, indicator, period, what is planned."""
    with sqlite3.connect(services.database_path) as raw:
        actions = raw.execute(
            "SELECT e.nip, r.text, '', a.period_code, a.text FROM rencana_aksi a "
            "JOIN rhks r ON r.id = a.rhk_id JOIN skps s ON s.id = r.skp_id "
            "JOIN employees e ON e.id = s.employee_id"
        ).fetchall()
        targets = raw.execute(
            "SELECT e.nip, r.text, i.indicator, t.period_code, t.target FROM period_targets t "
            "JOIN ikis i ON i.id = t.iki_id JOIN rhks r ON r.id = i.rhk_id "
            "JOIN skps s ON s.id = r.skp_id JOIN employees e ON e.id = s.employee_id"
        ).fetchall()
        scales = raw.execute(
            "SELECT e.nip, r.text, i.indicator, '', c.scale FROM target_scales c "
            "JOIN ikis i ON i.id = c.iki_id JOIN rhks r ON r.id = i.rhk_id "
            "JOIN skps s ON s.id = r.skp_id JOIN employees e ON e.id = s.employee_id"
        ).fetchall()
    return sorted(actions + targets + scales, key=str)


def _entry_plans(services: AppServices) -> list[tuple[object, ...]]:
    """The rencana aksi each daily entry worked on (text and period), by entry."""
    with sqlite3.connect(services.database_path) as raw:
        return raw.execute(
            "SELECT p.day, p.start_time, a.period_code, a.text FROM progress_entries p "
            "LEFT JOIN rencana_aksi a ON a.id = p.rencana_aksi_id ORDER BY p.day, p.start_time"
        ).fetchall()


def test_the_plans_go_into_an_empty_office_and_a_second_import_changes_nothing(
    office: Office, empty: AppServices, tmp_path: Path
) -> None:
    source = office.services
    package = _export(source, tmp_path / "paket.zip")

    result = empty.handover.apply(package, back_up=False)

    assert result.unlinked_entries == 0
    assert len(_plans(source)) == 8  # three rencana aksi, three targets, two scales
    assert _plans(empty) == _plans(source)
    assert _entry_plans(empty) == [
        ("2026-03-16", "08:00", "TW1", "Memverifikasi berkas KTP triwulan I")
    ]
    assert content_of(empty) == content_of(source)
    # The receiving office measures TW1 against the period target, as the sending one does.
    skp = _skp_of(empty, min(r for r, _ in _rhk_ids(empty)))
    plan = empty.plans.period_plan(skp, "TW1")
    assert [(i.scale, i.target) for r in plan.rhks for i in r.indicators] == [
        (TargetScale.KUMULATIF, 25),
        (TargetScale.PER_PERIODE, 3),
    ]
    before = dump(empty.database_path)
    again = empty.handover.preview(package)
    assert again.plan.changes_nothing
    empty.handover.apply(package, back_up=False)
    assert dump(empty.database_path) == before


def _rhk_ids(services: AppServices) -> list[tuple[int, str]]:
    with sqlite3.connect(services.database_path) as raw:
        return [
            (int(row[0]), str(row[1]))
            for row in raw.execute(
                "SELECT r.id, e.nip FROM rhks r JOIN skps s ON s.id = r.skp_id "
                "JOIN employees e ON e.id = s.employee_id WHERE e.nip = ? ORDER BY r.id",
                (RIZKY,),
            )
        ]


def test_a_changed_period_target_is_a_difference_of_the_skp(
    office: Office, empty: AppServices, tmp_path: Path
) -> None:
    source = office.services
    empty.handover.apply(_export(source, tmp_path / "pertama.zip"), back_up=False)
    first = office.rizky_rhks[0]
    (files,) = _ikis(source, first)
    office.sign_in(office.siti)
    source.plans.save(
        _skp_of(source, first),
        "TW2",
        PlanEdits(rencana_aksi={first: "Verifikasi dan arsip"}, targets={files: "60"}),
    )
    source.access.sign_out()

    preview = empty.handover.preview(_export(source, tmp_path / "kedua.zip"))

    (conflict,) = preview.plan.conflicts
    assert conflict.kind is Kind.SKP
    changed = {diff.field: (diff.ours, diff.theirs) for diff in conflict.fields}
    assert changed == {
        "rhks[1].ikis[1].period_targets[2].target": ("50", "60"),
        "rhks[1].rencana_aksi[2].text": ("Verifikasi triwulan II", "Verifikasi dan arsip"),
    }
    assert conflict.fields[0].label == "RHK 1 › Indikator 1 › Target periode 2 › target"
    empty.handover.apply(tmp_path / "kedua.zip", {conflict.ref: Choice.TAKE_THEIRS}, back_up=False)
    assert _plans(empty) == _plans(source)
    # The rencana aksi kept its row: the entry that worked on it still names it.
    assert _entry_plans(empty)[0][2:] == ("TW1", "Memverifikasi berkas KTP triwulan I")


def _first_iki(content: dict[str, Any]) -> dict[str, Any]:
    iki: dict[str, Any] = content["rhks"][0]["ikis"][0]
    return iki


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (
            lambda c: _first_iki(c)["period_targets"][0].update(target="-1"),
            r"rhks\[0\]\.ikis\[0\]\.period_targets\[0\]\.target",
        ),
        (
            lambda c: _first_iki(c)["period_targets"][0].update(target="0"),
            r"rhks\[0\]\.ikis\[0\]\.period_targets\[0\]\.target",
        ),
        (
            lambda c: _first_iki(c)["period_targets"][0].update(target="banyak"),
            r"rhks\[0\]\.ikis\[0\]\.period_targets\[0\]\.target",
        ),
        (
            lambda c: _first_iki(c)["period_targets"][0].update(period_code="AKHIR"),
            r"rhks\[0\]\.ikis\[0\]\.period_targets\[0\]\.period_code",
        ),
        (
            lambda c: _first_iki(c).update(target_scale="BULANAN"),
            r"rhks\[0\]\.ikis\[0\]\.target_scale",
        ),
        (
            lambda c: c["rhks"][0]["rencana_aksi"][0].update(text="x" * 1001),
            r"rhks\[0\]\.rencana_aksi\[0\]\.text",
        ),
        (
            lambda c: c["rhks"][0]["rencana_aksi"][1].update(period_code="TW1"),
            r"rhks\[0\]\.rencana_aksi\[1\]\.period_code",
        ),
    ],
)
def test_a_plan_the_skp_page_would_refuse_refuses_the_package(
    office: Office,
    empty: AppServices,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], None],
    field: str,
) -> None:
    package = _export(office.services, tmp_path / "paket.zip")
    bad = resigned(package, tmp_path, Kind.SKP, change, where=lambda c: c["nip"] == RIZKY)
    before = dump(empty.database_path)
    with pytest.raises(PackageRefusedError, match=f"kolom {field}:"):
        empty.handover.preview(bad)
    with pytest.raises(PackageRefusedError, match=f"kolom {field}:"):
        empty.handover.apply(bad, back_up=False)
    assert dump(empty.database_path) == before


def _without_plans(content: dict[str, Any]) -> None:
    """The SKP as a package of the earlier format has it: no plans anywhere."""
    for rhk in content["rhks"]:
        rhk.pop("rencana_aksi", None)
        for iki in rhk["ikis"]:
            iki.pop("period_targets", None)
            iki.pop("target_scale", None)


def test_a_package_without_plans_still_imports(
    office: Office, empty: AppServices, tmp_path: Path
) -> None:
    package = _export(office.services, tmp_path / "paket.zip")
    old = resigned(package, tmp_path, Kind.SKP, _without_plans, where=lambda c: c["nip"] == RIZKY)

    result = empty.handover.apply(old, back_up=False)

    assert result.added > 0
    assert _plans(empty) == []
    # The entry's link names a rencana aksi this office does not have: written without it.
    assert _entry_plans(empty) == [("2026-03-16", "08:00", None, None)]


def test_an_agreed_skp_brings_its_plans_and_stays_locked_here(
    office: Office, empty: AppServices, tmp_path: Path
) -> None:
    source = office.services
    first = office.rizky_rhks[0]
    skp = _skp_of(source, first)
    office.sign_in(office.siti)
    current = source.skp.by_id(skp)
    source.skp.agree(current.id, current.version, date(2026, 1, 5))
    source.access.sign_out()

    empty.handover.apply(_export(source, tmp_path / "paket.zip"), back_up=False)

    assert _plans(empty) == _plans(source)
    received = _skp_of(empty, _rhk_ids(empty)[0][0])
    plan = empty.plans.period_plan(received, "TW1")
    assert not plan.editable
    with pytest.raises(ValidationError, match="sudah disepakati"):
        empty.plans.save(received, "TW1", PlanEdits(rencana_aksi={plan.rhks[0].rhk.id: "Lain"}))
