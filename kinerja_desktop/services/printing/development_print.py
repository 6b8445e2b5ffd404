"""Rencana Pengembangan (plan items, JP, competence gaps) and Format B.1.9 (competence ratings)."""

from __future__ import annotations

from decimal import Decimal

from kinerja_desktop.domain.dates import format_date_id, format_date_range_id
from kinerja_desktop.domain.skp_records import format_decimal_id
from kinerja_desktop.reports.content import (
    CompetenceRatingForm,
    CompetenceRatingLine,
    DevelopmentForm,
    GapLine,
    PlanLine,
)
from kinerja_desktop.services.development.competence import CompetenceProfile
from kinerja_desktop.services.development.service import PlanItem
from kinerja_desktop.services.printing import people
from kinerja_desktop.services.printing.people import Places
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.printing.snapshot import Sources


def _level(value: int | None) -> str:
    return "-" if value is None else str(value)


def _gap(value: int | None) -> str:
    if value is None:
        return "-"
    return f"+{value}" if value > 0 else str(value)


def _gaps(profile: CompetenceProfile) -> tuple[GapLine, ...]:
    return tuple(
        GapLine(
            number=str(index),
            competence=f"{line.competence.code} {line.competence.name}",
            kind=line.competence.kind.label,
            required=_level(line.required),
            held=_level(line.held),
            gap=_gap(line.gap),
        )
        for index, line in enumerate(profile.lines, start=1)
    )


def _schedule(item: PlanItem) -> str:
    start, end = item.item.start, item.item.end
    if start and end and end >= start:
        return format_date_range_id(start, end)
    if start or end:
        return format_date_id(start or end)  # type: ignore[arg-type]
    return "-"


def _jp(value: Decimal) -> str:
    return format_decimal_id(value)


def build_development(
    sources: Sources, request: PrintRequest, logo: bytes | None
) -> DevelopmentForm:
    assert request.employee_id is not None
    places = Places.read(sources)
    person = sources.staff.get(request.employee_id)
    plan = sources.development.plan(person.id, request.year, request.printed_on)
    profile = sources.competence.profile(person.id, request.printed_on)
    who = people.signers(sources, places, person, request.printed_on)
    jpm = (
        f"Job Person Match: {format_decimal_id(profile.jpm.percent)}% ({profile.jpm.label})"
        if profile.jpm
        else "Job Person Match: belum dapat dihitung (belum ada kompetensi yang dinilai)."
    )
    summary = f"JP selesai {_jp(plan.jp.done)}, direncanakan {_jp(plan.jp.planned)}; " + (
        f"paling sedikit {_jp(plan.minimum)} JP setahun"
        if plan.minimum is not None
        else f"minimum JP menurut {plan.minimum_text}"
    )
    summary += f", kurang {_jp(plan.shortfall)} JP." if plan.shortfall > 0 else "."
    return DevelopmentForm(
        letterhead=places.letterhead(person.unit_id, logo),
        year=request.year,
        pegawai=who.pegawai,
        penilai=who.penilai,
        gaps=_gaps(profile),
        jpm=jpm,
        items=tuple(
            PlanLine(
                number=str(index),
                addresses=item.item.addresses,
                title=item.item.title,
                path=item.item.path.label,
                jp=_jp(item.item.jp),
                schedule=_schedule(item),
                status=item.item.status.label,
            )
            for index, item in enumerate(plan.items, start=1)
        ),
        jp_summary=summary,
        signatures=(
            people.sign(people.PEGAWAI, who.pegawai),
            people.sign(
                people.PENILAI,
                who.penilai,
                people.place_date(places, person.unit_id, request.printed_on),
                who.note,
            ),
        ),
    )


def build_competence(
    sources: Sources, request: PrintRequest, logo: bytes | None
) -> CompetenceRatingForm:
    assert request.employee_id is not None
    places = Places.read(sources)
    person = sources.staff.get(request.employee_id)
    profile = sources.competence.profile(person.id, request.printed_on)
    who = people.signers(sources, places, person, request.printed_on)
    rated = [line for line in profile.lines if line.held is not None]
    last = max((line.rated_on for line in rated if line.rated_on), default=None)
    return CompetenceRatingForm(
        letterhead=places.letterhead(person.unit_id, logo),
        year=request.year,
        date_text=f"TANGGAL PENILAIAN: {format_date_id(last).upper()}" if last else "",
        pegawai=who.pegawai,
        penilai=who.penilai,
        lines=tuple(
            CompetenceRatingLine(
                number=str(index),
                competence=line.competence.name,
                level=_level(line.held),
                reason=line.reason,
            )
            for index, line in enumerate(rated, start=1)
        ),
        signatures=(
            people.sign(people.PEGAWAI, who.pegawai),
            people.sign(
                people.PENILAI,
                who.penilai,
                people.place_date(places, person.unit_id, request.printed_on),
                who.note,
            ),
        ),
    )
