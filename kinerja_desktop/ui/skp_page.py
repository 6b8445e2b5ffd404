"""Compatibility module: the SKP page now lives in `kinerja_desktop.ui.skp`.

Import from the package's modules in new code; these names stay here for older imports.
``QMessageBox`` is the class the page asks its questions with (tests patch it here).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.ui.skp.page import SkpPage
from kinerja_desktop.ui.skp.page_view import BANNER_STYLE
from kinerja_desktop.ui.skp.tree import SkpTreeView

__all__ = ["BANNER_STYLE", "QMessageBox", "SkpPage", "SkpTreeView"]
