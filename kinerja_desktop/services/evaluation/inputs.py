"""Checks of what the user typed or asked for, before anything is stored.

Every check raises :class:`ValidationError` naming the field at fault, so nothing is saved.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import TEXT_MAX, Pendekatan, SkpStatus, parse_number
from kinerja_desktop.domain.staff import clean_text
from kinerja_desktop.services.evaluation.records import (
    EvidenceKind,
    PeriodEvaluation,
    RatingSource,
)

#: Longest feedback (umpan balik) kept for one RHK in one period.
FEEDBACK_MAX = 2000
_WEB_LINK = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
_FILE_LOCATION = re.compile(r"(?:[A-Za-z]:[\\/]|\\\\[^\\\s]+\\|/|~/|file:///?)\S", re.IGNORECASE)


def require_agreed(status: str, revision: int) -> None:
    """Refuse records on an SKP that is not agreed (a draft, or a revision in progress)."""
    if status == SkpStatus.DISEPAKATI.value:
        return
    if revision > 1:
        raise ValidationError(
            f"SKP ini sedang direvisi (revisi {revision}, masih draf). Realisasi, bukti "
            "dukung, umpan balik, dan rating dicatat lagi setelah revisinya disepakati."
        )
    raise ValidationError(
        "SKP ini masih draf, jadi belum ada realisasi. Sepakati SKP terlebih dahulu; "
        "realisasi, bukti dukung, umpan balik, dan rating dicatat sesudahnya."
    )


def pick_period(periods: list[Period], code: str, year: int) -> Period:
    """The period with ``code`` (any case, spaces around) among the person's periods."""
    wanted = code.strip().upper()
    for period in periods:
        if period.code == wanted:
            return period
    if not periods:
        raise ValidationError(f"Pegawai ini tidak memiliki periode penilaian pada {year}.")
    valid = ", ".join(f"{period.code} ({period.label})" for period in periods)
    raise ValidationError(
        f"Periode '{code.strip()}' tidak ada untuk SKP {year} pegawai ini. "
        f"Pilih salah satu: {valid}.",
        field="period",
    )


def parse_realisation(
    pendekatan: Pendekatan, value: str, text: str
) -> tuple[Decimal | None, str] | None:
    """Check what was typed; None means "clear the realisation"."""
    if pendekatan is Pendekatan.KUALITATIF:
        narrative = clean_text(f"{value} {text}")
        check_length(narrative, "Realisasi", "realisation")
        return (None, narrative) if narrative else None
    note = clean_text(text)
    check_length(note, "Keterangan realisasi", "realisation")
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


def check_length(text: str, label: str, field: str) -> None:
    if len(text) > TEXT_MAX:
        raise ValidationError(
            f"{label} terlalu panjang ({len(text)} karakter; paling banyak {TEXT_MAX}).",
            field=field,
        )


def parse_evidence(note: str, link: str, file: Path | None) -> tuple[EvidenceKind, str]:
    """The kind of bukti dukung given, and its text (empty for a file)."""
    note_text = clean_text(note)
    link_text = link.strip()
    if [bool(note_text), bool(link_text), file is not None].count(True) != 1:
        raise ValidationError(
            "Isi salah satu: catatan, tautan, atau berkas (satu bukti dukung sekali simpan).",
            field="evidence",
        )
    if file is not None:
        return EvidenceKind.FILE, ""
    if note_text:
        check_length(note_text, "Catatan", "note")
        return EvidenceKind.NOTE, note_text
    if not (_WEB_LINK.fullmatch(link_text) or _FILE_LOCATION.match(link_text)):
        raise ValidationError(
            "Tautan harus berupa alamat web (diawali http:// atau https://) atau lokasi berkas, "
            f"mis. D:\\Bukti\\laporan.pdf; yang diisi '{link_text}'.",
            field="link",
        )
    check_length(link_text, "Tautan", "link")
    return EvidenceKind.LINK, link_text


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
    text = clean_text(feedback)
    if len(text) > FEEDBACK_MAX:
        raise ValidationError(
            f"Umpan balik terlalu panjang ({len(text)} karakter; paling banyak {FEEDBACK_MAX}).",
            field="feedback",
        )
    return text


def check_assessment(pendekatan: str, assessment: Rating | None) -> None:
    if assessment is not None and pendekatan == Pendekatan.KUANTITATIF.value:
        raise ValidationError(
            "Penilaian atasan per RHK hanya untuk pendekatan kualitatif; pada pendekatan "
            "kuantitatif levelnya dihitung dari realisasi.",
            field="assessment",
        )


def reason_text(reason: str) -> str:
    why = clean_text(reason)
    if len(why) > TEXT_MAX:
        raise ValidationError(
            f"Alasan terlalu panjang ({len(why)} karakter; paling banyak {TEXT_MAX}).",
            field="reason",
        )
    return why


def decision_source(
    current: PeriodEvaluation, final: Rating, reason: str, *, from_organisation: bool
) -> RatingSource:
    """Where the decided rating comes from, once the decision is allowed at all."""
    if from_organisation:
        if not reason:
            raise ValidationError(
                "Tuliskan capaian kinerja organisasi yang dipakai sebagai rating, mis. "
                "'Capaian kinerja organisasi: Baik'.",
                field="reason",
            )
        return RatingSource.ORGANISASI
    head = current.unit_head
    if head is not None and head.org is not None and current.proposal is not None:
        # A unit head's rating follows the organisation predikat: no realisation is needed.
        if final is current.proposal.rating:
            return RatingSource.ORGANISASI
        if not reason:
            raise ValidationError(
                f"Alasan wajib diisi bila rating berbeda dari predikat kinerja organisasi "
                f"{head.unit} ({head.org.label}).",
                field="reason",
            )
        return RatingSource.OVERRIDE
    period = current.period
    if not current.has_realisation:
        raise ValidationError(
            f"Rating Hasil Kerja {period.label} belum dapat ditetapkan: belum ada realisasi yang "
            "dicatat. Isi realisasi (dan bukti dukungnya) terlebih dahulu.",
            field="final",
        )
    if current.proposal is None:
        raise ValidationError(
            f"Rating Hasil Kerja {period.label} belum dapat ditetapkan. {current.waiting}",
            field="final",
        )
    if final is current.proposal.rating:
        return RatingSource.PROPOSAL
    if not reason:
        raise ValidationError("Alasan wajib diisi bila rating berbeda dari usulan.", field="reason")
    return RatingSource.OVERRIDE
