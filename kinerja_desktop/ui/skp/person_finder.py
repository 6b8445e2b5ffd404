"""Finding the person typed in the SKP page's picker: suggestions, then the one chosen."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel

from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.ui.staff.employee_form import person_label


class PersonFinder:
    """Suggest people while a name or NIP is typed, and find the one chosen or entered."""

    def __init__(self, staff: StaffService, suggestions: QStringListModel) -> None:
        self._staff = staff
        self._suggestions = suggestions
        self._choices: dict[str, Employee] = {}

    def suggest(self, text: str) -> None:
        """Fill the suggestions with the people matching ``text`` (from two characters on)."""
        if len(text.strip()) < 2:
            return
        people = self._staff.search_people(text, limit=15)
        labels = [person_label(person) for person in people]
        self._choices.update(zip(labels, people, strict=True))
        self._suggestions.setStringList(labels)

    def chosen(self, label: str) -> Employee | None:
        """The person of a suggestion picked from the list."""
        return self._choices.get(label)

    def entered(self, text: str) -> Employee | None:
        """The person of the text confirmed with Enter: a suggestion, else the first match."""
        text = text.strip()
        person = self._choices.get(text)
        if person is None and len(text) >= 2:
            found = self._staff.search_people(text, limit=1)
            person = found[0] if found else None
        return person
