"""Complaints, suggestions and compliments from the public (pengaduan, saran, apresiasi).

An entry moves forward through received, verified, in follow-up and closed; closing needs the
resolution in words. Complaints and suggestions have two deadlines, both counted from the day
the entry was received: a response in working days (while the entry is still only received;
SP4N-LAPOR! counts working days: weekends, national holidays and the office's days off are
skipped, on the `WorkingCalendar` the caller hands in) and a resolution in calendar days (until
it is closed; Perpres 76/2013 says "hari"). A compliment has none. The numbers of days are data
(``reference/supervision.json``, PermenPANRB 5/2025 and Perpres 76/2013, confidence [M]), and
the user may set other deadlines for one entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from typing import TypeVar

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.supervision.deadlines import (
    NO_DEADLINE,
    Deadline,
    deadline_of,
    supervision_data,
)
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.domain.working_days import WorkingCalendar

TEXT_MAX = 2000
TICKET_MAX = 40
CATEGORY_MAX = 100
REPORTER_MAX = 200
_E = TypeVar("_E", bound=StrEnum)
_TICKET = re.compile(r"[A-Za-z0-9][A-Za-z0-9./-]*")


class FeedbackKind(StrEnum):
    PENGADUAN = "PENGADUAN"
    SARAN = "SARAN"
    APRESIASI = "APRESIASI"

    @property
    def label(self) -> str:
        return self.value.title()

    @property
    def has_deadline(self) -> bool:
        return self is not FeedbackKind.APRESIASI


class Channel(StrEnum):
    """How the entry reached the office."""

    LANGSUNG = "LANGSUNG"
    KOTAK_SARAN = "KOTAK_SARAN"
    TELEPON_WA = "TELEPON_WA"
    SP4N_LAPOR = "SP4N_LAPOR"
    MEDIA_SOSIAL = "MEDIA_SOSIAL"
    SURAT = "SURAT"
    KIOS = "KIOS"

    @property
    def label(self) -> str:
        return {
            "LANGSUNG": "Datang langsung",
            "KOTAK_SARAN": "Kotak saran",
            "TELEPON_WA": "Telepon/WhatsApp",
            "SP4N_LAPOR": "SP4N-LAPOR!",
            "MEDIA_SOSIAL": "Media sosial",
            "SURAT": "Surat",
            "KIOS": "Kios survei",
        }[self.value]


class FeedbackStatus(StrEnum):
    """In the order an entry moves through them."""

    DITERIMA = "DITERIMA"
    DIVERIFIKASI = "DIVERIFIKASI"
    DITINDAKLANJUTI = "DITINDAKLANJUTI"
    SELESAI = "SELESAI"

    @property
    def label(self) -> str:
        return {
            "DITERIMA": "Diterima",
            "DIVERIFIKASI": "Diverifikasi",
            "DITINDAKLANJUTI": "Dalam tindak lanjut",
            "SELESAI": "Selesai",
        }[self.value]

    @property
    def step(self) -> int:
        return list(FeedbackStatus).index(self)

    @property
    def is_open(self) -> bool:
        return self is not FeedbackStatus.SELESAI


@dataclass(frozen=True)
class ComplaintRules:
    """Days and thresholds (``reference/supervision.json``).

    Attributes:
        response_working_days: Working days (not weekends, holidays or office days off) from
            receipt to the first response, which verification is part of.
        resolution_days: Calendar days from receipt to closing.
        due_soon_days: A deadline this close is flagged "segera".
        repeated_count: This many complaints about one person ...
        repeated_within_days: ... within this many days make "repeated complaints".
    """

    response_working_days: int
    resolution_days: int
    due_soon_days: int
    repeated_count: int
    repeated_within_days: int


@cache
def default_rules() -> ComplaintRules:
    data = supervision_data()["complaints"]
    return ComplaintRules(
        response_working_days=int(data["response_working_days"]),
        resolution_days=int(data["resolution_days"]),
        due_soon_days=int(data["due_soon_days"]),
        repeated_count=int(data["repeated_complaints"]["count"]),
        repeated_within_days=int(data["repeated_complaints"]["within_days"]),
    )


def categories() -> tuple[str, ...]:
    """The suggested categories (the user may type another)."""
    return tuple(str(text) for text in supervision_data()["categories"])


def default_deadlines(
    kind: FeedbackKind,
    received_on: date,
    rules: ComplaintRules | None = None,
    calendar: WorkingCalendar | None = None,
) -> tuple[date | None, date | None]:
    """The response and resolution deadlines of a new entry (None for a compliment).

    The response counts working days on ``calendar`` (None: weekends only are skipped).
    """
    rules = rules or default_rules()
    if not kind.has_deadline:
        return None, None
    calendar = calendar or WorkingCalendar()
    return (
        calendar.add_working_days(received_on, rules.response_working_days),
        received_on + timedelta(days=rules.resolution_days),
    )


def deadline_for(
    kind: FeedbackKind,
    status: FeedbackStatus,
    *,
    respond_by: date | None,
    resolve_by: date | None,
    today: date,
    closed_on: date | None = None,
    rules: ComplaintRules | None = None,
) -> Deadline:
    """The deadline that applies at this status, and the flag on ``today``.

    Received: the response deadline. Verified or in follow-up: the resolution deadline.
    Closed: whether it was closed by the resolution deadline.
    """
    rules = rules or default_rules()
    if not kind.has_deadline:
        return NO_DEADLINE
    soon = rules.due_soon_days
    if status is FeedbackStatus.SELESAI:
        return deadline_of(resolve_by, today, due_soon_days=soon, closed_on=closed_on or today)
    due = respond_by if status is FeedbackStatus.DITERIMA else resolve_by
    return deadline_of(due, today, due_soon_days=soon)


@dataclass(frozen=True)
class FeedbackFields:
    """What the user typed or chose for an entry, before checking."""

    kind: FeedbackKind | str
    channel: Channel | str
    received_on: date
    text: str
    ticket: str = ""
    category: str = ""
    reporter: str = ""
    respond_by: date | None = None
    resolve_by: date | None = None


@dataclass(frozen=True)
class ValidFeedback:
    kind: FeedbackKind
    channel: Channel
    received_on: date
    text: str
    ticket: str
    category: str
    reporter: str
    respond_by: date | None
    resolve_by: date | None


def _enum_or_error(
    kind: type[_E], raw: _E | str, field: str, message: str, errors: list[ValidationError]
) -> _E | None:
    try:
        return kind(raw)
    except ValueError:
        errors.append(ValidationError(message, field=field))
        return None


def _check_ticket(channel: Channel | None, raw: str, errors: list[ValidationError]) -> str:
    ticket = raw.strip()
    if channel is Channel.SP4N_LAPOR:
        if not ticket:
            errors.append(
                ValidationError(
                    "Isi nomor tiket SP4N-LAPOR! (tertera pada laporan di lapor.go.id).",
                    field="ticket",
                )
            )
        elif len(ticket) > TICKET_MAX or not _TICKET.fullmatch(ticket):
            errors.append(
                ValidationError(
                    f"Nomor tiket '{ticket[:TICKET_MAX]}' tidak sah: huruf, angka, titik, garis "
                    f"miring atau tanda hubung saja, paling banyak {TICKET_MAX} karakter.",
                    field="ticket",
                )
            )
    elif ticket:
        errors.append(
            ValidationError(
                "Nomor tiket hanya untuk kanal SP4N-LAPOR!; kosongkan, atau pilih kanal itu.",
                field="ticket",
            )
        )
    return ticket


def _check_dates(
    fields: FeedbackFields,
    kind: FeedbackKind | None,
    today: date,
    calendar: WorkingCalendar | None,
    errors: list[ValidationError],
) -> tuple[date | None, date | None]:
    if fields.received_on > today:
        errors.append(
            ValidationError(
                f"Tanggal diterima {format_date_id(fields.received_on)} belum terjadi.",
                field="received_on",
            )
        )
    if kind is None or not kind.has_deadline:
        return None, None
    respond_default, resolve_default = default_deadlines(
        kind, fields.received_on, calendar=calendar
    )
    respond_by = fields.respond_by or respond_default
    resolve_by = fields.resolve_by or resolve_default
    if respond_by is not None and respond_by < fields.received_on:
        errors.append(
            ValidationError(
                f"Batas tanggapan ({format_date_id(respond_by)}) tidak boleh sebelum tanggal "
                f"diterima ({format_date_id(fields.received_on)}).",
                field="respond_by",
            )
        )
    if respond_by and resolve_by and resolve_by < respond_by:
        errors.append(
            ValidationError(
                f"Batas penyelesaian ({format_date_id(resolve_by)}) tidak boleh sebelum batas "
                f"tanggapan ({format_date_id(respond_by)}).",
                field="resolve_by",
            )
        )
    return respond_by, resolve_by


def validate_feedback(
    fields: FeedbackFields, today: date, calendar: WorkingCalendar | None = None
) -> ValidFeedback:
    """Check an entry; deadlines left empty take the defaults, counted on ``calendar``.

    Raises:
        ValidationErrors: one message per field that is not acceptable.
    """
    errors: list[ValidationError] = []
    kind = _enum_or_error(
        FeedbackKind, fields.kind, "kind", "Pilih jenis: pengaduan, saran, atau apresiasi.", errors
    )
    channel = _enum_or_error(
        Channel, fields.channel, "channel", "Pilih kanal masuknya pengaduan atau apresiasi.", errors
    )
    text = checked_text(
        fields.text,
        field="text",
        label="Isi pengaduan/apresiasi",
        max_length=TEXT_MAX,
        errors=errors,
    )
    category = checked_text(
        fields.category,
        field="category",
        label="Kategori",
        max_length=CATEGORY_MAX,
        required=False,
        errors=errors,
    )
    reporter = checked_text(
        fields.reporter,
        field="reporter",
        label="Nama/kontak pelapor",
        max_length=REPORTER_MAX,
        required=False,
        errors=errors,
    )
    ticket = _check_ticket(channel, fields.ticket, errors)
    respond_by, resolve_by = _check_dates(fields, kind, today, calendar, errors)
    if errors or kind is None or channel is None:
        raise ValidationErrors(errors)
    return ValidFeedback(
        kind=kind,
        channel=channel,
        received_on=fields.received_on,
        text=text,
        ticket=ticket,
        category=category,
        reporter=reporter,
        respond_by=respond_by,
        resolve_by=resolve_by,
    )


def check_status_change(
    current: FeedbackStatus,
    new: FeedbackStatus,
    *,
    changed_on: date,
    received_on: date,
    resolution: str,
    today: date,
) -> str:
    """Check a move to ``new``; return the cleaned resolution text.

    Raises:
        ValidationError: moving back or staying put (field "status"), a date before receipt or
            in the future (field "changed_on"), or closing without a resolution (field
            "resolution").
    """
    if new.step <= current.step:
        raise ValidationError(
            f"Status hanya bergerak maju: dari '{current.label}' ke tahap berikutnya, bukan "
            f"ke '{new.label}'.",
            field="status",
        )
    if changed_on < received_on:
        raise ValidationError(
            f"Tanggal {format_date_id(changed_on)} sebelum tanggal diterima "
            f"({format_date_id(received_on)}).",
            field="changed_on",
        )
    if changed_on > today:
        raise ValidationError(
            f"Tanggal {format_date_id(changed_on)} belum terjadi.", field="changed_on"
        )
    return checked_text(
        resolution,
        field="resolution",
        label="Penyelesaian",
        max_length=TEXT_MAX,
        required=new is FeedbackStatus.SELESAI,
        hint="tuliskan apa yang dilakukan dan apa yang disampaikan kepada pelapor.",
    )


def is_repeated(
    complaint_days: Sequence[date], today: date, rules: ComplaintRules | None = None
) -> bool:
    """True when a person drew at least the threshold of complaints within the window."""
    rules = rules or default_rules()
    start = today - timedelta(days=rules.repeated_within_days)
    return sum(start < day <= today for day in complaint_days) >= rules.repeated_count


#: Age groups of open complaints on the dashboard: (label, up to this many days old).
AGE_GROUPS: tuple[tuple[str, int | None], ...] = (
    ("0–7 hari", 7),
    ("8–14 hari", 14),
    ("15–30 hari", 30),
    ("31–60 hari", 60),
    ("lebih dari 60 hari", None),
)


def age_group(received_on: date, today: date) -> str:
    age = (today - received_on).days
    for label, limit in AGE_GROUPS:
        if limit is None or age <= limit:
            return label
    return AGE_GROUPS[-1][0]  # pragma: no cover - the last group has no limit
