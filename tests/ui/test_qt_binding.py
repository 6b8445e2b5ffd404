"""Guards against known defects of the Qt binding we pin."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_methods_do_not_drop_references_to_none(qtbot) -> None:
    """Each void call must leave None's refcount alone.

    PySide6 6.12.0 decremented it on every void call; Python 3.11 then aborts ("deallocating
    None") once a long session has made enough calls.
    """
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Kinerja")
    assert sys.getrefcount(None) - before > -100
