"""The day the screens take as today.

MainWindow receives one ``Today`` (``date.today`` unless told otherwise) and hands it to every
page it builds, so tests run the screens on a fixed day instead of the computer's calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate

#: Returns the day the screens take as today.
Today = Callable[[], date]


def qdate(day: date) -> QDate:
    """The same day as a QDate, for date fields."""
    return QDate(day.year, day.month, day.day)
