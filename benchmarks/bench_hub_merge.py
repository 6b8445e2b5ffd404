"""Hub merge benchmark: many OPDs' hand-over packages merged, one after another, into one hub.

Run with `python benchmarks/bench_hub_merge.py` (`--via intake` or `merge`, `--packages 200`,
`--people 50`, `--engines sqlite,postgresql`, `--baseline 5`, `--cache DIR`). It builds the
packages once and keeps them in a temporary folder (`--cache`, reused when it already holds
them), then merges them, one engine at a time, each in a process of its own, so its peak memory
(max RSS, from `wait4`) is the merge's alone:

- **Building (not measured).** The demo office of ``--people`` people is written (its SKPs,
  realisations, period evaluations, journal and supervision records; one kecamatan block: the
  kecamatan and its puskesmas under the Pemerintah Kota) and exported whole as a package. Each
  of the ``--packages`` packages is that package made into another OPD: the kecamatan and
  puskesmas get a number in their names (so every unit tree is distinct) and every person of
  the register gets the package's number as the NIP's serial (digits 16-18; the NIP stays
  valid), everywhere the NIP appears (keys, penilai, RHK links, signatories, complaints). The
  officials outside the register, the instansi's appraisal year and the office's days off are
  the same in every package, as in a real Pemda.
- **Intake (measured; `--via intake`, the default).** The packages are copied into a receive
  folder and an empty hub database (as below) takes them all in ONE
  `services.hub_intake.receive(folder)`, as `hub terima` does unattended: its outcomes are
  counted (all "diterima" expected). Then the files the intake moved into ``diterima/`` are
  moved back and the same folder received again, in a new process: every package "sudah
  diterima", known by its SHA-256. Each package's ``apply`` is timed from outside (the intake
  itself is unchanged), for the per-package figures.
- **Merge (measured; `--via merge`).** An empty hub database (a SQLite file, or a database on
  a throw-away PostgreSQL server started as the tests start theirs, `tests/postgres_server.py`)
  takes every package in turn through `HandoverService.preview` and `apply` with "take theirs"
  as the default (the first import on a file with its safety backup, the others without; a
  server database is backed up by the server, so never there).
- **Baseline (`--via merge` only).** The first ``--baseline`` packages, each applied the same
  way into a database of its own, new and empty: the cost of a package without a hub around it.

Prints a Markdown section for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import sqlalchemy
from machine import machine

DAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=timezone(timedelta(hours=7)))
TESTS = Path(__file__).resolve().parent.parent / "tests"


# --- building the packages (not measured) -----------------------------------------------------


def build_packages(cache: Path, packages: int, people: int) -> list[Path]:
    """The ``packages`` package files in ``cache``, built now unless all are there already."""
    wanted = [cache / f"opd-{number:03}.zip" for number in range(1, packages + 1)]
    if all(path.exists() for path in wanted):
        return wanted
    from kinerja_desktop.demo import write_demo
    from kinerja_desktop.domain.handover_records import Kind, make_aggregate
    from kinerja_desktop.services.app_services import open_services
    from kinerja_desktop.services.handover.package import read_package, write_package
    from kinerja_desktop.services.platform import signing
    from kinerja_desktop.services.platform.evidence_store import evidence_folder

    started = time.perf_counter()
    source = cache / "sumber" / "kantor.sqlite"
    if source.exists():
        source.unlink()
    source.parent.mkdir(parents=True, exist_ok=True)
    services = open_services(source, today=lambda: DAY)
    write_demo(services.database, employees=people, today=DAY)
    whole = cache / "sumber" / "paket.zip"
    services.handover.export(whole, now=NOW)
    services.close()
    package = read_package(whole)
    header = {
        "app_version": package.manifest.app_version,
        "schema_revision": package.manifest.schema_revision,
        "source_file": package.manifest.source_file,
        "exported_at": package.manifest.exported_at,
        "scope": {"unit": None, "year": None},
    }
    employees = [a for a in package.aggregates if a.kind is Kind.EMPLOYEE]
    nips = [str(a.content["nip"]) for a in employees]
    if len({nip[:15] for nip in nips}) != len(nips):
        raise SystemExit("two demo NIPs differ only in their serial; choose another --people")
    # The OPDs: the units directly under the instansi.
    opds = sorted(
        {
            a.content["path"][1]
            for a in package.aggregates
            if a.kind is Kind.UNIT and len(a.content["path"]) > 1
        }
    )
    key = signing.load_or_create_key(cache / "keys")
    for number, target in enumerate(wanted, start=1):
        names = {nip: f"{nip[:15]}{number:03}" for nip in nips}
        names |= {opd: f"{opd} {number:03}" for opd in opds}
        aggregates = [
            make_aggregate(
                aggregate.kind,
                _renamed(json.loads(aggregate.key), names),
                aggregate.label,
                _renamed(aggregate.content, names),
                None,
            )
            for aggregate in package.aggregates
        ]
        counts = {kind.value: sum(a.kind is kind for a in aggregates) for kind in Kind}
        write_package(
            target,
            header={**header, "counts": counts, "source_file": f"opd-{number:03}.sqlite"},
            aggregates=aggregates,
            evidence_folder=evidence_folder(source),
            key=key,
        )
    print(
        f"Built {packages} packages of {len(employees)} people each "
        f"({len(package.aggregates):,} records each) in {time.perf_counter() - started:.0f} s"
    )
    return wanted


def _renamed(value: Any, names: Mapping[str, str]) -> Any:
    """``value`` with every string that is exactly a key of ``names`` replaced by its value."""
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, list):
        return [_renamed(item, names) for item in value]
    if isinstance(value, dict):
        return {key: _renamed(item, names) for key, item in value.items()}
    return value


# --- the measured steps, each in a child process ----------------------------------------------


def merge(packages: list[Path], path: Path, server: str | None, alone: bool) -> None:
    """Merge ``packages`` into the hub (or, ``alone``, each into a new database); print JSON."""
    from kinerja_desktop.domain.handover_merge import Choice
    from kinerja_desktop.services.app_services import open_services

    timings: list[float] = []
    cpu: list[float] = []
    records = 0
    services = None if alone else open_services(path, server=server, today=lambda: DAY)
    for number, package in enumerate(packages):
        if alone:
            target = path.with_name(f"{path.stem}-{number}{path.suffix}")
            url = (
                None
                if server is None
                else sqlalchemy.make_url(server)
                .set(database=f"alone_{number}")
                .render_as_string(hide_password=False)
            )
            services = open_services(target, server=url, today=lambda: DAY)
        assert services is not None
        started, used = time.perf_counter(), time.process_time()
        preview = services.handover.preview(package)
        result = services.handover.apply(
            package,
            default=Choice.TAKE_THEIRS,
            back_up=server is None and number == 0 and not alone,
            now=NOW,
            preview=preview,
        )
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
        records += result.added
        # Each package's time as it goes, for whoever watches a long run.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        sys.stderr.write(
            f"{number + 1} {timings[-1]:.2f} s, CPU {cpu[-1]:.2f} s, peak {peak:.0f} MB\n"
        )
        if alone:
            services.close()
    if services is not None and not alone:
        services.close()
    print(json.dumps({"timings": timings, "cpu": cpu, "added": records}))


def intake(folder: Path, path: Path, server: str | None) -> None:
    """Receive every package in ``folder`` into the hub in one ``receive``; print JSON."""
    from kinerja_desktop.services.app_services import open_services

    services = open_services(path, server=server, today=lambda: DAY)
    handover = services.handover
    applied = handover.apply
    timings: list[float] = []
    cpu: list[float] = []

    def timed(*args: Any, **kwargs: Any) -> Any:
        # Each package's apply, timed from outside: the intake itself runs unchanged.
        started, used = time.perf_counter(), time.process_time()
        try:
            return applied(*args, **kwargs)
        finally:
            timings.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
            sys.stderr.write(
                f"{len(timings)} {timings[-1]:.2f} s, CPU {cpu[-1]:.2f} s, peak {peak:.0f} MB\n"
            )

    handover.apply = timed  # type: ignore[method-assign]
    started, used = time.perf_counter(), time.process_time()
    report = services.hub_intake.receive(folder, now=NOW)
    wall, spent = time.perf_counter() - started, time.process_time() - used
    services.close()
    outcomes = Counter(line.outcome.value for line in report.lines)
    print(
        json.dumps(
            {
                "timings": timings,
                "cpu": cpu,
                "receive_wall": wall,
                "receive_cpu": spent,
                "outcomes": dict(outcomes),
                "added": sum(line.added for line in report.lines),
                "replaced": sum(line.replaced for line in report.lines),
                "stopped": report.stopped,
                "lines": len(report.lines),
            }
        )
    )


def measured(command: list[str]) -> tuple[dict[str, Any], float, float, float]:
    """The child's JSON line, its wall and CPU seconds, and its peak memory in MB."""
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"merge failed: {' '.join(command)}")
    result = json.loads(output.strip().splitlines()[-1])
    return result, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


Row = tuple[str, str, dict[str, Any], float, float, float, float]


def quantile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--via", choices=["intake", "merge"], default="intake")
    parser.add_argument("--packages", type=int, default=200)
    parser.add_argument("--people", type=int, default=50, help="people per package (OPD)")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--baseline", type=int, default=5, help="packages applied alone")
    parser.add_argument("--cache", type=Path, help="where the built packages are kept")
    parser.add_argument("--merge", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--intake", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()

    cache = args.cache or Path(tempfile.gettempdir()) / (
        f"kinerja-bench-hub-merge-{args.people}x{args.packages}"
    )
    cache.mkdir(parents=True, exist_ok=True)
    if args.merge or args.intake:
        child(args, cache)
        return
    # The signing key goes to the benchmark's folder, not the user's app data.
    os.environ["KINERJA_DATA_DIR"] = str(cache / "appdata")
    packages = build_packages(cache, args.packages, args.people)[: args.packages]
    size = sum(path.stat().st_size for path in packages) / 2**20
    rows: list[Row] = []
    for engine in args.engines.split(","):
        scratch = Path(tempfile.mkdtemp(prefix=f"bench-hub-merge-{engine}-"))
        server = None
        try:
            url = "-"
            if engine == "postgresql":
                sys.path.insert(0, str(TESTS))
                from postgres_server import start_server

                server = start_server()
                admin = sqlalchemy.create_engine(server.url(), isolation_level="AUTOCOMMIT")
                alone = range(args.baseline if args.via == "merge" else 0)
                with admin.connect() as connection:
                    for name in ["hub", *(f"alone_{n}" for n in alone)]:
                        connection.execute(sqlalchemy.text(f"CREATE DATABASE {name}"))
                admin.dispose()
                url = server.url("hub").render_as_string(hide_password=False)
            base = [sys.executable, __file__, "--cache", str(cache)]
            if args.via == "intake":
                rows += received(base, packages, scratch, engine, url)
                continue
            for mode, count, target, address in (
                ("hub", args.packages, "hub.sqlite", url),
                ("alone", args.baseline, "alone.sqlite", url),
            ):
                if not count:
                    continue
                load = os.getloadavg()[0]
                command = [*base, "--packages", str(count), "--merge"]
                result, wall, cpu, peak = measured([*command, str(scratch / target), address, mode])
                rows.append((engine, mode, result, wall, cpu, peak, load))
        finally:
            if server is not None:
                server.stop()
            shutil.rmtree(scratch, ignore_errors=True)

    print(f"\nMachine: {machine({'SQLAlchemy': sqlalchemy.__version__})}")
    print(f"Load average at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{args.packages} packages of {args.people} people ({args.packages * args.people:,} "
        f"people), {size:.0f} MB of packages\n"
    )
    if args.via == "intake":
        print_intake(rows)
        return
    print_merge(rows)


def child(args: argparse.Namespace, cache: Path) -> None:
    """One measured step, in the child process the parent measures."""
    if args.merge:
        # The hub's path, its server ("-" for a file) and "hub" or "alone".
        os.environ["KINERJA_DATA_DIR"] = str(Path(args.merge[0]).parent / "appdata")
        listed = sorted(cache.glob("opd-*.zip"))[: args.packages]
        server = None if args.merge[1] == "-" else args.merge[1]
        merge(listed, Path(args.merge[0]), server, args.merge[2] == "alone")
        return
    # The receive folder, the hub's path and its server ("-" for a file).
    os.environ["KINERJA_DATA_DIR"] = str(Path(args.intake[1]).parent / "appdata")
    server = None if args.intake[2] == "-" else args.intake[2]
    intake(Path(args.intake[0]), Path(args.intake[1]), server)


def print_merge(rows: list[Row]) -> None:
    print(
        "| engine | what | packages | records added | total wall | total CPU (merging process) "
        "| per package p50 / p95 | per package CPU p50 / p95 | first 10 / last 10 mean | "
        "peak memory (max RSS) | load at start |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for engine, mode, result, wall, cpu, peak, load in rows:
        timings, used = result["timings"], result["cpu"]
        what = "merged into one hub" if mode == "hub" else "each into a new database"
        print(
            f"| {engine} | {what} | {len(timings)} | {result['added']:,} | {wall:.1f} s | "
            f"{cpu:.1f} s | {statistics.median(timings):.2f} / {quantile(timings, 0.95):.2f} s "
            f"| {statistics.median(used):.2f} / {quantile(used, 0.95):.2f} s | "
            f"{statistics.mean(timings[:10]):.2f} / {statistics.mean(timings[-10:]):.2f} s | "
            f"{peak:,.0f} MB | {load:.1f} |"
        )
    for engine, mode, result, *_ in rows:
        if mode == "hub":
            for name in ("timings", "cpu"):
                listed = " ".join(f"{seconds:.2f}" for seconds in result[name])
                print(f"\n{engine} per-package {name} (s): {listed}")


def received(
    base: list[str], packages: list[Path], scratch: Path, engine: str, url: str
) -> list[Row]:
    """The folder received into an empty hub, then received again with its files moved back."""
    folder = scratch / "masuk"
    folder.mkdir()
    for package in packages:
        shutil.copy2(package, folder / package.name)
    command = [*base, "--intake", str(folder), str(scratch / "hub.sqlite"), url]
    rows: list[Row] = []
    for mode in ("first", "again"):
        if mode == "again":
            # The same files once more: what the intake moved into diterima/ goes back.
            for taken in sorted((folder / "diterima").glob("*.zip")):
                taken.rename(folder / taken.name)
        load = os.getloadavg()[0]
        result, wall, cpu, peak = measured(command)
        sys.stderr.write(f"{engine} {mode}: {result['outcomes']}, {wall:.1f} s\n")
        rows.append((engine, mode, result, wall, cpu, peak, load))
    return rows


def print_intake(rows: list[Row]) -> None:
    print(
        "| engine | run | packages | outcomes | records added | process wall / CPU | "
        "receive wall / CPU | per package apply wall p50 / p95 | per package apply CPU "
        "p50 / p95 | peak memory (max RSS) | load at start |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for engine, mode, result, wall, cpu, peak, load in rows:
        timings, used = result["timings"], result["cpu"]
        outcomes = ", ".join(f"{count} {name}" for name, count in result["outcomes"].items())
        if result["stopped"]:
            outcomes += f" (stopped: {result['stopped']})"
        what = "empty hub" if mode == "first" else "same files again"
        spread = (
            f"{statistics.median(timings):.2f} / {quantile(timings, 0.95):.2f} s | "
            f"{statistics.median(used):.2f} / {quantile(used, 0.95):.2f} s"
            if timings
            else "no apply | no apply"
        )
        print(
            f"| {engine} | {what} | {result['lines']} | {outcomes} | {result['added']:,} | "
            f"{wall:.1f} / {cpu:.1f} s | {result['receive_wall']:.2f} / "
            f"{result['receive_cpu']:.2f} s | {spread} | {peak:,.0f} MB | {load:.1f} |"
        )
    for engine, mode, result, *_ in rows:
        if mode == "first":
            for name in ("timings", "cpu"):
                listed = " ".join(f"{seconds:.2f}" for seconds in result[name])
                print(f"\n{engine} per-package apply {name} (s): {listed}")


if __name__ == "__main__":
    main()
