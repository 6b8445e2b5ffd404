"""The SKP as agreed: the last agreed version (kept as JSON), or the draft marked as such."""

from __future__ import annotations

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.dates import format_date_id, format_date_range_id
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.reference_data import behaviour_indicators, behaviour_label
from kinerja_desktop.domain.skp import LampiranKind, RhkKind, SkpLayout
from kinerja_desktop.domain.skp_records import RhkView, SkpView
from kinerja_desktop.reports.content import (
    BehaviourLine,
    ListSection,
    SkpForm,
    SkpIndicatorLine,
    SkpResultLine,
)
from kinerja_desktop.services.printing import people
from kinerja_desktop.services.printing.people import Places
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.printing.skp_plans_print import skp_plans
from kinerja_desktop.services.printing.snapshot import Sources


def printed_skp(sources: Sources, employee_id: int, year: int) -> tuple[SkpView, str]:
    """The SKP to print and a note on its status.

    Raises:
        ValidationError: the person has no SKP that year.
    """
    current = sources.skp.get(employee_id, year)
    if current is None:
        person = sources.staff.get(employee_id)
        raise ValidationError(f"{person.full_name} belum memiliki SKP tahun {year}.")
    versions = sources.skp.versions(current.id)
    if not versions:
        return current, "DRAF: SKP ini belum disepakati."
    last = versions[-1]
    agreed = sources.skp.version(current.id, last.revision)
    note = f"Disepakati {format_date_id(last.agreed_on)}"
    if last.revision > 1:
        note += f", versi {last.revision}"
        note += f" (alasan revisi: {last.reason})" if last.reason else ""
    if not current.locked:
        note += "; revisi berikutnya sedang disusun, yang dicetak versi yang disepakati"
    return agreed, note + "."


def result_lines(rhks: tuple[RhkView, ...], kind: RhkKind) -> tuple[SkpResultLine, ...]:
    chosen = [rhk for rhk in rhks if rhk.kind is kind]
    return tuple(
        SkpResultLine(
            number=str(index),
            parent=rhk.parent_label or rhk.parent_text,
            text=rhk.text,
            indicators=tuple(
                SkpIndicatorLine(
                    aspek=iki.aspek.label if iki.aspek else "",
                    indicator=iki.indicator,
                    target=iki.target_display,
                    perspektif=iki.perspektif.label if iki.perspektif else "",
                )
                for iki in rhk.indicators
            ),
        )
        for index, rhk in enumerate(chosen, start=1)
    )


def behaviour_lines(
    expectations: dict[BehaviourValue, str], feedback: dict[BehaviourValue, str] | None = None
) -> tuple[BehaviourLine, ...]:
    return tuple(
        BehaviourLine(
            number=str(index),
            value=behaviour_label(value),
            indicators=behaviour_indicators(value),
            expectation=expectations.get(value, ""),
            feedback=(feedback or {}).get(value, ""),
        )
        for index, value in enumerate(BehaviourValue, start=1)
    )


def period_text(view: SkpView) -> str:
    return f"PERIODE PENILAIAN: {format_date_range_id(view.period_start, view.period_end).upper()}"


def build_skp(sources: Sources, request: PrintRequest, logo: bytes | None) -> SkpForm:
    assert request.employee_id is not None
    view, note = printed_skp(sources, request.employee_id, request.year)
    places = Places.read(sources)
    person = sources.staff.get(request.employee_id)
    signed_on = view.agreed_on or request.printed_on
    record = f"skp:{view.id}:{view.revision}" if view.agreed_on else None
    who = people.signers(sources, places, person, signed_on, record)
    return SkpForm(
        letterhead=places.letterhead(person.unit_id, logo),
        year=view.year,
        approach=view.pendekatan.value,
        layout="JPT" if view.layout is SkpLayout.JPT else "JA_JF",
        period_text=period_text(view),
        status_note=note,
        pegawai=who.pegawai,
        penilai=who.penilai,
        main_results=result_lines(view.rhks, RhkKind.UTAMA),
        extra_results=result_lines(view.rhks, RhkKind.TAMBAHAN),
        behaviour=behaviour_lines(view.expectations),
        lampiran=tuple(
            ListSection(kind.label, view.lampiran.get(kind, ())) for kind in LampiranKind
        ),
        signatures=(
            people.sign(people.PEGAWAI, who.pegawai),
            people.sign(
                people.PENILAI,
                who.penilai,
                people.place_date(places, person.unit_id, signed_on),
                who.note,
            ),
        ),
        rencana_aksi=skp_plans(sources, view),
    )
