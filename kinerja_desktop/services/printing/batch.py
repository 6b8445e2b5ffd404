"""A batch of documents: whom and what to print, file names, and writing them one by one.

Documents are built, rendered, written and recorded one at a time, so memory stays flat however
many are printed (only a merged file grows with its pages).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter

from kinerja_desktop.domain.errors import DomainError, ValidationError
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.periods import EvaluationScheme, periods_for_year
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.platform.collector import collector_spared
from kinerja_desktop.services.printing import batch_pool
from kinerja_desktop.services.printing.pdf_files import (
    make_output_folder,
    save_pdf,
    save_pdf_from,
)
from kinerja_desktop.services.printing.request import PERIOD_FORMS, PrintRequest
from kinerja_desktop.services.printing.service import PreparedDocument, PrintingService
from kinerja_desktop.services.printing.survey_print import survey_code
from kinerja_desktop.services.staff.service import StaffFilter, StaffService

#: Per person, in the order a personnel office files them.
PERSON_FORMS = (
    FormKind.SKP,
    FormKind.EVALUASI,
    FormKind.DOKUMEN,
    FormKind.KOMPETENSI,
    FormKind.PENGEMBANGAN,
)
NAME_LIMIT = 60


@dataclass(frozen=True)
class BatchItem:
    request: PrintRequest
    file_name: str
    #: Who or what, for progress and error lines.
    label: str


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    cancelled: bool = False
    codes: list[str] = field(default_factory=list)


def safe_name(text: str) -> str:
    """A name usable as part of a file name on every system: ASCII letters, digits, "-"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")
    return cleaned[:NAME_LIMIT].rstrip("-") or "tanpa-nama"


def file_name(nip: str, name: str, form: FormKind, period: str) -> str:
    """``<NIP>_<name>_<form>_<period>.pdf``."""
    return f"{nip}_{safe_name(name)}_{form.value}_{safe_name(period)}.pdf"


def check_period(year: int, period_code: str) -> str:
    """The period code in capitals, if any scheme has it.

    Raises:
        ValidationError: no scheme has that period (field "period").
    """
    code = period_code.strip().upper()
    known = {p.code for scheme in EvaluationScheme for p in periods_for_year(year, scheme)}
    if code not in known:
        raise ValidationError(
            f"Periode '{period_code.strip()}' tidak dikenal. Contoh: TW1 sampai TW4, S1, S2, "
            "M01 sampai M12, atau AKHIR.",
            field="period",
        )
    return code


def plan_batch(
    printing: PrintingService,
    staff: StaffService,
    *,
    year: int,
    printed_on: date,
    forms: Sequence[FormKind],
    period_code: str = "",
    nip: str = "",
    unit_id: int | None = None,
) -> list[BatchItem]:
    """Every document to print, in filing order: per person, then the units' distribution.

    Args:
        printing: Reads who has an SKP and which units have an organisation predikat.
        staff: For finding the person by NIP and the unit's people.
        year: The appraisal year.
        printed_on: The signing day.
        forms: Which forms; period forms are left out when no period is given.
        period_code: The period, for the forms of a period.
        nip: Only this person.
        unit_id: Only the people of this unit (sub-units included).

    Raises:
        ValidationError: a form needs a period that was not given, or the NIP is unknown.
    """
    period = check_period(year, period_code) if period_code else ""
    # The survey report is per survey period: with no period given, the survey of the year.
    surveys = FormKind.SURVEI in forms and not nip
    forms = [form for form in forms if form is not FormKind.SURVEI]
    if not period and forms:
        needing = [form for form in forms if form in PERIOD_FORMS]
        if len(forms) == 1 and needing:
            raise ValidationError(
                f"{needing[0].label} dicetak per periode: sebutkan periodenya (--period).",
                field="period",
            )
        forms = [form for form in forms if form not in PERIOD_FORMS]
    holders = _holders(printing, staff, year, nip, unit_id) if forms else []
    items: list[BatchItem] = []
    for employee_id, person_nip, name in holders:
        for form in PERSON_FORMS:
            if form not in forms:
                continue
            shown = period if form in PERIOD_FORMS else str(year)
            items.append(
                BatchItem(
                    PrintRequest(
                        form,
                        year,
                        printed_on,
                        period_code=period if form in PERIOD_FORMS else "",
                        employee_id=employee_id,
                    ),
                    file_name(person_nip, name, form, shown),
                    f"{name} ({form.label})",
                )
            )
    if FormKind.DISTRIBUSI in forms and period and not nip:
        items.extend(
            _distribution_items(
                printing, staff, year=year, printed_on=printed_on, period=period, unit_id=unit_id
            )
        )
    if surveys:
        items.extend(
            _survey_items(
                printing, staff, year=year, printed_on=printed_on, period=period, unit_id=unit_id
            )
        )
    return items


def _holders(
    printing: PrintingService, staff: StaffService, year: int, nip: str, unit_id: int | None
) -> list[tuple[int, str, str]]:
    """(id, NIP, name) of the people to print: one by NIP, a unit's, or everyone's."""
    holders = printing.people(year)
    if nip:
        digits = Nip.parse(nip).digits
        person = staff.find_by_nip(digits)
        if person is None:
            raise ValidationError(f"Tidak ada pegawai dengan NIP {nip.strip()}.", field="nip")
        return [h for h in holders if h[0] == person.id] or [
            (person.id, person.nip, person.full_name)
        ]
    if unit_id is not None:
        inside = set(
            staff.find_ids(
                StaffFilter(unit_ids=staff.unit_with_descendants(unit_id), include_inactive=True)
            )
        )
        return [h for h in holders if h[0] in inside]
    return holders


def _distribution_items(
    printing: PrintingService,
    staff: StaffService,
    *,
    year: int,
    printed_on: date,
    period: str,
    unit_id: int | None,
) -> list[BatchItem]:
    units = printing.units_with_org_predikat(year, period)
    if unit_id is not None:
        inside_units = staff.unit_with_descendants(unit_id)
        units = [(unit, name) for unit, name in units if unit in inside_units]
    form = FormKind.DISTRIBUSI
    return [
        BatchItem(
            PrintRequest(form, year, printed_on, period_code=period, unit_id=unit),
            f"unit-{unit}_{safe_name(unit_name)}_{form.value}_{period}.pdf",
            f"{unit_name} ({form.label})",
        )
        for unit, unit_name in units
    ]


def _survey_items(
    printing: PrintingService,
    staff: StaffService,
    *,
    year: int,
    printed_on: date,
    period: str,
    unit_id: int | None,
) -> list[BatchItem]:
    """One survey report per unit surveyed in the period (or, with no period, in the year)."""
    code = survey_code(year, period)
    found = printing.surveys(code)
    if unit_id is not None:
        inside = staff.unit_with_descendants(unit_id)
        found = [(unit, label) for unit, label in found if unit in inside]
    form = FormKind.SURVEI
    return [
        BatchItem(
            PrintRequest(form, year, printed_on, period_code=code, unit_id=unit),
            f"unit-{unit}_{safe_name(label)}_{form.value}_{code}.pdf",
            f"{label} ({form.label})",
        )
        for unit, label in found
    ]


#: Documents read in one read transaction and recorded in one write transaction.
CHUNK = 16


def run_batch(
    printing: PrintingService,
    items: Sequence[BatchItem],
    out_dir: Path,
    paper: Paper = Paper.A4,
    *,
    merged: Path | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int = 1,
) -> BatchResult:
    """Write each document (or one merged file); a document that cannot be built is skipped.

    With ``workers`` above 1 (:func:`batch_pool.default_workers`: the machine's cores), a batch
    of separate files of at least :data:`batch_pool.POOL_MIN` documents is printed by that
    many processes (:mod:`batch_pool`), recorded and reported the same way; ``progress`` then
    moves a chunk at a time for the chunks the workers print.

    The garbage collector leaves the open app's objects alone meanwhile
    (:func:`~kinerja_desktop.services.platform.collector.collector_spared`).

    Documents are read a chunk at a time (one read transaction, :data:`CHUNK` documents),
    then rendered and written one by one, so memory stays flat. Every file is written whole
    (:mod:`pdf_files`). The written documents are recorded after each chunk in one write
    transaction, and after a cancel or an error for what was written so far; only a killed
    process can leave the last chunk's files unrecorded. A merged file's documents are
    recorded once the file is written, so a code is never kept for a sheet that does not exist.

    Raises:
        FileWriteError: a file or the folder cannot be written (disk full, no permission);
            the files written before it stay, and only they are recorded.
    """
    make_output_folder(out_dir)
    with collector_spared():
        if workers > 1 and merged is None and len(items) >= batch_pool.POOL_MIN:
            return _run_pooled(
                printing,
                items,
                out_dir,
                paper,
                workers=workers,
                progress=progress,
                cancelled=cancelled,
            )
        return _run_here(
            printing, items, out_dir, paper, merged=merged, progress=progress, cancelled=cancelled
        )


def _run_here(
    printing: PrintingService,
    items: Sequence[BatchItem],
    out_dir: Path,
    paper: Paper,
    *,
    merged: Path | None,
    progress: Callable[[int, int, str], None] | None,
    cancelled: Callable[[], bool] | None,
) -> BatchResult:
    """:func:`run_batch` in this process, a chunk at a time."""
    result = BatchResult()
    merger = _Merger() if merged is not None else None
    unrecorded: list[PreparedDocument] = []
    try:
        for start in range(0, len(items), CHUNK):
            if cancelled is not None and cancelled():
                result.cancelled = True
                break
            chunk = items[start : start + CHUNK]
            built = printing.prepare_many([item.request for item in chunk])
            for offset, (item, prepared) in enumerate(zip(chunk, built, strict=True)):
                if offset and cancelled is not None and cancelled():
                    result.cancelled = True
                    break
                if progress is not None:
                    progress(start + offset, len(items), item.label)
                if isinstance(prepared, DomainError):
                    result.skipped.append(f"{item.label}: {prepared.message}")
                    continue
                _write_one(
                    printing.render(prepared, paper), out_dir / item.file_name, merger, result
                )
                unrecorded.append(prepared)
                result.codes.append(prepared.code)
            if merger is None:
                _record(printing, unrecorded, paper)
            if result.cancelled:
                break
        if merger is not None and merged is not None and unrecorded:
            result.written.append(save_pdf_from(merged, merger.write))
            _record(printing, unrecorded, paper)
    finally:
        if merger is None:
            _record(printing, unrecorded, paper)
    if progress is not None and not result.cancelled:
        progress(len(items), len(items), "")
    return result


def _run_pooled(
    printing: PrintingService,
    items: Sequence[BatchItem],
    out_dir: Path,
    paper: Paper,
    *,
    workers: int,
    progress: Callable[[int, int, str], None] | None,
    cancelled: Callable[[], bool] | None,
) -> BatchResult:
    """:func:`run_batch` by several processes; the result lists documents in filing order."""
    result = BatchResult()
    refused = printing.refused([item.request for item in items])
    jobs: list[batch_pool.Job] = []
    for index, (item, error) in enumerate(zip(items, refused, strict=True)):
        if error is not None:
            result.skipped.append(f"{item.label}: {error.message}")
        else:
            jobs.append(batch_pool.Job(index, item.request, out_dir / item.file_name))
    finished = len(result.skipped)

    def done(job: batch_pool.Job) -> None:
        nonlocal finished
        finished += 1
        if progress is not None:
            progress(finished, len(items), items[job.index].label)

    outcomes: list[batch_pool.Outcome] = []
    try:
        pooled = batch_pool.run_pooled(
            printing,
            jobs,
            paper,
            workers,
            record=lambda issued: printing.record_many(issued, paper),
            progress=done,
            cancelled=cancelled or (lambda: False),
        )
        outcomes = pooled.outcomes
        result.cancelled = pooled.cancelled
    finally:
        # Also after an error: the files written are listed (and were recorded).
        for outcome in sorted(outcomes, key=lambda o: o.index):
            if outcome.issued is not None and outcome.written is not None:
                result.written.append(outcome.written)
                result.codes.append(outcome.issued.code)
            else:
                result.skipped.append(f"{items[outcome.index].label}: {outcome.reason}")
    if progress is not None and not result.cancelled:
        progress(len(items), len(items), "")
    return result


def _write_one(pdf: bytes, target: Path, merger: _Merger | None, result: BatchResult) -> None:
    """Add a document to the merged file, or write it to its own file whole."""
    if merger is not None:
        merger.add(pdf)
    else:
        result.written.append(save_pdf(target, pdf))


def _record(printing: PrintingService, documents: list[PreparedDocument], paper: Paper) -> None:
    """Record ``documents`` (written to disk) and empty the list.

    The list is emptied first, so a failed record is not tried twice.
    """
    pending = documents.copy()
    documents.clear()
    printing.record_many(pending, paper)


class _Merger:
    """Pages of several PDFs appended into one file (pypdf)."""

    def __init__(self) -> None:
        self._writer = PdfWriter()

    def add(self, pdf: bytes) -> None:
        self._writer.append(PdfReader(io.BytesIO(pdf)))

    def write(self, stream: BinaryIO) -> None:
        self._writer.write(stream)
