"""Progres Harian (daily progress, e-Kinerja from 2026): an entry's rules, statuses, completeness.

A person records what they did on a day against one of their RHK: start and end time, what was
done, the data source, the realisation (a whole number, as e-Kinerja takes it) with its unit,
and a link or file as evidence. The penilai reviews each submitted entry: approves it, or
returns it with a note; a returned entry is corrected and submitted again; an approved one is
read-only. Reference §11 (Progres Harian [M]).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.journal_entry import LINK_MAX, is_link
from kinerja_desktop.domain.text import checked_text

#: The longest "what was done", data source, unit and review note, in characters.
ACTIVITY_MAX = 2000
SOURCE_MAX = 300
UNIT_MAX = 50
NOTE_MAX = 1000
#: The largest realisation of one entry; e-Kinerja takes whole numbers.
REALISATION_MAX = 1_000_000

_TIME = re.compile(r"(\d{1,2})[.:](\d{2})")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


class ProgressStatus(StrEnum):
    """An entry's status as e-Kinerja shows it."""

    DRAF = "DRAF"
    DIAJUKAN = "DIAJUKAN"
    DISETUJUI = "DISETUJUI"
    DIKEMBALIKAN = "DIKEMBALIKAN"

    @property
    def label(self) -> str:
        return {
            ProgressStatus.DRAF: "Draf",
            ProgressStatus.DIAJUKAN: "Diajukan",
            ProgressStatus.DISETUJUI: "Disetujui",
            ProgressStatus.DIKEMBALIKAN: "Dikembalikan",
        }[self]

    @property
    def editable(self) -> bool:
        """A draft or a returned entry may be changed, deleted and submitted by its writer."""
        return self in (ProgressStatus.DRAF, ProgressStatus.DIKEMBALIKAN)

    @property
    def reviewable(self) -> bool:
        return self is ProgressStatus.DIAJUKAN

    @property
    def counts_as_filled(self) -> bool:
        """A day counts as filled by an entry submitted or approved (not a draft, not returned)."""
        return self in (ProgressStatus.DIAJUKAN, ProgressStatus.DISETUJUI)


def not_editable_message(status: ProgressStatus) -> str:
    if status is ProgressStatus.DISETUJUI:
        return "Progres harian ini sudah disetujui penilai dan tidak dapat diubah lagi."
    return (
        "Progres harian ini sedang diajukan ke penilai; tunggu sampai disetujui atau "
        "dikembalikan untuk diperbaiki."
    )


def not_reviewable_message(status: ProgressStatus) -> str:
    return (
        f"Progres harian berstatus {status.label.lower()} tidak dapat dinilai; hanya yang "
        "berstatus diajukan."
    )


def parse_time(text: str, *, field: str, label: str) -> time:
    """Read a typed time such as "08.00", "8:30" or "13.45".

    Raises:
        ValidationError: naming ``label``, with ``field``.
    """
    cleaned = text.strip()
    if not cleaned:
        raise ValidationError(f"{label} wajib diisi, mis. 08.00.", field=field)
    match = _TIME.fullmatch(cleaned)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError(
            f"{label} '{cleaned}' tidak dikenali; tulis jam dan menit, mis. 08.00 atau 13.30.",
            field=field,
        )
    return time(int(match[1]), int(match[2]))


def format_time(value: time) -> str:
    """The Indonesian way: "08.00"."""
    return f"{value.hour:02d}.{value.minute:02d}"


def parse_realisation(text: str) -> int:
    """Read the realisation: a whole number from 0 up (e-Kinerja takes no fractions).

    Raises:
        ValidationError: field ``realisation``.
    """
    typed = text.strip()
    # "1.250" is one thousand two hundred and fifty written the Indonesian way.
    cleaned = typed.replace(".", "") if _THOUSANDS.fullmatch(typed) else typed
    if not cleaned:
        raise ValidationError("Realisasi wajib diisi, mis. 3.", field="realisation")
    if not cleaned.isdigit() or not cleaned.isascii():
        raise ValidationError(
            f"Realisasi '{typed}' harus bilangan bulat 0 atau lebih, mis. 3 "
            "(e-Kinerja tidak menerima pecahan).",
            field="realisation",
        )
    value = int(cleaned)
    if value > REALISATION_MAX:
        raise ValidationError(
            f"Realisasi paling besar {REALISATION_MAX:,} per kegiatan.".replace(",", "."),
            field="realisation",
        )
    return value


@dataclass(frozen=True)
class EntryInput:
    """An entry as typed: the RHK chosen, the day and raw texts."""

    rhk_id: int | None
    day: date
    start: str
    end: str
    activity: str
    realisation: str
    unit: str
    data_source: str = ""
    evidence_link: str = ""
    #: The running period's rencana aksi of that RHK, when one is planned (issue 17).
    rencana_aksi_id: int | None = None


@dataclass(frozen=True)
class CheckedEntry:
    """An entry that passed `check_entry`, ready to store."""

    rhk_id: int
    day: date
    start: time
    end: time
    activity: str
    realisation: int
    unit: str
    data_source: str
    evidence_link: str
    rencana_aksi_id: int | None = None


def check_entry(entry: EntryInput, *, today: date) -> CheckedEntry:
    """Check every field at once.

    Raises:
        ValidationErrors: one message per field that is not acceptable, each naming it.
    """
    errors: list[ValidationError] = []
    if entry.rhk_id is None:
        errors.append(ValidationError("RHK wajib dipilih dari SKP pegawai.", field="rhk"))
    if entry.day > today:
        errors.append(
            ValidationError(
                f"Tanggal {format_date_id(entry.day)} belum terjadi; progres harian dicatat "
                f"untuk hari ini ({format_date_id(today)}) atau sebelumnya.",
                field="day",
            )
        )
    start = end = None
    try:
        start = parse_time(entry.start, field="start", label="Jam mulai")
    except ValidationError as error:
        errors.append(error)
    try:
        end = parse_time(entry.end, field="end", label="Jam selesai")
    except ValidationError as error:
        errors.append(error)
    if start is not None and end is not None and end <= start:
        errors.append(
            ValidationError(
                f"Jam selesai ({format_time(end)}) harus sesudah jam mulai ({format_time(start)}).",
                field="end",
            )
        )
    activity = checked_text(
        entry.activity,
        field="activity",
        label="Kegiatan harian",
        max_length=ACTIVITY_MAX,
        multiline=True,
        hint="tuliskan apa yang dikerjakan, mis. memverifikasi 12 berkas KTP.",
        errors=errors,
    )
    realisation = None
    try:
        realisation = parse_realisation(entry.realisation)
    except ValidationError as error:
        errors.append(error)
    unit = checked_text(
        entry.unit,
        field="unit",
        label="Satuan",
        max_length=UNIT_MAX,
        hint="mis. berkas.",
        errors=errors,
    )
    source = checked_text(
        entry.data_source,
        field="data_source",
        label="Sumber data",
        max_length=SOURCE_MAX,
        required=False,
        errors=errors,
    )
    link = entry.evidence_link.strip()
    if link and (not is_link(link) or len(link) > LINK_MAX):
        errors.append(
            ValidationError(
                "Tautan bukti dukung harus berupa alamat web (diawali http:// atau https://) "
                f"atau lokasi berkas, mis. D:\\Bukti\\laporan.pdf; yang diisi '{link[:80]}'.",
                field="evidence_link",
            )
        )
    if errors:
        raise ValidationErrors(errors)
    assert entry.rhk_id is not None and start is not None and end is not None
    assert realisation is not None
    return CheckedEntry(
        entry.rhk_id,
        entry.day,
        start,
        end,
        activity,
        realisation,
        unit,
        source,
        link,
        rencana_aksi_id=entry.rencana_aksi_id,
    )


def check_return_note(note: str) -> str:
    """The penilai's note on a returned entry: required, so the writer knows what to fix.

    Raises:
        ValidationError: field ``note``.
    """
    return checked_text(
        note,
        field="note",
        label="Catatan pengembalian",
        max_length=NOTE_MAX,
        multiline=True,
        hint="tuliskan apa yang perlu diperbaiki.",
    )


@dataclass(frozen=True)
class Completeness:
    """A person's month against their working days.

    Attributes:
        working_days: Working days of the month up to the day counted (leave left out).
        filled_days: Those with an entry submitted or approved.
        approved_days: Those with an approved entry.
        missing: The working days without a submitted or approved entry, oldest first.
    """

    employee_id: int
    working_days: int
    filled_days: int
    approved_days: int
    missing: tuple[date, ...] = ()

    @property
    def percent(self) -> int:
        """Filled days as a whole percentage (100 when there is no working day to fill)."""
        if self.working_days == 0:
            return 100
        return self.filled_days * 100 // self.working_days


def completeness(
    employee_id: int,
    working: Iterable[date],
    statuses: Mapping[date, Collection[ProgressStatus]],
) -> Completeness:
    """Count a person's working days with entries.

    Args:
        employee_id: Whose month it is.
        working: Their working days in the span counted.
        statuses: The statuses of their entries, by day (days off are ignored).
    """
    days = list(working)
    if not statuses:  # most people of a large office on most days: nothing to look at
        return Completeness(employee_id, len(days), 0, 0, tuple(days))
    filled_on = {day for day, found in statuses.items() if any(s.counts_as_filled for s in found)}
    approved_on = {day for day, found in statuses.items() if ProgressStatus.DISETUJUI in found}
    return Completeness(
        employee_id,
        len(days),
        sum(1 for day in days if day in filled_on),
        sum(1 for day in days if day in approved_on),
        tuple(day for day in days if day not in filled_on),
    )


@dataclass(frozen=True)
class EvidenceFile:
    """A file copied into the evidence folder (``services/platform/evidence_store``)."""

    stored_name: str
    sha256: str
    file_name: str


@dataclass(frozen=True)
class ProgressEntry:
    """One stored entry as the screens show it.

    Attributes:
        rhk_text: The RHK's text ("" when the RHK was deleted from a draft SKP since).
        evidence: The copied file, None when the entry has none.
        review_note: The penilai's note of the last return ("" when never returned).
        reviewed_by: Who approved or returned it last (account user name, or "sistem").
    """

    id: int
    employee_id: int
    rhk_id: int | None
    rhk_text: str
    day: date
    start: time
    end: time
    activity: str
    data_source: str
    realisation: int
    unit: str
    evidence_link: str
    evidence: EvidenceFile | None
    status: ProgressStatus
    review_note: str
    reviewed_by: str
    #: The rencana aksi the entry served (None: made against the RHK alone).
    rencana_aksi_id: int | None = None

    @property
    def times(self) -> str:
        """E.g. "08.00–11.30"."""
        return f"{format_time(self.start)}–{format_time(self.end)}"


#: How a behaviour journal observation names the daily entry it was made from (its evidence
#: note): "Progres harian no. 12, 16 Maret 2026 pukul 08.00–10.00: 12 berkas, RHK ...". The
#: journal has no column for the link (a migration would add one); the note is searchable.
JOURNAL_NOTE_PREFIX = "Progres harian no. "


def journal_note(entry: ProgressEntry) -> str:
    """The evidence note of an observation made from ``entry``: which entry, when, what."""
    rhk = entry.rhk_text or "(RHK sudah dihapus)"
    note = (
        f"{JOURNAL_NOTE_PREFIX}{entry.id}, {format_date_id(entry.day)} pukul {entry.times}: "
        f"{entry.realisation} {entry.unit}, RHK {rhk}"
    )
    # The journal keeps a note or a link, not both: the entry's link goes into the note.
    return f"{note}; bukti dukung {entry.evidence_link}" if entry.evidence_link else note
