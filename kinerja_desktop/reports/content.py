"""What each form prints, as plain frozen data: every string already formatted.

These records are also what a printed sheet is verified against: their canonical JSON
(:func:`canonical_json`) is hashed, stored, and rebuilt from the records later.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields, is_dataclass
from enum import StrEnum
from typing import Any


class FormKind(StrEnum):
    SKP = "skp"
    EVALUASI = "evaluasi"
    DOKUMEN = "dokumen"
    PENGEMBANGAN = "pengembangan"
    DISTRIBUSI = "distribusi"
    KOMPETENSI = "kompetensi"
    SURVEI = "survei"

    @property
    def label(self) -> str:
        return {
            "skp": "SKP",
            "evaluasi": "Evaluasi Kinerja Pegawai",
            "dokumen": "Dokumen Evaluasi Kinerja Pegawai",
            "pengembangan": "Rencana Pengembangan",
            "distribusi": "Penetapan Predikat Kinerja (kurva distribusi)",
            "kompetensi": "Evaluasi Kompetensi (Format B.1.9)",
            "survei": "Laporan Survei Kepuasan Masyarakat (SKM)",
        }[self.value]


@dataclass(frozen=True)
class Letterhead:
    """The instansi header; ``logo`` is PNG/JPEG bytes when one is set (not in the digest)."""

    instansi: str
    unit: str
    logo: bytes | None = None


@dataclass(frozen=True)
class PersonBlock:
    """A person as the identity block prints them; NIP grouped, pangkat as "Penata, III/c".

    ``nip`` is None for a pejabat negara (a wali kota), who holds none: "-" in the block and
    no NIP line under the signature.
    """

    name: str
    nip: str | None
    pangkat: str
    jabatan: str
    unit: str


@dataclass(frozen=True)
class Signature:
    """One signature column: place and date (may be empty), role, name and NIP.

    ``nip`` "" prints "NIP. -" (nobody chosen yet); None prints no NIP line (a pejabat
    negara, who holds none).
    """

    role: str
    name: str
    nip: str | None
    place_date: str = ""
    #: Line above the role, e.g. "Plt." for an acting official; empty otherwise.
    note: str = ""


# --- SKP --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkpIndicatorLine:
    aspek: str
    indicator: str
    target: str
    perspektif: str


@dataclass(frozen=True)
class SkpResultLine:
    number: str
    parent: str
    text: str
    indicators: tuple[SkpIndicatorLine, ...]


@dataclass(frozen=True)
class BehaviourLine:
    number: str
    value: str
    indicators: tuple[str, ...]
    expectation: str
    #: Umpan balik berkelanjutan (evaluation form only).
    feedback: str = ""


@dataclass(frozen=True)
class ListSection:
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class PlanTargetLine:
    """An indicator's target in one period: "3 Dokumen" ("" when none), on its scale."""

    indicator: str
    target: str
    scale: str


@dataclass(frozen=True)
class PlanPeriodLine:
    """One period of an RHK's plan: its rencana aksi ("" when none) and its targets."""

    period_label: str
    rencana_aksi: str
    targets: tuple[PlanTargetLine, ...]


@dataclass(frozen=True)
class PlanResultLine:
    """An RHK in the "Lampiran: Rencana Aksi", numbered as in the results table."""

    number: str
    text: str
    periods: tuple[PlanPeriodLine, ...]


@dataclass(frozen=True)
class SkpPlans:
    """The SKP's rencana aksi and period targets (issue 17).

    Attributes:
        note: What the plans are when the printed version is not the one being planned ("").
        main_results: The RHK Utama, each with every period that has a plan.
        extra_results: The RHK Tambahan, likewise.
    """

    note: str
    main_results: tuple[PlanResultLine, ...]
    extra_results: tuple[PlanResultLine, ...]


@dataclass(frozen=True)
class SkpForm:
    letterhead: Letterhead
    year: int
    approach: str
    layout: str
    period_text: str
    status_note: str
    pegawai: PersonBlock
    penilai: PersonBlock | None
    main_results: tuple[SkpResultLine, ...]
    extra_results: tuple[SkpResultLine, ...]
    behaviour: tuple[BehaviourLine, ...]
    lampiran: tuple[ListSection, ...]
    signatures: tuple[Signature, ...]
    #: The "Lampiran: Rencana Aksi" page; None when the SKP has no plans (it prints as before).
    #: Added with issue 17: sheets printed before it verify without it (``canonical_json``).
    rencana_aksi: SkpPlans | None = None


# --- Evaluasi Kinerja Pegawai -----------------------------------------------------------------


@dataclass(frozen=True)
class EvaluationIndicatorLine:
    aspek: str
    indicator: str
    target: str
    realisation: str
    #: JPT layout only: Penerima Layanan, Proses Bisnis, Penguatan Internal or Anggaran.
    perspektif: str = ""
    #: The period's own target ("3 Dokumen", "12 Dokumen (kumulatif)"); "" without one.
    #: Added with issue 17: sheets printed before it verify without it (``canonical_json``).
    period_target: str = ""


@dataclass(frozen=True)
class EvaluationResultLine:
    number: str
    parent: str
    text: str
    indicators: tuple[EvaluationIndicatorLine, ...]
    feedback: str
    #: The period's rencana aksi ("" without one, and for AKHIR); added with issue 17.
    rencana_aksi: str = ""


@dataclass(frozen=True)
class EvaluationForm:
    letterhead: Letterhead
    year: int
    period_label: str
    period_text: str
    approach: str
    pegawai: PersonBlock
    penilai: PersonBlock | None
    main_results: tuple[EvaluationResultLine, ...]
    extra_results: tuple[EvaluationResultLine, ...]
    rating_hasil: str
    behaviour: tuple[BehaviourLine, ...]
    rating_perilaku: str
    predikat: str
    signatures: tuple[Signature, ...]
    #: "JPT" (Pejabat Pimpinan Tinggi and Pimpinan Unit Kerja Mandiri) or "JA_JF".
    layout: str = "JA_JF"
    #: JPT layout only: the organisation's predikat ("BAIK"), empty while not recorded.
    capaian_organisasi: str = ""
    #: JPT layout only: the Pola Distribusi of the unit led, empty while its predikat is not set.
    points: tuple[CurvePoint, ...] = ()


# --- Dokumen Evaluasi Kinerja Pegawai ---------------------------------------------------------


@dataclass(frozen=True)
class ObjectionSection:
    number: str
    title: str
    text: str
    date_text: str


@dataclass(frozen=True)
class EvaluationDocumentForm:
    letterhead: Letterhead
    year: int
    #: Every period of the scheme, e.g. ("TRIWULAN I", ..., "AKHIR"); the current one is kept,
    #: the others are struck through as on the official form.
    period_names: tuple[str, ...]
    current_period: str
    period_text: str
    pegawai: PersonBlock
    penilai: PersonBlock | None
    atasan: PersonBlock | None
    capaian_organisasi: str
    predikat: str
    #: The penilai's Catatan/Rekomendasi (never the internal reason for a predikat override).
    notes: str
    objection: tuple[ObjectionSection, ...]
    signatures: tuple[Signature, ...]


# --- Rencana Pengembangan ---------------------------------------------------------------------


@dataclass(frozen=True)
class GapLine:
    number: str
    competence: str
    kind: str
    required: str
    held: str
    gap: str


@dataclass(frozen=True)
class PlanLine:
    number: str
    addresses: str
    title: str
    path: str
    jp: str
    schedule: str
    status: str


@dataclass(frozen=True)
class DevelopmentForm:
    letterhead: Letterhead
    year: int
    pegawai: PersonBlock
    penilai: PersonBlock | None
    gaps: tuple[GapLine, ...]
    jpm: str
    items: tuple[PlanLine, ...]
    jp_summary: str
    signatures: tuple[Signature, ...]


# --- Distribusi predikat ----------------------------------------------------------------------


@dataclass(frozen=True)
class CurvePoint:
    predikat: str
    count: int
    percent: str
    expected_percent: str
    #: The curve's expected number of people (percent of the total), for drawing.
    expected_people: float


@dataclass(frozen=True)
class RatedPerson:
    """One line of the penetapan's list: who, and the predikat set for them."""

    number: str
    name: str
    nip: str
    jabatan: str
    predikat: str


@dataclass(frozen=True)
class DistributionForm:
    letterhead: Letterhead
    year: int
    period_label: str
    unit: str
    org_predikat: str
    curve_title: str
    points: tuple[CurvePoint, ...]
    curve_note: str
    total: int
    findings: tuple[str, ...]
    undecided: tuple[str, ...]
    #: Everyone counted, best predikat first, then by name.
    people: tuple[RatedPerson, ...]
    signatures: tuple[Signature, ...]


# --- Format B.1.9 -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CompetenceRatingLine:
    number: str
    competence: str
    level: str
    reason: str


@dataclass(frozen=True)
class CompetenceRatingForm:
    letterhead: Letterhead
    year: int
    date_text: str
    pegawai: PersonBlock
    penilai: PersonBlock | None
    lines: tuple[CompetenceRatingLine, ...]
    signatures: tuple[Signature, ...]


# --- Laporan Survei Kepuasan Masyarakat (PermenPANRB 14/2017) ---------------------------------


@dataclass(frozen=True)
class SurveyItemLine:
    """One unsur: its answered count, NRR, NRR tertimbang, value on the 25-100 scale, grade."""

    code: str
    label: str
    answered: str
    nrr: str
    weighted: str
    converted: str
    grade: str


@dataclass(frozen=True)
class ProfileLine:
    """One row of the respondents' profile, e.g. ("Jenis kelamin", "Perempuan", "150", "55,6%")."""

    group: str
    category: str
    count: str
    percent: str


@dataclass(frozen=True)
class TrendLine:
    """The IKM of one survey of the unit; ``change`` against the survey before ("+1,25")."""

    period: str
    respondents: str
    ikm: str
    grade: str
    change: str


@dataclass(frozen=True)
class GradeLine:
    """One row of the conversion table: perception value, NI, NIK, mutu, kinerja unit."""

    perception: str
    interval: str
    converted: str
    grade: str
    performance: str


@dataclass(frozen=True)
class ActionPlanLine:
    """One line of the rencana tindak lanjut: the unsur, what, when and who."""

    number: str
    item: str
    program: str
    schedule: str
    responsible: str


@dataclass(frozen=True)
class SurveyReportForm:
    """The survey report of one service unit and period, signed by the unit head."""

    letterhead: Letterhead
    unit: str
    period: str
    period_range: str
    respondents: str
    #: How the answers were collected ("Tatap muka ...; Daring (online)"), "" if not recorded.
    methods: str
    #: The fieldwork days ("5 Januari s.d. 30 Juni 2026"), "" if not recorded.
    fieldwork: str
    #: The population ("1.250 orang"), "" if not recorded.
    population: str
    #: The Krejcie-Morgan minimum ("294 responden"), "" without a population.
    minimum_sample: str
    #: Whether the respondents reach it, in words; "" without a population.
    sample_status: str
    profile: tuple[ProfileLine, ...]
    items: tuple[SurveyItemLine, ...]
    interval_value: str
    ikm: str
    grade: str
    performance: str
    weakest: tuple[str, ...]
    #: The conversion table the grade is read from (reference data), worst grade first.
    grades: tuple[GradeLine, ...]
    #: Earlier surveys of the unit, oldest first, then this one (empty when it is the first).
    trend: tuple[TrendLine, ...]
    #: The unit's rencana tindak lanjut, by unsur.
    actions: tuple[ActionPlanLine, ...]
    signatures: tuple[Signature, ...]


FormContent = (
    SkpForm
    | EvaluationForm
    | EvaluationDocumentForm
    | DevelopmentForm
    | DistributionForm
    | CompetenceRatingForm
    | SurveyReportForm
)


def form_kind(content: FormContent) -> FormKind:
    return {
        SkpForm: FormKind.SKP,
        EvaluationForm: FormKind.EVALUASI,
        EvaluationDocumentForm: FormKind.DOKUMEN,
        DevelopmentForm: FormKind.PENGEMBANGAN,
        DistributionForm: FormKind.DISTRIBUSI,
        CompetenceRatingForm: FormKind.KOMPETENSI,
        SurveyReportForm: FormKind.SURVEI,
    }[type(content)]


def content_dict(content: FormContent) -> dict[str, Any]:
    """The printed content as plain JSON-ready data; the logo's bytes stay out."""
    data = _plain(content)
    assert isinstance(data, dict)
    data["letterhead"].pop("logo", None)
    return data


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {item.name: _plain(getattr(value, item.name)) for item in fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(element) for element in value]
    if isinstance(value, dict):
        return {key: _plain(element) for key, element in value.items()}
    return value


def canonical_json(content: FormContent, shaped_like: Any = None) -> str:
    """Sorted keys, no spaces, UTF-8 text: equal content always gives equal JSON.

    Args:
        content: what the form prints now.
        shaped_like: the content JSON of a sheet printed earlier, when verifying it. Keys the
            sheet does not hold (fields a form gained after it was printed) are left out, so
            an older sheet still verifies while everything it shows is unchanged. A sheet
            printed now holds every key, so nothing it shows is ever left out.
    """
    data: Any = content_dict(content)
    if shaped_like is not None:
        data = _shaped(data, shaped_like)
    payload = {"form": form_kind(content).value, "content": data}
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _shaped(value: Any, printed: Any) -> Any:
    """``value`` without the dict keys ``printed`` lacks, element by element in lists."""
    if isinstance(value, dict) and isinstance(printed, dict):
        return {key: _shaped(item, printed[key]) for key, item in value.items() if key in printed}
    if isinstance(value, list) and isinstance(printed, list):
        return [
            _shaped(item, printed[index]) if index < len(printed) else item
            for index, item in enumerate(value)
        ]
    return value


def digest_of(canonical: str) -> str:
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
