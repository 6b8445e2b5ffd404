"""A period's realisation drafted from the daily log, read inside the caller's session.

Read-only: the penilai reviews the draft (``domain/progress_realisation``) and applies what they
choose through ``EvaluationService.record_realisations``, which keeps the evaluation's rules
(an agreed SKP, an open period, the figure's checks) in one transaction.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import evaluation as evaluation_repo
from kinerja_desktop.data.repositories import progress as repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.errors import NotFoundError
from kinerja_desktop.domain.progress_realisation import (
    RealisationDraft,
    draft_indicator,
    orphaned,
)
from kinerja_desktop.domain.skp import Pendekatan
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.evaluation.inputs import pick_period
from kinerja_desktop.services.staff.service import periods_for_row


def draft_in(
    session: Session,
    access: AccessGuard,
    skp_id: int,
    period_code: str,
) -> RealisationDraft:
    """The draft of an SKP's period, every indicator beside its realisation as saved.

    Args:
        session: The caller's reading session.
        access: Who asks (they must see the SKP holder).
        skp_id: The SKP.
        period_code: The period ("TW1", "M03", "AKHIR", ...); its days alone are summed, on
            every target scale.

    Raises:
        NotFoundError: the SKP or its holder is gone.
        ValidationError: the period is not one of the holder's periods (field ``period``).
        AccessDeniedError: the account may not see the holder.
    """
    header = skp_repo.find_skp(session, skp_id)
    if header is None:
        raise NotFoundError("SKP tidak ditemukan; mungkin sudah dihapus.")
    access.require_person(session, header.employee_id, Action.VIEW)
    person = staff_repo.find_employee(session, header.employee_id)
    if person is None:
        raise NotFoundError("Pegawai pemilik SKP ini tidak ditemukan.")
    period = pick_period(periods_for_row(session, person, header.year), period_code, header.year)
    view = skp_repo.load(session, skp_id)
    year_start, year_end = date(header.year, 1, 1), date(header.year, 12, 31)
    # The whole year: entries just outside the period are named as such, not silently dropped.
    entries = repo.entries(session, header.employee_id, year_start, year_end)
    iki_ids = [iki.id for rhk in view.rhks for iki in rhk.indicators]
    saved = evaluation_repo.period_records(
        session, [rhk.id for rhk in view.rhks], iki_ids, period.code
    ).realisations
    qualitative = view.pendekatan is Pendekatan.KUALITATIF
    indicators = []
    for rhk in view.rhks:
        for iki in rhk.indicators:
            current = saved.get(iki.id)
            indicators.append(
                draft_indicator(
                    iki,
                    rhk.id,
                    rhk.text,
                    entries,
                    period_start=period.start,
                    period_end=period.end,
                    qualitative=qualitative,
                    current_value=current.value if current else None,
                    current_text=current.text if current else "",
                )
            )
    return RealisationDraft(
        skp_id=skp_id,
        employee_id=header.employee_id,
        period_code=period.code,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        indicators=tuple(indicators),
        orphans=orphaned(entries, period.start, period.end),
    )
