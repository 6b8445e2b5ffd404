"""The competence development plan: its items, their JP, and proposals from the year's findings.

Learning paths (jalur klasikal / nonklasikal, Perlan LAN 10/2018) and the 20 JP a year minimum
for PNS (PP 11/2017 as amended by PP 17/2020) are reference data in
``kinerja_desktop/reference/competence.json`` (reference §7). Proposals are suggestions for the
supervisor, worded as what is worth developing, never as faults.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cache
from typing import Any

from kinerja_desktop.domain.competence import Competence, CompetenceKind, gap
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.periods import Period
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import load
from kinerja_desktop.domain.skp import parse_number
from kinerja_desktop.domain.text import checked_text

TEXT_MAX = 500
MINIMUM_JP = Decimal(20)
#: Shown where a PPPK's JP minimum would be: their rule is not the PNS 20 JP.
PPPK_RULE = "ketentuan PPPK"


class LearningGroup(StrEnum):
    KLASIKAL = "KLASIKAL"
    NONKLASIKAL = "NONKLASIKAL"

    @property
    def label(self) -> str:
        """Return "Klasikal" or "Nonklasikal"."""
        return str(_groups()[self.value]["label"])


class LearningPath(StrEnum):
    """Jalur pengembangan kompetensi (Perlan LAN 10/2018); codes as in the reference JSON."""

    PELATIHAN_STRUKTURAL_KEPEMIMPINAN = "PELATIHAN_STRUKTURAL_KEPEMIMPINAN"
    PELATIHAN_MANAJERIAL = "PELATIHAN_MANAJERIAL"
    PELATIHAN_TEKNIS = "PELATIHAN_TEKNIS"
    PELATIHAN_FUNGSIONAL = "PELATIHAN_FUNGSIONAL"
    PELATIHAN_SOSIAL_KULTURAL = "PELATIHAN_SOSIAL_KULTURAL"
    SEMINAR = "SEMINAR"
    WORKSHOP = "WORKSHOP"
    KURSUS = "KURSUS"
    PENATARAN = "PENATARAN"
    BIMBINGAN_TEKNIS = "BIMBINGAN_TEKNIS"
    SOSIALISASI = "SOSIALISASI"
    KLASIKAL_LAINNYA = "KLASIKAL_LAINNYA"
    COACHING = "COACHING"
    MENTORING = "MENTORING"
    E_LEARNING = "E_LEARNING"
    PELATIHAN_JARAK_JAUH = "PELATIHAN_JARAK_JAUH"
    DETASERING = "DETASERING"
    PEMBELAJARAN_ALAM_TERBUKA = "PEMBELAJARAN_ALAM_TERBUKA"
    PATOK_BANDING = "PATOK_BANDING"
    PERTUKARAN_PEGAWAI = "PERTUKARAN_PEGAWAI"
    BELAJAR_MANDIRI = "BELAJAR_MANDIRI"
    KOMUNITAS_BELAJAR = "KOMUNITAS_BELAJAR"
    BIMBINGAN_DI_TEMPAT_KERJA = "BIMBINGAN_DI_TEMPAT_KERJA"
    MAGANG = "MAGANG"
    NONKLASIKAL_LAINNYA = "NONKLASIKAL_LAINNYA"

    @property
    def label(self) -> str:
        """E.g. "Patok banding (benchmarking)"."""
        return str(_paths()[self.value]["label"])

    @property
    def group(self) -> LearningGroup:
        return LearningGroup(_paths()[self.value]["group"])

    @property
    def jp_equivalent(self) -> Decimal | None:
        """JP one activity usually counts for (confidence [L]); None where none is known."""
        value = _paths()[self.value]["jp_equivalent"]
        return None if value is None else Decimal(str(value))


@cache
def _learning() -> dict[str, Any]:
    data: dict[str, Any] = load("competence")["learning_paths"]
    return data


@cache
def _paths() -> dict[str, dict[str, Any]]:
    return {str(entry["code"]): entry for entry in _learning()["paths"]}


@cache
def _groups() -> dict[str, dict[str, Any]]:
    return {str(entry["code"]): entry for entry in _learning()["groups"]}


def minimum_jp(status: EmploymentStatus = EmploymentStatus.PNS) -> Decimal | None:
    """The yearly JP minimum for ``status`` from the reference data; None when none is known.

    20 JP is a PNS right (PP 17/2020); PPPK follow their own rule (Perlan LAN 15/2020), kept
    as data (``jp.minimum_per_year_pppk``), null until confirmed: then nobody is flagged short.
    """
    jp = load("competence")["jp"]
    key = "minimum_per_year_pns" if status is EmploymentStatus.PNS else "minimum_per_year_pppk"
    value = jp.get(key)
    return Decimal(str(value)) if value is not None else None


def pns_minimum_jp() -> Decimal:
    """The PNS minimum (always in the reference data), e.g. for Beranda's title."""
    value = minimum_jp(EmploymentStatus.PNS)
    assert value is not None
    return value


class ItemStatus(StrEnum):
    DIRENCANAKAN = "DIRENCANAKAN"
    BERJALAN = "BERJALAN"
    SELESAI = "SELESAI"
    DIBATALKAN = "DIBATALKAN"

    @property
    def label(self) -> str:
        """Return "Direncanakan", "Berjalan", "Selesai" or "Dibatalkan"."""
        return self.value.capitalize()


_OPEN = (ItemStatus.DIRENCANAKAN, ItemStatus.BERJALAN)


@dataclass(frozen=True)
class ValidItem:
    """A plan item's typed fields after `validate_item`; texts are cleaned."""

    addresses: str
    title: str
    path: LearningPath
    start: date | None
    end: date | None
    jp: Decimal


@dataclass(frozen=True)
class DevelopmentItem:
    """An item of a development plan with its status.

    Attributes:
        addresses: What it develops: a competence gap, a behaviour value or a work result.
        title: The activity, e.g. "Pelatihan penyusunan laporan kinerja".
        path: Jalur pengembangan.
        jp: Jam pelajaran it counts for.
        status: Where it stands.
        start: Planned or actual start; None when not scheduled.
        end: Planned or actual end; None when not scheduled.
    """

    addresses: str
    title: str
    path: LearningPath
    jp: Decimal
    status: ItemStatus = ItemStatus.DIRENCANAKAN
    start: date | None = None
    end: date | None = None


def _jp(text: str, errors: list[ValidationError]) -> Decimal:
    if not text.strip():
        errors.append(ValidationError("JP wajib diisi (boleh 0).", field="jp"))
        return Decimal(0)
    try:
        value = parse_number(text)
    except ValueError:
        errors.append(
            ValidationError(f"JP '{text.strip()}' bukan angka; contoh: 2 atau 2,5.", field="jp")
        )
        return Decimal(0)
    if value < 0:
        errors.append(ValidationError("JP tidak boleh kurang dari 0.", field="jp"))
    return value


def validate_item(
    addresses: str,
    title: str,
    path: LearningPath | None,
    *,
    start: date | None,
    end: date | None,
    jp: str,
) -> ValidItem:
    """Check a plan item as typed and return its typed values.

    An item must say what it develops (a competence gap, a behaviour value or a work result),
    name its activity and path, count zero or more JP (Indonesian decimal comma allowed) and,
    when both dates are given, not end before it starts.

    Raises:
        ValidationErrors: Every problem at once, each with its field ("addresses", "title",
            "path", "end", "jp").
    """
    errors: list[ValidationError] = []
    cleaned_addresses = checked_text(
        addresses,
        field="addresses",
        label="Yang dikembangkan",
        max_length=TEXT_MAX,
        hint="sebutkan kesenjangan kompetensi, nilai perilaku, atau hasil kerja.",
        errors=errors,
    )
    cleaned_title = checked_text(
        title, field="title", label="Nama kegiatan", max_length=TEXT_MAX, errors=errors
    )
    if path is None:
        errors.append(ValidationError("Pilih jalur pengembangan.", field="path"))
    if start is not None and end is not None and end < start:
        errors.append(
            ValidationError("Tanggal selesai tidak boleh sebelum tanggal mulai.", field="end")
        )
    hours = _jp(jp, errors)
    if errors or path is None:
        raise ValidationErrors(errors)
    return ValidItem(cleaned_addresses, cleaned_title, path, start, end, hours)


@dataclass(frozen=True)
class JpTotal:
    """JP of a set of items: done (counts toward the minimum) and still planned or running."""

    done: Decimal
    planned: Decimal


def jp_total(items: Iterable[DevelopmentItem]) -> JpTotal:
    """Add up JP: done items count; planned and running ones apart; cancelled ones never."""
    done = Decimal(0)
    planned = Decimal(0)
    for item in items:
        if item.status is ItemStatus.SELESAI:
            done += item.jp
        elif item.status in _OPEN:
            planned += item.jp
    return JpTotal(done, planned)


def jp_shortfall(total: Decimal, minimum: Decimal | int | None = MINIMUM_JP) -> Decimal:
    """Return the JP still missing to reach ``minimum`` (20 for PNS); 0 when reached or None."""
    if minimum is None:
        return Decimal(0)
    return max(Decimal(minimum) - total, Decimal(0))


def minimum_text(minimum: Decimal | None) -> str:
    """E.g. "20 JP", or "ketentuan PPPK" when no minimum is known for the person."""
    if minimum is None:
        return PPPK_RULE
    number = format(minimum.normalize(), "f").replace(".", ",")
    return f"{number} JP"


def overdue(item: DevelopmentItem, today: date) -> bool:
    """True when a planned or running item should have ended before ``today``."""
    return item.status in _OPEN and item.end is not None and item.end < today


def is_open(item: DevelopmentItem) -> bool:
    """True while an item is planned or running."""
    return item.status in _OPEN


def current_period_start(periods: Iterable[Period], today: date) -> date | None:
    """Start of the periodic (not annual) period running on ``today``; None outside them all."""
    for period in periods:
        if not period.is_final and period.contains(today):
            return period.start
    return None


def needs_review(item: DevelopmentItem, last_seen: date, period_start: date | None) -> bool:
    """True when an open item has not been followed up since the running period began.

    ``last_seen`` is the day the item was added or last reviewed. At each new period every
    planned or running item comes up once; reviewing it (even keeping its status) settles it
    until the next period.
    """
    return period_start is not None and is_open(item) and last_seen < period_start


def lapsed(items: Sequence[DevelopmentItem], today: date) -> bool:
    """True when a plan has stalled: no item done, and every item overdue or cancelled.

    An empty plan has not lapsed (there is nothing to follow up).
    """
    if not items or any(item.status is ItemStatus.SELESAI for item in items):
        return False
    return all(item.status is ItemStatus.DIBATALKAN or overdue(item, today) for item in items)


class FindingKind(StrEnum):
    KOMPETENSI = "KOMPETENSI"
    HASIL_KERJA = "HASIL_KERJA"
    PERILAKU_KERJA = "PERILAKU_KERJA"
    PREDIKAT = "PREDIKAT"
    TITIK_LEMAH = "TITIK_LEMAH"


@dataclass(frozen=True)
class GapFinding:
    """A competence as held and as the jabatan requires it (levels 1 to 5)."""

    competence: Competence
    held: int
    required: int


@dataclass(frozen=True)
class ActionProposal:
    """A suggested plan item and the finding it answers.

    Attributes:
        finding: Kind of finding it answers.
        reason: The finding in words, e.g. "Kompetensi Integritas perlu dikembangkan: ...".
        addresses: What the item develops, ready for `validate_item`.
        title: The suggested activity.
        paths: Suggested learning paths, the first preferred.
    """

    finding: FindingKind
    reason: str
    addresses: str
    title: str
    paths: tuple[LearningPath, ...]

    @property
    def jp(self) -> Decimal | None:
        """JP equivalent of the preferred path, when the reference gives one."""
        return self.paths[0].jp_equivalent


_TRAINING: dict[CompetenceKind, LearningPath] = {
    CompetenceKind.MANAJERIAL: LearningPath.PELATIHAN_MANAJERIAL,
    CompetenceKind.SOSIAL_KULTURAL: LearningPath.PELATIHAN_SOSIAL_KULTURAL,
    CompetenceKind.TEKNIS: LearningPath.PELATIHAN_TEKNIS,
}
_NEEDS_PLAN = (Predikat.BUTUH_PERBAIKAN, Predikat.KURANG_MISCONDUCT, Predikat.SANGAT_KURANG)


def _gap_proposal(finding: GapFinding) -> ActionProposal | None:
    shortfall = -gap(finding.held, finding.required)
    if shortfall <= 0:
        return None
    name = finding.competence.name
    reason = (
        f"Kompetensi {name} perlu dikembangkan: level saat ini {finding.held}, "
        f"level yang dibutuhkan jabatan {finding.required}."
    )
    addresses = (
        f"Kompetensi {finding.competence.code} {name} (level {finding.held} ke {finding.required})"
    )
    if shortfall == 1:
        return ActionProposal(
            FindingKind.KOMPETENSI,
            reason,
            addresses,
            f"Coaching atau mentoring untuk menguatkan {name} ke level {finding.required}",
            (LearningPath.COACHING, LearningPath.MENTORING),
        )
    return ActionProposal(
        FindingKind.KOMPETENSI,
        reason + f" Selisih {shortfall} level memerlukan pembelajaran terstruktur.",
        addresses,
        f"Pelatihan atau bimbingan teknis {name}, dilanjutkan pendampingan di tempat kerja",
        (_TRAINING[finding.competence.kind], LearningPath.BIMBINGAN_TEKNIS),
    )


def _rating_proposals(hasil: Rating | None, perilaku: Rating | None) -> list[ActionProposal]:
    proposals = []
    if hasil is Rating.DI_BAWAH:
        proposals.append(
            ActionProposal(
                FindingKind.HASIL_KERJA,
                "Hasil kerja periode ini masih di bawah ekspektasi; ada target yang perlu "
                "dicapai bersama.",
                "Hasil kerja",
                "Bimbingan kinerja bersama atasan untuk menyepakati langkah mencapai target RHK",
                (LearningPath.BIMBINGAN_DI_TEMPAT_KERJA, LearningPath.COACHING),
            )
        )
    if perilaku is Rating.DI_BAWAH:
        proposals.append(
            ActionProposal(
                FindingKind.PERILAKU_KERJA,
                "Perilaku kerja periode ini masih di bawah ekspektasi; ada perilaku BerAKHLAK "
                "yang perlu dikembangkan.",
                "Perilaku kerja",
                "Mentoring dengan rekan atau atasan yang menjadi teladan perilaku BerAKHLAK",
                (LearningPath.MENTORING, LearningPath.COACHING),
            )
        )
    return proposals


def propose_actions(
    *,
    gaps: Sequence[GapFinding] = (),
    hasil: Rating | None = None,
    perilaku: Rating | None = None,
    predikat: Predikat | None = None,
    weak_spots: Sequence[tuple[str, str]] = (),
) -> tuple[ActionProposal, ...]:
    """Propose plan items from the findings, each saying which finding it answers.

    Rules: a predikat of Butuh Perbaikan or worse asks for a structured improvement plan; a
    Rating Hasil Kerja or Perilaku Kerja below expectation asks for bimbingan kinerja or
    mentoring; each repeated weak spot, given as (value label, indicator text), asks for
    mentoring on that behaviour; each competence below its required level asks for coaching or
    mentoring when one level short and for a pelatihan or bimbingan teknis when two or more,
    largest gap first. Findings without a need give no proposal.
    """
    proposals: list[ActionProposal] = []
    if predikat is not None and predikat in _NEEDS_PLAN:
        proposals.append(
            ActionProposal(
                FindingKind.PREDIKAT,
                f"Predikat kinerja {predikat.label}: perlu rencana pengembangan yang terarah "
                "dan dipantau pada periode berikutnya.",
                f"Predikat {predikat.label}",
                "Rencana perbaikan kinerja bersama atasan dengan pertemuan bimbingan berkala",
                (LearningPath.BIMBINGAN_DI_TEMPAT_KERJA, LearningPath.COACHING),
            )
        )
    proposals.extend(_rating_proposals(hasil, perilaku))
    for value_label, indicator in dict.fromkeys(weak_spots):
        proposals.append(
            ActionProposal(
                FindingKind.TITIK_LEMAH,
                f"Perilaku '{indicator}' ({value_label}) berulang kali tercatat perlu "
                "dikembangkan.",
                f"Perilaku {value_label}: {indicator}",
                f"Mentoring untuk membiasakan perilaku '{indicator}'",
                (LearningPath.MENTORING, LearningPath.BIMBINGAN_DI_TEMPAT_KERJA),
            )
        )
    ranked = sorted(gaps, key=lambda finding: gap(finding.held, finding.required))
    proposals.extend(p for g in ranked if (p := _gap_proposal(g)) is not None)
    return tuple(proposals)
