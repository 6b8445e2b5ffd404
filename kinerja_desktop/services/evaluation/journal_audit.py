"""Journal observations and signed periods: the seal rule and the audit log entry.

A mistyped observation feeds the Rating Perilaku Kerja proposed for its period, so it may be
corrected or deleted, with a reason. Each correction and deletion goes into the hash-chained
audit log (`domain.seal_chain`) in the same transaction, with what the entry said before and
the digest of its stored content. An observation dated in a period whose evaluation was signed
is part of what was signed: it is refused like every other write to that period
(`seals.require_open`) until the evaluation is reopened with a reason, and so is a new one
dated there (from the journal or from the supervision register).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import journal as repo
from kinerja_desktop.data.repositories import seal_chain as seal_chain_repo
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.reference_data import behaviour_label
from kinerja_desktop.domain.seal_chain import SealAction, SealFields, content_digest
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.services.platform.seals import REASON_MAX, require_open
from kinerja_desktop.services.staff.service import periods_for_row

#: How much of what happened the audit log's label keeps.
_EXCERPT = 160


def checked_reason(reason: str, *, deleting: bool) -> str:
    """The reason for a correction or deletion, required.

    Raises:
        ValidationError: none given, or longer than ``REASON_MAX`` (field ``reason``).
    """
    return checked_text(
        reason,
        field="reason",
        label="Alasan menghapus catatan" if deleting else "Alasan koreksi",
        max_length=REASON_MAX,
        hint="alasan dicatat di catatan audit.",
    )


def require_open_on(session: Session, employee_id: int, day: date) -> None:
    """Refuse a change to an observation dated in a period whose evaluation was signed.

    Raises:
        ValidationError: the day falls in a signed period of the person's SKP of that year
            (field ``observed_on``); the message names the date and how to reopen it.
    """
    skp = skp_repo.skp_for(session, employee_id, day.year)
    person = staff_repo.find_employee(session, employee_id)
    if skp is None or person is None:
        return
    for period in periods_for_row(session, person, day.year):
        if not period.start <= day <= period.end:
            continue
        try:
            require_open(session, skp.id, period.code)
        except ValidationError as error:
            raise ValidationError(
                f"Catatan perilaku tanggal {format_date_id(day)} termasuk periode yang "
                f"evaluasinya sudah ditandatangani. {error.message}",
                field="observed_on",
            ) from None


def sealed_refusal(session: Session, employee_id: int, day: date) -> str | None:
    """Why no observation of this person may be dated ``day`` (signed period); None: it may."""
    try:
        require_open_on(session, employee_id, day)
    except ValidationError as error:
        return error.message
    return None


def summary(session: Session, data: repo.ObservationData) -> str:
    """An observation in words: 'Dewi Lestari, 5 Mei 2026, Akuntabel (negatif): …'."""
    person = staff_repo.find_employee(session, data.employee_id)
    name = person.full_name if person else "?"
    text = data.text if len(data.text) <= _EXCERPT else data.text[: _EXCERPT - 1].rstrip() + "…"
    value = behaviour_label(BehaviourValue(data.value_code))
    sign = ObservationSign(data.sign).label.lower()
    return f"{name}, {format_date_id(data.observed_on)}, {value} ({sign}): {text}"


def log_change(
    session: Session,
    stored: repo.StoredObservation,
    *,
    actor: str,
    reason: str,
    corrected: repo.ObservationData | None = None,
    now: datetime | None = None,
) -> None:
    """Write a correction (``corrected`` given) or a deletion into the audit log.

    The label says what the entry said (and what it says now, for a correction); the digest is
    of its stored content before the change, so the log shows what was there.
    """
    before = summary(session, stored.data)
    label = (
        f"Catatan perilaku dihapus: {before}"
        if corrected is None
        else f"Catatan perilaku dikoreksi: {before} → {summary(session, corrected)}"
    )
    content = {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in {"id": stored.id, **vars(stored.data)}.items()
    }
    seal_chain_repo.append(
        session,
        SealFields(
            at=(now or datetime.now()).replace(microsecond=0).isoformat(),
            actor=actor,
            action=SealAction.CATATAN_DIHAPUS if corrected is None else SealAction.CATATAN_DIUBAH,
            record=f"catatan:{stored.id}",
            label=label,
            reason=reason,
            digest=content_digest(content),
        ),
    )
