"""The deadline for a keberatan (formal objection) against the appraisal result.

PP 30/2019 Pasal 59: the PNS may object to the Atasan Pejabat Penilai Kinerja, with reasons, at
the latest 14 days after receiving the result (reference §3.2). The regulation says "hari"
without "kerja", so the app counts calendar days: weekends and public holidays count.
"""

from __future__ import annotations

from datetime import date, timedelta

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
