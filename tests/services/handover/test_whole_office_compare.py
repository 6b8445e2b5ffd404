"""A package carrying most of the office's people is compared with the whole office, read in
batches; a smaller one by key. Either way the import sees the same (issue 14: by key, a
2,000-person office's own package held everything of ours at once, 633 MB against 317 MB).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from handover_helpers import resigned

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.handover_merge import MergePlan
from kinerja_desktop.domain.handover_records import Kind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover import service as handover_service
from kinerja_desktop.services.handover.package import read_package

DAY = date(2026, 11, 28)
#: A share no package reaches, and one every package reaches.
NEVER, ALWAYS = float("inf"), 0.0


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, today=DAY, employees=40)
    return services


def _seen(plan: MergePlan) -> tuple[Any, ...]:
    """What a person is shown: the counts by kind, and each conflict's record and fields."""
    conflicts = sorted(
        (c.kind.value, c.key, c.ours.digest, c.theirs.digest, tuple(map(repr, c.fields)))
        for c in plan.conflicts
    )
    return tuple(plan.counts()), tuple(conflicts)


def _preview(
    office: AppServices, package: Path, monkeypatch: pytest.MonkeyPatch, share: float | None
) -> tuple[tuple[Any, ...], bool]:
    """The preview's plan as shown, and whether the whole office was read in batches."""
    if share is not None:
        monkeypatch.setattr(handover_service, "WHOLE_OFFICE_SHARE", share)
    outlines: list[object] = []
    read_outline = handover_service.batches.read_outline

    def counted(session: Any) -> Any:
        outlines.append(session)
        return read_outline(session)

    monkeypatch.setattr(handover_service.batches, "read_outline", counted)
    plan = office.handover.preview(package).plan
    monkeypatch.undo()
    return _seen(plan), bool(outlines)


def _with_a_conflict(office: AppServices, tmp_path: Path, unit: tuple[str, ...] | None) -> Path:
    exported = tmp_path / "paket.zip"
    office.handover.export(exported, unit=unit)

    def rename(content: dict[str, Any]) -> None:
        content["name"] = content["name"] + " Berubah"

    return resigned(exported, tmp_path, Kind.EMPLOYEE, rename)


def test_the_offices_own_package_is_compared_with_the_whole_office(
    office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _with_a_conflict(office, tmp_path, None)
    seen, whole = _preview(office, package, monkeypatch, None)
    by_key, read_whole = _preview(office, package, monkeypatch, NEVER)
    assert whole and not read_whole
    assert seen == by_key
    assert len(seen[1]) == 1  # the renamed person, found both ways


def test_a_units_package_is_compared_by_key(
    office: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _with_a_conflict(office, tmp_path, _a_small_unit(office, tmp_path))
    seen, whole = _preview(office, package, monkeypatch, None)
    compared_whole, read_whole = _preview(office, package, monkeypatch, ALWAYS)
    assert not whole and read_whole
    assert seen == compared_whole
    assert len(seen[1]) == 1


def _a_small_unit(office: AppServices, tmp_path: Path) -> tuple[str, ...]:
    """A unit whose package carries some people, but fewer than half the office's 40."""
    probe = tmp_path / "uji.zip"
    for path in reversed(office.handover.unit_paths()):
        office.handover.export(probe, unit=path)
        people = sum(a.kind is Kind.EMPLOYEE for a in read_package(probe).aggregates)
        probe.unlink()
        if 0 < people < 20:
            return path
    raise AssertionError("the demo office has no small unit")
