"""Application-wide signals: screens refresh when the data they show changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Signals that tell every screen what changed.

    Signals:
    staff_changed: people, units, supervisors or acting officials were changed.
    """

    staff_changed = Signal()
