"""Where a person on a list can be opened: their SKP, Evaluasi, Perilaku and Cetak.

The lists of people (Pegawai, Struktur, Evaluasi) offer these on right-click, and Pegawai's
summary as links; the main window opens the page on the person (`MainWindow.open_person`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget


class PersonPlace(StrEnum):
    """A page that shows one person."""

    SKP = "SKP"
    EVALUASI = "Evaluasi"
    PERILAKU = "Perilaku"
    CETAK = "Cetak"

    @property
    def menu_text(self) -> str:
        return _MENU_TEXT[self]


_MENU_TEXT = {
    PersonPlace.SKP: "Buka &SKP",
    PersonPlace.EVALUASI: "&Evaluasi",
    PersonPlace.PERILAKU: "&Perilaku",
    PersonPlace.CETAK: "&Cetak",
}

#: Opens a page on a person (the main window's ``open_person``, through a signal).
OpenPlace = Callable[[int, PersonPlace], object]


def person_menu(parent: QWidget, employee_id: int, open_place: OpenPlace) -> QMenu:
    """The right-click menu of a person on a list."""
    menu = QMenu(parent)
    for place in PersonPlace:
        action = menu.addAction(place.menu_text)
        action.triggered.connect(partial(open_place, employee_id, place))
    return menu


def pop_up(menu: QMenu, widget: QWidget, position: QPoint) -> None:
    """Show a context menu where the list was clicked (``position`` in its viewport)."""
    menu.popup(widget.mapToGlobal(position))


def place_links() -> str:
    """The places as links for a rich-text summary; each link's target is the place."""
    links = " · ".join(f'<a href="{place.value}">{place.value}</a>' for place in PersonPlace)
    return f"<p><b>Buka:</b> {links}</p>"
