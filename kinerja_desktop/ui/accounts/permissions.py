"""Screens offer only what the signed-in account may do, and say why the rest is not offered.

The services check every action anyway (`services.accounts.access_guard`); this module turns
the account's `Permissions` into disabled controls with the reason as their tooltip, so a
penilai is not refused after filling a form in. A section the account may not use at all is
disabled as a whole (its children stay disabled whatever the section does with them) and
names the reason beside it.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QLabel, QWidget

from kinerja_desktop.domain.access import Capability, Permissions

ADD_STAFF = "menambah pegawai"
ACTING = "menetapkan Plt/Plh"
ADD_UNIT = "menambah unit"


def refuse(control: QWidget | QAction, reason: str | None) -> None:
    """Disable ``control`` with ``reason`` as its tooltip; nothing when ``reason`` is None."""
    if reason is None:
        return
    control.setEnabled(False)
    control.setToolTip(reason)
    if isinstance(control, QAction):
        control.setStatusTip(reason)


def refuse_section(section: QGroupBox, reason: str | None) -> None:
    """Disable a whole section and name the reason in it; nothing when ``reason`` is None."""
    if reason is None:
        return
    section.setEnabled(False)
    section.setToolTip(reason)
    note = QLabel(reason)
    note.setObjectName("permission_note")
    note.setWordWrap(True)
    layout = section.layout()
    if layout is not None:
        layout.addWidget(note)


def apply_permissions(page: QWidget, permissions: Permissions) -> None:
    """Disable the controls of ``page`` the account may not use (pages not named: nothing).

    A page's class is imported only when ``page`` is one (its module is loaded already): pages
    are built on first opening, and opening one must not load the others' modules.
    """
    kind = type(page).__name__
    if kind == "StaffPage":
        from kinerja_desktop.ui.staff.page import StaffPage

        assert isinstance(page, StaffPage)
        refuse(page.add_button, permissions.unit_refusal(ADD_STAFF))
    elif kind == "StructurePage":
        from kinerja_desktop.ui.staff.structure_page import StructurePage

        assert isinstance(page, StructurePage)
        refuse(page.add_unit_button, permissions.unit_refusal(ADD_UNIT))
    elif kind == "SettingsPage":
        from kinerja_desktop.ui.settings.page import SettingsPage

        assert isinstance(page, SettingsPage)
        refuse(page.save_year_button, permissions.refusal(Capability.MANAGE_OFFICE))
        acting = permissions.unit_refusal(ACTING)
        refuse(page.add_acting_button, acting)
        refuse(page.remove_acting, acting)
        if page.backup_section is not None:
            refuse_section(page.backup_section, permissions.refusal(Capability.RESTORE_BACKUP))
        handover = getattr(page, "handover", None)
        if isinstance(handover, QGroupBox):
            refuse_section(handover, permissions.refusal(Capability.IMPORT_PACKAGE))


def apply_to_actions(
    permissions: Permissions, *, add_employee: QAction, import_staff: QAction
) -> None:
    """The window's own actions: adding a person and importing a staff list."""
    refuse(add_employee, permissions.unit_refusal(ADD_STAFF))
    refuse(import_staff, permissions.refusal(Capability.IMPORT_STAFF))
