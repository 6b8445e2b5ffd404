"""Evaluasi Kinerja Pegawai and the Dokumen Evaluasi of one period, from the stored records."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.domain.dates import format_date_id, format_date_range_id
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import periods_for_year
from kinerja_desktop.domain.skp import RhkKind, SkpLayout
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.reports.content import (
    CurvePoint,
    EvaluationDocumentForm,
    EvaluationForm,
    EvaluationIndicatorLine,
    EvaluationResultLine,
    ObjectionSection,
)
from kinerja_desktop.services.evaluation import PeriodEvaluation, RhkEvaluation
from kinerja_desktop.services.evaluation.behaviour import BehaviourPeriod
from kinerja_desktop.services.platform.seals import evaluation_record
from kinerja_desktop.services.printing import people
from kinerja_desktop.services.printing.distribution_print import curve_points
from kinerja_desktop.services.printing.people import Places
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.printing.skp_print import behaviour_lines
from kinerja_desktop.services.printing.snapshot import Sources

NOT_DECIDED = "Belum ditetapkan"


def _skp_id(sources: Sources, employee_id: int, year: int) -> int:
    # Only the id: the evaluation and behaviour views each read the SKP they need.
    row = skp_repo.skp_for(sources.session, employee_id, year)
    if row is None:
        person = sources.staff.get(employee_id)
        raise ValidationError(f"{person.full_name} belum memiliki SKP tahun {year}.")
    return int(row.id)


def _lines(rhks: tuple[RhkEvaluation, ...], kind: RhkKind) -> tuple[EvaluationResultLine, ...]:
    chosen = [rhk for rhk in rhks if rhk.rhk.kind is kind]
    return tuple(
        EvaluationResultLine(
            number=str(index),
            parent=rhk.rhk.parent_label or rhk.rhk.parent_text,
            text=rhk.rhk.text,
            indicators=tuple(
                EvaluationIndicatorLine(
                    aspek=line.iki.aspek.label if line.iki.aspek else "",
                    indicator=line.iki.indicator,
                    target=line.iki.target_display,
                    realisation=line.realisation_display,
                    perspektif=line.iki.perspektif.label if line.iki.perspektif else "",
                    period_target=line.period_target_display,
                )
                for line in rhk.indicators
            ),
            feedback=rhk.feedback,
            rencana_aksi=rhk.rencana_aksi,
        )
        for index, rhk in enumerate(chosen, start=1)
    )


def _period_text(start: date, end: date) -> str:
    return f"PERIODE PENILAIAN: {format_date_range_id(start, end).upper()}"


def _read(sources: Sources, request: PrintRequest) -> tuple[PeriodEvaluation, BehaviourPeriod]:
    assert request.employee_id is not None
    skp_id = _skp_id(sources, request.employee_id, request.year)
    evaluation = sources.evaluation.evaluation(skp_id, request.period_code)
    behaviour = sources.behaviour.period_view(skp_id, request.period_code)
    return evaluation, behaviour


def _signing_day(request: PrintRequest, end: date) -> date:
    """Who signs is who held the post at the period's end (or today, if that is earlier)."""
    return min(end, request.printed_on)


def _signers(
    sources: Sources,
    places: Places,
    person: Employee,
    request: PrintRequest,
    evaluation: PeriodEvaluation,
) -> people.Signers:
    """As recorded when the evaluation was marked signed; else who held the posts then."""
    period = evaluation.period
    record = (
        evaluation_record(evaluation.skp.id, period.code)
        if evaluation.signed_on is not None
        else None
    )
    return people.signers(sources, places, person, _signing_day(request, period.end), record)


def predikat_text(behaviour: BehaviourPeriod) -> str:
    """The predikat in force, marked when the penilai overrode the grid or set on objection."""
    effective = behaviour.predikat.effective
    return effective.display if effective else NOT_DECIDED


def build_evaluation(sources: Sources, request: PrintRequest, logo: bytes | None) -> EvaluationForm:
    evaluation, behaviour = _read(sources, request)
    places = Places.read(sources)
    person = sources.staff.get(evaluation.skp.employee_id)
    period = evaluation.period
    who = _signers(sources, places, person, request, evaluation)
    feedback = {item.value: item.stored or "" for item in behaviour.values}
    jpt = evaluation.skp.layout is SkpLayout.JPT
    capaian, points = _organisation(sources, places, person, evaluation) if jpt else ("", ())
    return EvaluationForm(
        letterhead=places.letterhead(person.unit_id, logo),
        year=evaluation.skp.year,
        period_label=period.label,
        period_text=_period_text(period.start, period.end),
        approach=evaluation.skp.pendekatan.value,
        pegawai=who.pegawai,
        penilai=who.penilai,
        main_results=_lines(evaluation.rhks, RhkKind.UTAMA),
        extra_results=_lines(evaluation.rhks, RhkKind.TAMBAHAN),
        rating_hasil=evaluation.decision.final.label if evaluation.decision else NOT_DECIDED,
        behaviour=behaviour_lines(evaluation.skp.expectations, feedback),
        rating_perilaku=behaviour.rating.final.label if behaviour.rating else NOT_DECIDED,
        predikat=predikat_text(behaviour),
        signatures=(
            people.sign(people.PEGAWAI, who.pegawai),
            people.sign(
                people.PENILAI,
                who.penilai,
                people.place_date(places, person.unit_id, request.printed_on),
                who.note,
            ),
        ),
        layout="JPT" if jpt else "JA_JF",
        capaian_organisasi=capaian,
        points=points,
    )


def _organisation(
    sources: Sources, places: Places, person: Employee, evaluation: PeriodEvaluation
) -> tuple[str, tuple[CurvePoint, ...]]:
    """A JPT's Capaian Kinerja Organisasi and the Pola Distribusi of the unit they lead.

    The unit is the one the evaluation follows for a unit head, else the person's own; the
    predikat is that unit's or the nearest recorded above it, the curve only that unit's.
    """
    year, code = evaluation.skp.year, evaluation.period.code
    unit_id = evaluation.unit_head.unit_id if evaluation.unit_head else person.unit_id
    capaian = _org_predikat(sources, places, unit_id, year, code)
    return capaian, curve_points(sources.distribution.check(unit_id, year, code))


def _org_predikat(sources: Sources, places: Places, unit_id: int, year: int, code: str) -> str:
    """The organisation predikat recorded for the person's unit or the nearest unit above."""
    for unit in places.chain(unit_id):
        record = sources.distribution.org_predikat(unit.id, year, code)
        if record is not None:
            return record.predikat.label.upper()
    return ""


def build_document(
    sources: Sources, request: PrintRequest, logo: bytes | None
) -> EvaluationDocumentForm:
    evaluation, behaviour = _read(sources, request)
    places = Places.read(sources)
    person = sources.staff.get(evaluation.skp.employee_id)
    period = evaluation.period
    who = _signers(sources, places, person, request, evaluation)
    dialogue = sources.dialogue.view(evaluation.skp.id, period.code, request.printed_on)
    scheme = sources.staff.scheme_for(person.unit_id, request.year)
    names = tuple(p.label.upper() for p in periods_for_year(request.year, scheme))
    objection: tuple[ObjectionSection, ...] = ()
    if dialogue.has_objection:
        decision = dialogue.decision
        if dialogue.decided_predikat is not None:
            decision = f"{decision}\nPredikat Kinerja ditetapkan: {dialogue.decided_predikat.label}"
        objection = (
            ObjectionSection("6", "KEBERATAN", dialogue.objection, _on(dialogue.objection_on)),
            ObjectionSection(
                "7",
                "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN",
                dialogue.explanation,
                _on(dialogue.explanation_on),
            ),
            ObjectionSection(
                "8", "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", decision, _on(dialogue.decision_on)
            ),
        )
    place = people.place_date(places, person.unit_id, request.printed_on)
    signatures = [
        people.sign(people.PEGAWAI, who.pegawai, place),
        people.sign(people.PENILAI, who.penilai, place, who.note),
    ]
    if objection:
        signatures.append(people.sign(people.ATASAN, who.atasan, place))
    effective = behaviour.predikat.effective
    return EvaluationDocumentForm(
        letterhead=places.letterhead(person.unit_id, logo),
        year=request.year,
        period_names=names,
        current_period=period.label.upper(),
        period_text=_period_text(period.start, period.end),
        pegawai=who.pegawai,
        penilai=who.penilai,
        atasan=who.atasan,
        capaian_organisasi=_org_predikat(
            sources, places, person.unit_id, request.year, period.code
        ),
        # The form lists "SANGAT BAIK/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG"; the one in
        # force is the atasan's when an objection was decided (section 8 says the same).
        predikat=effective.print_text if effective else NOT_DECIDED.upper(),
        # What the penilai wrote for the pegawai; the reason for a predikat off the matrix is
        # the app's own record and stays off the form.
        notes=evaluation.notes,
        objection=objection,
        signatures=tuple(signatures),
    )


def _on(day: date | None) -> str:
    return f"Tanggal: {format_date_id(day)}" if day else "Tanggal: -"
