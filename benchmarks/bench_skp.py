"""SKP benchmarks: opening and saving a 30-RHK SKP in the database of a 20,000-person office.

Run with `python benchmarks/bench_skp.py` (`--employees`, `--runs`, `--profile`). It writes the
demo office with 20,000 people, each with an agreed SKP of about ten RHK and its realisation
for the ended periods; adds a newcomer under the Kepala Seksi Pelayanan Umum of Kecamatan
Kertapati with a draft SKP of 30 RHK and 90 indicators cascading from the kepala seksi's RHK;
then times, through `SkpService` as the UI calls it, opening that SKP (`get` and `by_id`) and
saving an edit of one indicator's target (`to_draft` then `save`). Prints a Markdown section
for docs/benchmarks.md. With `--profile` it also prints where the time of both goes.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import sqlalchemy
from machine import machine

from kinerja_desktop.demo import skp_texts, write_demo
from kinerja_desktop.domain.skp import IkiDraft, Pendekatan, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.domain.skp_records import SkpView, format_decimal_id
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.skp.service import SkpService
from kinerja_desktop.services.staff.service import StaffInput

TARGETS_MS = {"open": 100.0, "save": 50.0}
RHK_COUNT = 30
TAMBAHAN_COUNT = 6
SUPERVISOR = "Kepala Seksi Pelayanan Umum"


def add_newcomer(services: AppServices, today: date) -> int:
    """Add a pelaksana who joins today under the Kepala Seksi Pelayanan Umum of the home office."""
    found = services.staff.search_people(SUPERVISOR, 50)
    supervisor = min((p for p in found if p.jabatan == SUPERVISOR), key=lambda p: p.id)
    serial = 1
    while services.staff.find_by_nip(f"19980412{today.year:04d}062{serial:03d}"):
        serial += 1
    person = services.staff.create(
        StaffInput(
            StaffFields(
                nip=f"19980412{today.year:04d}062{serial:03d}",
                name="Rahmawati Putri",
                status="PNS",
                golongan="II/c",
                jabatan="Penata Layanan Operasional",
                jabatan_kind="Pelaksana",
                gelar_belakang="A.Md.",
            ),
            unit_id=supervisor.unit_id,
            penilai_id=supervisor.id,
            effective_date=today,
        )
    )
    return person.id


def big_draft(services: AppServices, employee_id: int, year: int) -> SkpDraft:
    """30 RHK (24 main ones serving the supervisor's RHK, 6 additional), 3 indicators each."""
    options = services.skp.supervisor_options(employee_id, year)
    templates = []
    seen = set()
    for table in (*skp_texts.FAMILY_RHK.values(), skp_texts.KECAMATAN_EXTRA):
        for rhk in table:
            if rhk.text not in seen and "{" not in rhk.text:
                seen.add(rhk.text)
                templates.append(rhk)
    rhks = []
    for number, template in enumerate(templates[:RHK_COUNT]):
        main = number < RHK_COUNT - TAMBAHAN_COUNT
        rhks.append(
            RhkDraft(
                text=template.text,
                kind=RhkKind.UTAMA if main else RhkKind.TAMBAHAN,
                parent_rhk_id=options[number % len(options)].id if main else None,
                indicators=tuple(
                    IkiDraft(
                        indicator=iki.indicator,
                        target=format_decimal_id(iki.target),
                        unit=iki.unit,
                        lower_is_better=iki.lower_is_better,
                        aspek=iki.aspek,
                    )
                    for iki in template.indicators
                ),
            )
        )
    return SkpDraft(Pendekatan.KUANTITATIF, tuple(rhks))


def timed(action: Callable[[], object], runs: int) -> list[float]:
    latencies = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def summary(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


class Editor:
    """Changes one indicator's target and saves, as the SKP editor does, keeping the version."""

    def __init__(self, service: SkpService, view: SkpView) -> None:
        self.service = service
        self.view = view
        self.edits = 0

    def save_one_edit(self) -> None:
        view = self.view
        draft = view.to_draft()
        rhk = draft.rhks[RHK_COUNT // 2]
        first = rhk.indicators[0]
        self.edits += 1
        target = f"{100 + self.edits % 2}"
        changed = replace(rhk, indicators=(replace(first, target=target), *rhk.indicators[1:]))
        rhks = (*draft.rhks[: RHK_COUNT // 2], changed, *draft.rhks[RHK_COUNT // 2 + 1 :])
        self.view = self.service.save(view.id, view.version, replace(draft, rhks=rhks))


def profile(label: str, action: Callable[[], object], runs: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        action()
    profiler.disable()
    print(f"\n### Profile: {label}, {runs} runs\n\n```")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    print("```")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    args = parser.parse_args()

    today = date.today()
    folder = Path(tempfile.mkdtemp(prefix="kinerja-bench-skp-"))
    path = folder / "demo.sqlite"
    services = open_services(path)
    start = time.perf_counter()
    demo = write_demo(services.database, employees=args.employees, today=today)
    demo_s = time.perf_counter() - start
    demo_peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with services.database.reading() as session:
        counts = {
            table: session.execute(sqlalchemy.text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("skps", "rhks", "ikis", "realisations", "rhk_feedback")
        }

    employee_id = add_newcomer(services, today)
    created = services.skp.create(employee_id, today.year)
    draft = big_draft(services, employee_id, today.year)
    view = services.skp.save(created.id, created.version, draft)
    assert (len(view.rhks), view.indicator_count()) == (RHK_COUNT, 3 * RHK_COUNT)
    services.close()

    services = open_services(path, create=False)  # a fresh start, as when the app opens
    service = SkpService(services.database, AccessGuard.system(services.database))
    get_ms = timed(lambda: service.get(employee_id, today.year), args.runs)
    by_id_ms = timed(lambda: service.by_id(view.id), args.runs)
    editor = Editor(service, service.by_id(view.id))
    save_ms = timed(editor.save_one_edit, args.runs)
    assert editor.view.version > view.version
    size_mb = path.stat().st_size / 2**20

    def verdict(value: float, target: float) -> str:
        return "met" if value <= target else "MISSED"

    print(f"Machine: {machine({'SQLAlchemy': sqlalchemy.__version__})}\n")
    print(
        f"Demo office of {args.employees:,} people with their SKPs written in {demo_s:.1f} s "
        f"({counts['skps']:,} SKPs, {counts['rhks']:,} RHK, {counts['ikis']:,} indicators, "
        f"{counts['realisations']:,} realisation values, {counts['rhk_feedback']:,} feedback "
        f"rows; a {size_mb:.0f} MB file; peak memory {demo_peak_mb:.0f} MB).\n"
    )
    print(demo.notes[-1] + "\n")
    print("| measure | median | p95 | target | |")
    print("|---|---|---|---|---|")
    for label, latencies, target in (
        (f"open the {RHK_COUNT}-RHK draft: `SkpService.get`", get_ms, TARGETS_MS["open"]),
        (f"open the {RHK_COUNT}-RHK draft: `SkpService.by_id`", by_id_ms, TARGETS_MS["open"]),
        ("save an edit of one target: `to_draft` → `save`", save_ms, TARGETS_MS["save"]),
    ):
        median_ms, p95_ms = summary(latencies)
        print(
            f"| {label}, {args.runs} runs | {median_ms:.1f} ms | {p95_ms:.1f} ms | "
            f"≤ {target:.0f} ms | {verdict(p95_ms, target)} |"
        )
    if args.profile:
        profile("SkpService.get", lambda: service.get(employee_id, today.year), args.runs)
        profile("to_draft, change one target, SkpService.save", editor.save_one_edit, args.runs)
    services.close()
    if args.keep:
        print(f"\nDatabase kept: {path}")
    else:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
