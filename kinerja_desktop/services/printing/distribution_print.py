"""The unit's spread of predikat for a period, with the curve, signed by the unit head."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kinerja_desktop.domain.distribution import CURVE_AXIS, CURVE_CAPTION, expected_curve
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import find_period
from kinerja_desktop.domain.skp_records import format_decimal_id
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.domain.unit_head import unit_head as head_of_unit
from kinerja_desktop.reports.content import CurvePoint, DistributionForm, RatedPerson
from kinerja_desktop.services.evaluation.distribution import Decided, UnitDistribution
from kinerja_desktop.services.printing import people
from kinerja_desktop.services.printing.people import Places
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.printing.snapshot import Sources


def unit_head(sources: Sources, unit_id: int) -> Employee | None:
    """The unit's head (`domain.unit_head`), among the active people of the unit's subtree."""
    return head_of_unit(unit_id, _members(sources, sources.staff.unit_with_descendants(unit_id)))


def _members(sources: Sources, inside: frozenset[int]) -> dict[int, Employee]:
    out: dict[int, Employee] = {}
    stack = list(sources.staff.supervisor_tree())
    while stack:
        node = stack.pop()
        if node.employee.unit_id in inside:
            out[node.employee.id] = node.employee
        stack.extend(node.children)
    return out


def _percent(count: int, total: int) -> str:
    if not total:
        return "0%"
    value = (Decimal(count) * 100 / total).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{format_decimal_id(value)}%"


def curve_points(check: UnitDistribution) -> tuple[CurvePoint, ...]:
    """People per predikat with the curve's share, on the curve's axis; () without org predikat."""
    if check.org is None:
        return ()
    curve = dict(expected_curve(check.org.predikat))
    total = check.total
    return tuple(
        CurvePoint(
            predikat=predikat.label,
            count=check.counts[predikat],
            percent=_percent(check.counts[predikat], total),
            expected_percent=f"{format_decimal_id(curve.get(predikat, Decimal(0)))}%",
            expected_people=float(
                (curve.get(predikat, Decimal(0)) * total / 100).quantize(Decimal("0.01"))
            ),
        )
        for predikat in CURVE_AXIS
    )


def _rated(number: int, person: Decided) -> RatedPerson:
    """A line of the list; a predikat the atasan set on objection says so."""
    predikat = person.predikat
    mark = " (atas keberatan)" if predikat.on_objection else ""
    return RatedPerson(
        number=str(number),
        name=person.name,
        nip=people.grouped_nip(person.nip),
        jabatan=person.jabatan,
        predikat=predikat.predikat.label + mark,
    )


def build_distribution(
    sources: Sources, request: PrintRequest, logo: bytes | None
) -> DistributionForm:
    assert request.unit_id is not None
    places = Places.read(sources)
    check = sources.distribution.check(request.unit_id, request.year, request.period_code)
    if check.org is None:
        raise ValidationError(check.message, field="period")
    scheme = sources.staff.scheme_for(request.unit_id, request.year)
    period = find_period(request.year, scheme, check.period_code)
    points = curve_points(check)
    total = check.total
    head = unit_head(sources, request.unit_id)
    org = check.org.predikat.label.upper()
    return DistributionForm(
        letterhead=places.letterhead(request.unit_id, logo),
        year=request.year,
        period_label=period.label,
        unit=check.unit.name,
        org_predikat=org,
        curve_title=(
            "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI " + org
        ),
        points=points,
        curve_note=CURVE_CAPTION,
        total=total,
        findings=tuple(f.message for f in check.report.findings) if check.report else (),
        undecided=tuple(f"{u.name} (NIP {people.grouped_nip(u.nip)})" for u in check.undecided),
        people=tuple(_rated(index, person) for index, person in enumerate(check.decided, 1)),
        signatures=(
            people.signature(
                head.jabatan if head else "Pimpinan Unit Kerja",
                head,
                people.place_date(places, request.unit_id, request.printed_on),
            ),
        ),
    )
