"""Printing benchmark: the period's evaluation forms of 200 people, app against bare reportlab.

Run with `python benchmarks/bench_print.py` (`--people`, `--memory-forms`). It writes the demo
office with ``--people`` people (their SKPs agreed, Triwulan I-III realised and rated), then:

1. the app: `run_batch` of the Evaluasi Kinerja Pegawai of Triwulan III for everyone, one PDF
   file per person, as `kinerja-desktop print` does it (read the records a chunk at a time,
   build and sign the content, render, write the file, record the codes);
2. bare reportlab: a plain script that draws the same content (taken beforehand from the
   app's content records, untimed) with the same font, plain tables, the same PDF stream
   encoding (binary, zlib) and no app code;
3. peak memory of a batch of ``--memory-forms`` forms, in a fresh child process (its maximum
   resident set size), so that the demo writing and step 1 do not count.

Prints a Markdown section for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import io
import resource
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
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kinerja_desktop.demo import write_demo
from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports.content import EvaluationForm, FormKind
from kinerja_desktop.reports.fonts import FAMILY, register_fonts
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.printing import PrintingService
from kinerja_desktop.services.printing.batch import plan_batch, run_batch

TODAY = date(2026, 11, 28)
YEAR = 2026
PERIOD = "TW3"
TARGET_RATIO = 0.8
TARGET_MB = 300


def app_batch(db: Path, out: Path, limit: int | None = None) -> tuple[int, float]:
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
        result = run_batch(printing, items, out)
        elapsed = time.perf_counter() - started
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


def bare_pdf(form: dict[str, Any]) -> bytes:
    """The same content drawn with nothing but reportlab: title, tables, ratings, names."""
    body = ParagraphStyle("b", fontName=FAMILY, fontSize=8, leading=9.8)
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
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for index, form in enumerate(forms):
        (out / f"{index:05d}.pdf").write_bytes(bare_pdf(form))
    return time.perf_counter() - started


def child(db: Path, out: Path, forms: int) -> None:
    """Run only the batch, then report this process's peak memory (KiB) on stdout."""
    written, elapsed = app_batch(db, out, limit=forms)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"{written} {elapsed:.3f} {peak}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--memory-forms", type=int, default=2000)
    parser.add_argument("--child", nargs=3, metavar=("DB", "OUT", "FORMS"))
    args = parser.parse_args()
    register_fonts(resource_path("fonts"))
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), int(args.child[2]))
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        db = root / "bench.sqlite"
        services = open_services(db)
        try:
            write_demo(services.database, employees=args.people, today=TODAY)
        finally:
            services.close()
        forms = contents(db)
        bare_seconds = bare_batch(forms, root / "bare")
        written, app_seconds = app_batch(db, root / "app")
        assert written == len(forms), (written, len(forms))
        bare_size = sum(p.stat().st_size for p in (root / "bare").iterdir())
        app_size = sum(p.stat().st_size for p in (root / "app").iterdir())
        run = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(db),
                str(root / "memory"),
                str(args.memory_forms),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        mem_written, mem_seconds, peak_kib = run.stdout.split()
    app_rate = written / app_seconds
    bare_rate = len(forms) / bare_seconds
    peak_mb = int(peak_kib) / 1024
    ratio = app_rate / bare_rate
    print("## Printing: the period's evaluation forms (issue 6)\n")
    print(
        f"`python benchmarks/bench_print.py --people {args.people} "
        f"--memory-forms {args.memory_forms}`.\n"
    )
    print("Machine: " + machine({"reportlab": reportlab.Version}) + f". Run on {date.today()}.\n")
    print("| measure | result | target | |")
    print("|---|---|---|---|")
    print(
        f"| app: Evaluasi Kinerja Pegawai {PERIOD} for {written} people (read, build, render, "
        f"write, record) | {app_seconds:.1f} s, {app_rate:.1f} forms/s "
        f"({app_size / written / 1024:.0f} KB each) | | |"
    )
    print(
        f"| bare reportlab, same content | {bare_seconds:.1f} s, {bare_rate:.1f} forms/s "
        f"({bare_size / len(forms) / 1024:.0f} KB each) | | |"
    )
    print(
        f"| app / bare | {ratio:.0%} | ≥ {TARGET_RATIO:.0%} | "
        f"{'met' if ratio >= TARGET_RATIO else 'missed'} |"
    )
    print(
        f"| peak memory, batch of {mem_written} forms in a fresh process "
        f"({float(mem_seconds):.0f} s) | {peak_mb:.0f} MB | ≤ {TARGET_MB} MB | "
        f"{'met' if peak_mb <= TARGET_MB else 'missed'} |"
    )


if __name__ == "__main__":
    main()
