"""What to print: a form, a person or a unit, a year and a period, and the signing day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kinerja_desktop.reports.content import FormKind

#: Forms printed per person and per period; the others are per person and year (SKP, plan,
#: B.1.9) or per unit and period (distribution, survey report).
PERIOD_FORMS = frozenset(
    {FormKind.EVALUASI, FormKind.DOKUMEN, FormKind.DISTRIBUSI, FormKind.SURVEI}
)
UNIT_FORMS = frozenset({FormKind.DISTRIBUSI, FormKind.SURVEI})


@dataclass(frozen=True)
class PrintRequest:
    """One document to print.

    Attributes:
        form: Which form.
        year: The appraisal year.
        printed_on: The day in the place-and-date line (and the day the record is read for).
        period_code: "TW1".."AKHIR" for the forms of a period; the survey period ("2026-S1",
            "2026") for the survey report; "" otherwise.
        employee_id: The person (every form of a person); for the survey report, the signer
            when not the unit head.
        unit_id: The unit (the distribution, the survey report).
    """

    form: FormKind
    year: int
    printed_on: date
    period_code: str = ""
    employee_id: int | None = None
    unit_id: int | None = None

    def __post_init__(self) -> None:
        if self.form in UNIT_FORMS and self.unit_id is None:
            raise ValueError(f"{self.form} needs a unit")
        if self.form not in UNIT_FORMS and self.employee_id is None:
            raise ValueError(f"{self.form} needs a person")
        if self.form in PERIOD_FORMS and not self.period_code:
            raise ValueError(f"{self.form} needs a period")
