"""Internal audit findings (temuan) and their follow-up (tindak lanjut).

A finding comes from the APIP (Inspektorat Daerah, BPKP) or the BPK, or from the office's own
evaluation: the condition found, the criterion it breaks, the cause, the recommendation, who
answers for it, and a due date. The four statuses follow the categories auditors use for
follow-up monitoring: not yet followed up, in progress (not yet as recommended), done (as
recommended), and cannot be followed up (with the reason).

Rules: the due date is not before the finding; a follow-up is dated between the finding and
today; a finding is done only with at least one follow-up; "cannot be followed up" needs its
reason; "not yet followed up" is only for a finding without follow-ups. The first follow-up of
an untouched finding moves it to "in progress".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.supervision.deadlines import Deadline, deadline_of, supervision_data
from kinerja_desktop.domain.text import checked_text

TEXT_MAX = 4000
TITLE_MAX = 300
REFERENCE_MAX = 100


class FindingSource(StrEnum):
    INSPEKTORAT = "INSPEKTORAT"
    BPKP = "BPKP"
    BPK = "BPK"
    EVALUASI_INTERNAL = "EVALUASI_INTERNAL"

    @property
    def label(self) -> str:
        return {
            "INSPEKTORAT": "Inspektorat Daerah",
            "BPKP": "BPKP",
            "BPK": "BPK",
            "EVALUASI_INTERNAL": "Evaluasi internal",
        }[self.value]


class FindingStatus(StrEnum):
    BELUM = "BELUM"
    PROSES = "PROSES"
    SELESAI = "SELESAI"
    TIDAK_DAPAT = "TIDAK_DAPAT"

    @property
    def label(self) -> str:
        return {
            "BELUM": "Belum ditindaklanjuti",
            "PROSES": "Dalam proses",
            "SELESAI": "Selesai (sesuai rekomendasi)",
            "TIDAK_DAPAT": "Tidak dapat ditindaklanjuti",
        }[self.value]

    @property
    def is_open(self) -> bool:
        return self in (FindingStatus.BELUM, FindingStatus.PROSES)


@dataclass(frozen=True)
class FindingRules:
    default_due_days: int
    due_soon_days: int


@cache
def default_rules() -> FindingRules:
    data = supervision_data()["audit"]
    return FindingRules(int(data["default_due_days"]), int(data["due_soon_days"]))


@dataclass(frozen=True)
class FindingFields:
    """What the user typed for a finding, before checking; ``due_on`` None takes the default."""

    source: FindingSource | str
    found_on: date
    title: str
    condition: str
    recommendation: str
    criterion: str = ""
    cause: str = ""
    reference: str = ""
    due_on: date | None = None


@dataclass(frozen=True)
class ValidFinding:
    source: FindingSource
    found_on: date
    title: str
    condition: str
    recommendation: str
    criterion: str
    cause: str
    reference: str
    due_on: date


def validate_finding(
    fields: FindingFields, today: date, rules: FindingRules | None = None
) -> ValidFinding:
    """Check a finding.

    Raises:
        ValidationErrors: one message per field that is not acceptable.
    """
    rules = rules or default_rules()
    errors: list[ValidationError] = []
    try:
        source: FindingSource | None = FindingSource(fields.source)
    except ValueError:
        source = None
        errors.append(
            ValidationError(
                "Pilih sumber temuan: Inspektorat, BPKP, BPK, atau evaluasi internal.",
                field="source",
            )
        )
    if fields.found_on > today:
        errors.append(
            ValidationError(
                f"Tanggal temuan {format_date_id(fields.found_on)} belum terjadi.",
                field="found_on",
            )
        )
    due_on = fields.due_on or fields.found_on + timedelta(days=rules.default_due_days)
    if due_on < fields.found_on:
        errors.append(
            ValidationError(
                f"Batas tindak lanjut ({format_date_id(due_on)}) tidak boleh sebelum tanggal "
                f"temuan ({format_date_id(fields.found_on)}).",
                field="due_on",
            )
        )
    title = checked_text(
        fields.title,
        field="title",
        label="Judul temuan",
        max_length=TITLE_MAX,
        errors=errors,
    )
    condition = checked_text(
        fields.condition,
        field="condition",
        label="Kondisi",
        max_length=TEXT_MAX,
        errors=errors,
    )
    recommendation = checked_text(
        fields.recommendation,
        field="recommendation",
        label="Rekomendasi",
        max_length=TEXT_MAX,
        errors=errors,
    )
    criterion = checked_text(
        fields.criterion,
        field="criterion",
        label="Kriteria",
        max_length=TEXT_MAX,
        required=False,
        errors=errors,
    )
    cause = checked_text(
        fields.cause,
        field="cause",
        label="Sebab",
        max_length=TEXT_MAX,
        required=False,
        errors=errors,
    )
    reference = checked_text(
        fields.reference,
        field="reference",
        label="Nomor LHP",
        max_length=REFERENCE_MAX,
        required=False,
        errors=errors,
    )
    if errors or source is None:
        raise ValidationErrors(errors)
    return ValidFinding(
        source,
        fields.found_on,
        title,
        condition,
        recommendation,
        criterion,
        cause,
        reference,
        due_on,
    )


def check_follow_up(done_on: date, action: str, *, found_on: date, today: date) -> str:
    """Check a follow-up action; return its cleaned text.

    Raises:
        ValidationErrors: the date is before the finding or in the future (field "done_on"),
            or the action is empty or too long (field "action").
    """
    errors: list[ValidationError] = []
    if done_on < found_on:
        errors.append(
            ValidationError(
                f"Tanggal tindak lanjut ({format_date_id(done_on)}) sebelum tanggal temuan "
                f"({format_date_id(found_on)}); tindak lanjut dicatat sesudah temuannya.",
                field="done_on",
            )
        )
    elif done_on > today:
        errors.append(
            ValidationError(
                f"Tanggal tindak lanjut {format_date_id(done_on)} belum terjadi.", field="done_on"
            )
        )
    text = checked_text(
        action,
        field="action",
        label="Uraian tindak lanjut",
        max_length=TEXT_MAX,
        errors=errors,
    )
    if errors:
        raise ValidationErrors(errors)
    return text


def check_status(new: FindingStatus, *, follow_ups: int, note: str) -> str:
    """Check a status a user sets; return the cleaned note.

    Raises:
        ValidationError: done without a follow-up, "cannot" without a reason, or "not yet"
            with follow-ups recorded (field "status" or "note").
    """
    if new is FindingStatus.SELESAI and follow_ups == 0:
        raise ValidationError(
            "Temuan baru dapat dinyatakan selesai setelah ada tindak lanjut beserta buktinya.",
            field="status",
        )
    text = checked_text(
        note,
        field="note",
        label="Catatan",
        max_length=TEXT_MAX,
        required=new is FindingStatus.TIDAK_DAPAT,
        hint="tuliskan alasan temuan tidak dapat ditindaklanjuti.",
    )
    if new is FindingStatus.BELUM and follow_ups > 0:
        raise ValidationError(
            "Temuan ini sudah punya tindak lanjut; statusnya paling tidak 'Dalam proses'.",
            field="status",
        )
    return text


def status_after_follow_up(current: FindingStatus) -> FindingStatus:
    """An untouched finding is in progress once its first follow-up is recorded."""
    return FindingStatus.PROSES if current is FindingStatus.BELUM else current


def finding_deadline(
    status: FindingStatus,
    due_on: date,
    today: date,
    *,
    closed_on: date | None = None,
    rules: FindingRules | None = None,
) -> Deadline:
    """The flag of a finding: open ones against ``due_on`` today, closed ones on closing."""
    rules = rules or default_rules()
    if status.is_open:
        return deadline_of(due_on, today, due_soon_days=rules.due_soon_days)
    return deadline_of(
        due_on, today, due_soon_days=rules.due_soon_days, closed_on=closed_on or today
    )
