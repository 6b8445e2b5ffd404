"""Printing benchmark: the period's evaluation forms of 200 people, app against bare reportlab.

Run with `python benchmarks/bench_print.py` (`--people`, `--memory-forms`, `--workers`). It
writes the demo office with ``--people`` people (their SKPs agreed, Triwulan I-III realised and
rated), then:

1. the app: `run_batch` of the Evaluasi Kinerja Pegawai of Triwulan III for everyone, one PDF
   file per person (read the records a chunk at a time, build and sign the content, render,
   write the file, record the codes), once in one process and once with ``--workers``
   processes as `kinerja-desktop print` does it (one per core by default; the workers' start
   is timed too);
2. bare reportlab: a plain script that draws the same content (taken beforehand from the
   app's content records, untimed) with the same font, plain tables, the same PDF stream
   encoding (binary, zlib) and no app code;
3. peak memory of a batch of ``--memory-forms`` forms, in a fresh child process (its maximum
   resident set size, and its largest worker's), so that the demo writing and step 1 do not
   count.

The load average goes with the figures: the machine may be shared; ratios measured in the same
run compare like with like.

Prints a Markdown section for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import reportlab
from machine import machine
from reportlab import rl_config
from reportlab.lib import rl_accel
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kinerja_desktop.demo import write_demo
from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports.content import EvaluationForm, FormKind
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.printing import PrintingService
from kinerja_desktop.services.printing.batch import plan_batch, run_batch
from kinerja_desktop.services.printing.batch_pool import default_workers

TODAY = date(2026, 11, 28)
YEAR = 2026
PERIOD = "TW3"
TARGET_RATIO = 0.7
#: The pool against bare reportlab in one process (issue 14).
TARGET_POOL_RATIO = 1.0
TARGET_MB = 300
#: CPU seconds of this process in the last single-process run of each side: on a shared
#: machine they show the work done whatever the load (a pool's workers are not in them).
CPU_SECONDS: dict[str, float] = {}


def accelerator() -> str:
    """reportlab's C accelerator as both sides use it: rl_accel's version, or "none".

    reportlab takes it when it is installed (string widths, number formatting, PDF escaping);
    the app and the bare script run in the same process, so both have it or neither.
    """
    if not rl_accel._c_funcs:
        return "none"
    try:
        return importlib.metadata.version("rl_accel")
    except importlib.metadata.PackageNotFoundError:
        return "present"


def app_batch(db: Path, out: Path, limit: int | None = None, workers: int = 1) -> tuple[int, float]:
    services = open_services(db, create=False)
    try:
        printing = PrintingService(services.database, AccessGuard.system(services.database))
        items = plan_batch(
            printing,
            services.staff,
            year=YEAR,
            printed_on=TODAY,
            forms=[FormKind.EVALUASI],
            period_code=PERIOD,
        )
        if limit is not None:  # repeat the office's forms up to ``limit``
            items = [items[i % len(items)] for i in range(limit)]
            items = [
                type(item)(item.request, f"{n:05d}_{item.file_name}", item.label)
                for n, item in enumerate(items)
            ]
        started = time.perf_counter()
        cpu = time.process_time()
        result = run_batch(printing, items, out, workers=workers)
        elapsed = time.perf_counter() - started
        CPU_SECONDS["app"] = time.process_time() - cpu
    finally:
        services.close()
    return len(result.written), elapsed


def contents(db: Path) -> list[dict[str, Any]]:
    services = open_services(db, create=False)
    try:
        printing = PrintingService(services.database, AccessGuard.system(services.database))
        items = plan_batch(
            printing,
            services.staff,
            year=YEAR,
            printed_on=TODAY,
            forms=[FormKind.EVALUASI],
            period_code=PERIOD,
        )
        out = []
        for item in items:
            content = printing.build(item.request)
            assert isinstance(content, EvaluationForm)
            out.append(asdict(content))
        return out
    finally:
        services.close()


def _e(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: The app's regular face, registered for the bare script by reportlab's own `TTFont`, so that
#: nothing the app does to its fonts (`reports.fonts`) helps the bare side.
BARE_FONT = "BareSans"


def register_bare_font() -> None:
    """Register the bare script's own, unaltered `TTFont` of the app's regular face.

    reportlab registers a second font of a face it already has as the first font object
    (`pdfmetrics.registerFont` looks fonts up by the face's name): without a face name of its
    own, the bare script drew with the app's font and all that `reports.fonts` adds to it
    (until round 12 it did).
    """
    if BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(BARE_FONT, str(resource_path("fonts") / "DejaVuSansCondensed.ttf"))
        font.face.name = BARE_FONT.encode("ascii")
        pdfmetrics.registerFont(font)
    registered = pdfmetrics.getFont(BARE_FONT)
    assert registered.fontName == BARE_FONT and type(registered) is TTFont, registered
    assert "stringWidth" not in vars(registered), "the bare font must be reportlab's own"


def bare_pdf(form: dict[str, Any]) -> bytes:
    """The same content drawn with nothing but reportlab: title, tables, ratings, names."""
    body = ParagraphStyle("b", fontName=BARE_FONT, fontSize=8, leading=9.8)
    head = ParagraphStyle("h", parent=body, fontSize=12, leading=15)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=26 * mm,
    )
    width = doc.width
    story: list[Any] = [
        Paragraph(_e(form["letterhead"]["instansi"]), head),
        Paragraph("EVALUASI KINERJA PEGAWAI " + _e(form["period_label"]), head),
        Paragraph(_e(form["period_text"]), body),
    ]
    people = [
        [
            Paragraph(_e(f"{label}: {(form[who] or {}).get(key, '-')}"), body)
            for who in ("pegawai", "penilai")
        ]
        for label, key in (
            ("NAMA", "name"),
            ("NIP", "nip"),
            ("PANGKAT", "pangkat"),
            ("JABATAN", "jabatan"),
            ("UNIT KERJA", "unit"),
        )
    ]
    style = TableStyle(
        [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    )
    story.append(Table(people, colWidths=[width / 2] * 2, style=style))
    rows: list[list[Any]] = [
        [
            Paragraph(h, body)
            for h in ("NO", "RHK", "ASPEK", "IKI", "TARGET", "REALISASI", "UMPAN BALIK")
        ]
    ]
    for result in [*form["main_results"], *form["extra_results"]]:
        for index, line in enumerate(result["indicators"]):
            first = index == 0
            rows.append(
                [
                    Paragraph(result["number"] if first else "", body),
                    Paragraph(_e(result["text"]) if first else "", body),
                    Paragraph(_e(line["aspek"]), body),
                    Paragraph(_e(line["indicator"]), body),
                    Paragraph(_e(line["target"]), body),
                    Paragraph(_e(line["realisation"]), body),
                    Paragraph(_e(result["feedback"]) if first else "", body),
                ]
            )
    fractions = (0.04, 0.2, 0.08, 0.2, 0.1, 0.17, 0.21)
    story.append(Table(rows, colWidths=[width * f for f in fractions], repeatRows=1, style=style))
    story.append(Paragraph("RATING HASIL KERJA: " + _e(form["rating_hasil"]), body))
    behaviour = [
        [
            Paragraph(_e(line["value"] + ": " + "; ".join(line["indicators"])), body),
            Paragraph(_e(line["expectation"]), body),
            Paragraph(_e(line["feedback"]), body),
        ]
        for line in form["behaviour"]
    ]
    story.append(
        Table(behaviour, colWidths=[width * 0.44, width * 0.28, width * 0.28], style=style)
    )
    story.append(Paragraph("RATING PERILAKU KERJA: " + _e(form["rating_perilaku"]), body))
    story.append(Paragraph("PREDIKAT KINERJA PEGAWAI: " + _e(form["predikat"]), body))
    signs = [
        [Paragraph(_e(f"{s['place_date']} {s['role']}"), body) for s in form["signatures"]],
        [Spacer(1, 22 * mm) for _ in form["signatures"]],
        [Paragraph(_e(f"{s['name']} NIP. {s['nip']}"), body) for s in form["signatures"]],
    ]
    story.append(Table(signs, colWidths=[width / 2] * 2))
    doc.build(story)
    return buffer.getvalue()


def bare_batch(forms: list[dict[str, Any]], out: Path) -> float:
    # The app writes binary (zlib-only) streams; the bare script gets the same setting, so the
    # comparison is of the work done, not of an encoding choice.
    rl_config.useA85 = 0
    register_bare_font()
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    cpu = time.process_time()
    for index, form in enumerate(forms):
        (out / f"{index:05d}.pdf").write_bytes(bare_pdf(form))
    CPU_SECONDS["bare"] = time.process_time() - cpu
    return time.perf_counter() - started


def child(db: Path, out: Path, forms: int, workers: int) -> None:
    """Run only the batch, then report the peak memory (KiB) of this process and its workers."""
    written, elapsed = app_batch(db, out, limit=forms, workers=workers)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"{written} {elapsed:.3f} {peak} {worker}")


def memory(db: Path, out: Path, forms: int, workers: int) -> tuple[str, float, float, float]:
    """Forms written, seconds, and peak MB of the batch's process and of its largest worker."""
    run = subprocess.run(
        [sys.executable, __file__, "--child", str(db), str(out), str(forms), str(workers)],
        check=True,
        capture_output=True,
        text=True,
    )
    written, seconds, peak_kib, worker_kib = run.stdout.split()
    return written, float(seconds), int(peak_kib) / 1024, int(worker_kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--memory-forms", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", nargs=4, metavar=("DB", "OUT", "FORMS", "WORKERS"))
    args = parser.parse_args()
    register_fonts(resource_path("fonts"))
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), int(args.child[2]), int(args.child[3]))
        return
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        db = root / "bench.sqlite"
        services = open_services(db)
        try:
            write_demo(services.database, employees=args.people, today=TODAY)
        finally:
            services.close()
        forms = contents(db)
        # Rounds one after the other, the best of each kept: the load of a shared machine
        # changes within a run, and each side gets the same chances.
        bare_seconds = app_seconds = pool_seconds = float("inf")
        bare_cpu = app_cpu = float("inf")
        for _ in range(args.rounds):
            for folder_name in ("bare", "app", "pool"):
                shutil.rmtree(root / folder_name, ignore_errors=True)
            bare_seconds = min(bare_seconds, bare_batch(forms, root / "bare"))
            bare_cpu = min(bare_cpu, CPU_SECONDS["bare"])
            written, seconds = app_batch(db, root / "app")
            app_seconds = min(app_seconds, seconds)
            app_cpu = min(app_cpu, CPU_SECONDS["app"])
            assert written == len(forms), (written, len(forms))
            pooled, seconds = app_batch(db, root / "pool", workers=args.workers)
            pool_seconds = min(pool_seconds, seconds)
            assert pooled == len(forms), (pooled, len(forms))
        bare_size = sum(p.stat().st_size for p in (root / "bare").iterdir())
        app_size = sum(p.stat().st_size for p in (root / "app").iterdir())
        single_memory = memory(db, root / "memory-1", args.memory_forms, 1)
        pool_memory = memory(db, root / "memory-n", args.memory_forms, args.workers)
    load_after = os.getloadavg()[0]
    app_rate = written / app_seconds
    pool_rate = pooled / pool_seconds
    bare_rate = len(forms) / bare_seconds
    ratio = app_rate / bare_rate
    pool_ratio = pool_rate / bare_rate
    print("## Printing: the period's evaluation forms (issues 6 and 14)\n")
    print(
        f"`python benchmarks/bench_print.py --people {args.people} "
        f"--memory-forms {args.memory_forms} --workers {args.workers} --rounds {args.rounds}`"
        " (best of the rounds).\n"
    )
    print(
        "Machine: "
        + machine({"reportlab": reportlab.Version, "rl_accel": accelerator()})
        + f". Load average {load_before:.1f} before, {load_after:.1f} after."
        + f" Run on {date.today()}.\n"
    )
    print("| measure | result | target | |")
    print("|---|---|---|---|")
    print(
        f"| app, one process: Evaluasi Kinerja Pegawai {PERIOD} for {written} people (read, "
        f"build, sign, render, write, record) | {app_seconds:.1f} s, {app_rate:.1f} forms/s "
        f"({app_size / written / 1024:.0f} KB each) | | |"
    )
    print(
        f"| app, {args.workers} processes (workers' start included) | {pool_seconds:.1f} s, "
        f"{pool_rate:.1f} forms/s | | |"
    )
    print(
        f"| bare reportlab, same content, one process | {bare_seconds:.1f} s, "
        f"{bare_rate:.1f} forms/s ({bare_size / len(forms) / 1024:.0f} KB each) | | |"
    )
    print(
        f"| CPU seconds in one process: app {app_cpu:.1f}, bare {bare_cpu:.1f} "
        f"(bare / app {bare_cpu / app_cpu:.0%}) | | | |"
    )
    print(
        f"| app one process / bare | {ratio:.0%} | ≥ {TARGET_RATIO:.0%} | "
        f"{'met' if ratio >= TARGET_RATIO else 'missed'} |"
    )
    print(
        f"| app {args.workers} processes / bare | {pool_ratio:.0%} | ≥ {TARGET_POOL_RATIO:.0%} | "
        f"{'met' if pool_ratio >= TARGET_POOL_RATIO else 'missed'} |"
    )
    for label, (mem_written, mem_seconds, peak_mb, worker_mb) in (
        ("one process", single_memory),
        (f"{args.workers} processes", pool_memory),
    ):
        worst = max(peak_mb, worker_mb)
        workers_text = f", largest worker {worker_mb:.0f} MB" if worker_mb else ""
        print(
            f"| peak memory, batch of {mem_written} forms, {label}, fresh process "
            f"({mem_seconds:.0f} s) | {peak_mb:.0f} MB{workers_text} | ≤ {TARGET_MB} MB each | "
            f"{'met' if worst <= TARGET_MB else 'missed'} |"
        )


if __name__ == "__main__":
    main()
