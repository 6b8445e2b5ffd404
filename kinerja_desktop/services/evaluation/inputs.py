"""Checks of what the user typed or asked for, before anything is stored.

Every check raises :class:`ValidationError` naming the field at fault, so nothing is saved.
"""

from __future__ import annotations

import re
from pathlib import Path

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.evaluation_inputs import (
    FEEDBACK_MAX,
    feedback_text,
    optional_text,
    parse_realisation,
    reason_text,
    require_started,
)
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import Pendekatan, SkpStatus
from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.services.evaluation.records import (
    EvidenceKind,
    PeriodEvaluation,
    RatingSource,
)

__all__ = [
    "FEEDBACK_MAX",
    "check_assessment",
    "decision_source",
    "feedback_text",
    "optional_text",
    "parse_evidence",
    "parse_realisation",
    "pick_period",
    "reason_text",
    "require_agreed",
    "require_started",
]

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
        return EvidenceKind.NOTE, optional_text(note_text, "Catatan", "note")
    if not (_WEB_LINK.fullmatch(link_text) or _FILE_LOCATION.match(link_text)):
        raise ValidationError(
            "Tautan harus berupa alamat web (diawali http:// atau https://) atau lokasi berkas, "
            f"mis. D:\\Bukti\\laporan.pdf; yang diisi '{link_text}'.",
            field="link",
        )
    optional_text(link_text, "Tautan", "link")
    return EvidenceKind.LINK, link_text


def check_assessment(pendekatan: str, assessment: Rating | None) -> None:
    if assessment is not None and pendekatan == Pendekatan.KUANTITATIF.value:
        raise ValidationError(
            "Penilaian atasan per RHK hanya untuk pendekatan kualitatif; pada pendekatan "
            "kuantitatif levelnya dihitung dari realisasi.",
            field="assessment",
        )


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
