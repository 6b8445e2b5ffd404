"""Checks of realisation, feedback and reasons as typed, shared with the hand-over import.

The evaluation service checks what the user typed with these; a hand-over package's records go
through the same functions, so a record another installation made meets the same rules.
Every check raises :class:`ValidationError` naming the field at fault.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.skp import TEXT_MAX, Pendekatan, parse_number
from kinerja_desktop.domain.text import checked_text

#: Longest feedback (umpan balik) kept for one RHK in one period.
FEEDBACK_MAX = 2000
#: Longest Catatan/Rekomendasi of a period (the Dokumen Evaluasi gives it half a page).
NOTES_MAX = 2000


def evaluation_notes(text: str) -> str:
    """The penilai's Catatan/Rekomendasi as typed, line breaks kept; may be empty."""
    return checked_text(
        text,
        field="notes",
        label="Catatan/Rekomendasi",
        max_length=NOTES_MAX,
        required=False,
        multiline=True,
    )


def parse_realisation(
    pendekatan: Pendekatan, value: str, text: str
) -> tuple[Decimal | None, str] | None:
    """Check what was typed; None means "clear the realisation"."""
    if pendekatan is Pendekatan.KUALITATIF:
        narrative = optional_text(f"{value} {text}", "Realisasi", "realisation")
        return (None, narrative) if narrative else None
    note = optional_text(text, "Keterangan realisasi", "realisation")
    if not value.strip():
        if note:
            raise ValidationError(
                "Realisasi harus angka, mis. 12 atau 12,5; keterangan saja belum cukup.",
                field="realisation",
            )
        return None
    try:
        figure = parse_number(value)
    except ValueError:
        raise ValidationError(
            f"Realisasi harus angka, mis. 12 atau 12,5; yang diisi '{value.strip()}'.",
            field="realisation",
        ) from None
    if figure < 0:
        raise ValidationError(
            f"Realisasi tidak boleh negatif; yang diisi '{value.strip()}'.", field="realisation"
        )
    return figure, note


def optional_text(text: str, label: str, field: str) -> str:
    """Clean a text of the evaluation that may be empty; refuse it over TEXT_MAX."""
    return checked_text(text, field=field, label=label, max_length=TEXT_MAX, required=False)


def require_started(period: Period, day: date) -> None:
    """Refuse evidence dated before its period begins."""
    # Evaluation happens after a period ends, so later evidence is normal; evidence for a
    # period that has not begun yet cannot be.
    if day < period.start:
        raise ValidationError(
            f"Periode {period.label} ({period.range_text}) belum dimulai; bukti dukung "
            f"bertanggal {format_date_id(day)} belum dapat dicatat untuknya.",
            field="date",
        )


def feedback_text(feedback: str) -> str:
    return checked_text(
        feedback, field="feedback", label="Umpan balik", max_length=FEEDBACK_MAX, required=False
    )


def reason_text(reason: str) -> str:
    return optional_text(reason, "Alasan", "reason")
