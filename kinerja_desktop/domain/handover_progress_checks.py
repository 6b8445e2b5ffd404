"""The domain checks of a package's daily-log records, as when the entry is typed.

A progress entry goes through :func:`domain.progress.check_entry` (times, what was done, the
realisation, the unit, the data source, the evidence link, a day not after the package was
made) plus its status, the review fields and the RHK link's shape; a day off and a leave day
through the calendar's own limits (:mod:`domain.working_days`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from kinerja_desktop.domain.handover_fields import FieldReader, Problem, nip_reference
from kinerja_desktop.domain.handover_plans import entry_link_problems
from kinerja_desktop.domain.progress import NOTE_MAX, EntryInput, ProgressStatus, check_entry
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.domain.working_days import OFFICE_KINDS, DayOffKind

#: The longest day-off name, leave note and reviewer name: the columns' lengths (the calendar
#: service checks the same 200 characters when they are typed).
_NAME_MAX = 200
_FILE_NAME_MAX = 255
_SHA256 = re.compile(r"[0-9a-f]{64}")
#: check_entry's field names -> the record's.
_ENTRY_FIELDS = {"start": "start_time", "end": "end_time"}


def progress_entry_problems(content: Mapping[str, Any], today: date | None) -> list[Problem]:
    """A person's daily progress entry, through the Progres Harian form's own check."""
    entry = FieldReader(content)
    _person(entry)
    day = entry.day("day")
    realisation = entry.integer("realisation", 0, 2**31)
    if day is not None:
        entry.check(
            check_entry,
            EntryInput(
                # The RHK is checked as a link below; an entry whose RHK was deleted has none.
                rhk_id=0,
                day=day,
                start=entry.text("start_time"),
                end=entry.text("end_time"),
                activity=entry.text("activity"),
                realisation="" if realisation is None else str(realisation),
                unit=entry.text("unit"),
                data_source=entry.text("data_source"),
                evidence_link=entry.text("evidence_link"),
            ),
            today=today or date.max,
            renamed=_ENTRY_FIELDS,
        )
    entry.choice("status", ProgressStatus)
    note = entry.text("review_note")
    entry.check(
        lambda: checked_text(
            note,
            field="review_note",
            label="Catatan pengembalian",
            max_length=NOTE_MAX,
            required=False,
            multiline=True,
        )
    )
    _short(entry, "reviewed_by", "Nama penilai", _NAME_MAX)
    _short(entry, "evidence_name", "Nama berkas bukti dukung", _FILE_NAME_MAX)
    _reviewed_at(entry)
    sha256 = entry.text("evidence_sha256")
    if bool(entry.text("evidence_file")) != bool(sha256) or (
        sha256 and not _SHA256.fullmatch(sha256)
    ):
        entry.add("evidence_sha256", "berkas bukti dukung tanpa SHA-256 yang sah.")
    link = entry.child("rhk")
    if link is not None:
        nip_reference(link, "nip")
        link.integer("year", 2000, 2100)
        link.integer("rhk", 1, 10_000)
    entry_link_problems(entry)
    return entry.problems


def _person(reader: FieldReader) -> None:
    """The person the record belongs to, by NIP: required."""
    if reader.raw("nip") is None:
        reader.add("nip", "NIP pegawai wajib ada.")
    nip_reference(reader, "nip")


def _short(reader: FieldReader, name: str, label: str, limit: int) -> None:
    text = reader.text(name)
    reader.check(
        lambda: checked_text(text, field=name, label=label, max_length=limit, required=False)
    )


def _reviewed_at(entry: FieldReader) -> None:
    """When the penilai reviewed it: a time.

    Not compared with the package's day: it is the reviewing machine's clock, as a row's
    local timestamps are.
    """
    value = entry.raw("reviewed_at")
    if value is None:
        return
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        moment = None
    if moment is None:
        entry.add("reviewed_at", f"'{str(value)[:40]}' bukan waktu (TTTT-BB-HH JJ:MM:DD).")


def office_day_off_problems(content: Mapping[str, Any], _today: date | None) -> list[Problem]:
    """A cuti bersama or local day off, as the office calendar takes it."""
    record = FieldReader(content)
    record.day("day")
    kind = record.choice("kind", DayOffKind)
    if kind is not None and kind not in OFFICE_KINDS:
        record.add("kind", "hari libur kantor hanya cuti bersama atau libur lokal.")
    _short(record, "name", "Keterangan hari libur", _NAME_MAX)
    return record.problems


def leave_day_problems(content: Mapping[str, Any], _today: date | None) -> list[Problem]:
    """A day a person is on leave."""
    record = FieldReader(content)
    _person(record)
    record.day("day")
    _short(record, "note", "Keterangan cuti", _NAME_MAX)
    return record.problems
