"""The deadline for a keberatan (formal objection) against the appraisal result.

PP 30/2019 Pasal 59: the PNS may object to the Atasan Pejabat Penilai Kinerja, with reasons, at
the latest 14 days after receiving the result (reference §3.2). The regulation says "hari"
without "kerja", so the app counts calendar days: weekends and public holidays count.
"""

from __future__ import annotations

from datetime import date, timedelta

from kinerja_desktop.domain.text import checked_text

#: Days the employee has to object, counted from the day after the result was received.
OBJECTION_DAYS = 14


def objection_deadline(received: date) -> date:
    """Return the last day an objection is on time, in calendar days.

    The day the result is received is day 0; the 14th calendar day after it is the last day,
    whatever weekday or holiday it falls on. Received 1 March gives 15 March.
    """
    return received + timedelta(days=OBJECTION_DAYS)


def is_late(received: date, filed: date) -> bool:
    """True when an objection filed on ``filed`` is after the deadline for ``received``.

    Filing on the deadline itself is on time. A ``filed`` date before ``received`` is not late
    (whether it is plausible is for the form to check).
    """
    return filed > objection_deadline(received)


#: The longest text of the dialogue: self-assessment, response, objection, decision.
TEXT_LIMIT = 4000


def dialogue_text(value: str, field: str, label: str, *, required: bool) -> str:
    """Clean a dialogue text keeping its line breaks; check it is filled and not too long.

    Raises:
        ValidationError: it is required and empty, or longer than TEXT_LIMIT (``field``).
    """
    return checked_text(
        value, field=field, label=label, max_length=TEXT_LIMIT, required=required, multiline=True
    )
