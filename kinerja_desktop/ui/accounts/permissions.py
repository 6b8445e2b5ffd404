"""Screens offer only what the signed-in account may do, and say why the rest is not offered.

The services check every action anyway (`services.accounts.access_guard`); this module turns
the account's `Permissions` into disabled controls with the reason as their tooltip, so a
penilai is not refused after filling a form in. A section the account may not use at all is
disabled as a whole (its children stay disabled whatever the section does with them) and
names the reason beside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGroupBox, QLabel, QWidget

from kinerja_desktop.domain.access import Action, Capability, Permissions

if TYPE_CHECKING:
    # Only named: the start's window shell must not load the staff rules (and Babel).
    from kinerja_desktop.domain.staff import Employee

ADD_STAFF = "menambah pegawai"
ACTING = "menetapkan Plt/Plh"
ADD_UNIT = "menambah unit"
#: The object name of the label that names why a section is disabled.
NOTE_NAME = "permission_note"


@runtime_checkable
class FollowsPermissions(Protocol):
    """A page that took the account's permissions when built and can take new ones."""

    def set_permissions(self, permissions: Permissions) -> None: ...


def refuse(control: QWidget | QAction, reason: str | None) -> None:
    """Disable ``control`` with ``reason`` as its tooltip; enable it when ``reason`` is None.

    Applied again when the permissions change (`follow_permissions`), so a control refused
    before is offered again once the account may use it.
    """
    control.setEnabled(reason is None)
    control.setToolTip(reason or "")
    if isinstance(control, QAction):
        control.setStatusTip(reason or "")


def refuse_section(section: QGroupBox, reason: str | None) -> None:
    """Disable a whole section and name the reason in it; enable it when ``reason`` is None."""
    section.setEnabled(reason is None)
    section.setToolTip(reason or "")
    note = section.findChild(QLabel, NOTE_NAME)
    if reason is None:
        if note is not None:
            note.hide()
        return
    if note is None:
        note = QLabel()
        note.setObjectName(NOTE_NAME)
        note.setWordWrap(True)
        layout = section.layout()
        if layout is not None:
            layout.addWidget(note)
    note.setText(reason)
    note.show()


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


def follow_permissions(page: QWidget, permissions: Permissions) -> None:
    """Apply changed permissions to a page already built, and to the pages inside it."""
    for widget in (page, *page.findChildren(QWidget)):
        if isinstance(widget, FollowsPermissions):
            widget.set_permissions(permissions)
    apply_permissions(page, permissions)


def apply_to_person_actions(
    permissions: Permissions,
    person: Employee | None,
    *,
    edit: QAction,
    end_service: QAction,
    reactivate: QAction,
) -> None:
    """Offer "Ubah", "Nonaktifkan" and "Aktifkan kembali" for the person in front (None: nobody).

    Each is offered only for a person it applies to (anyone for a change, ending the service
    of an active person, bringing back an inactive one) whom the account may change; otherwise
    the reason is the tooltip, so the account is not refused after choosing it (F2 on a person
    the account may only view does nothing rather than open a message).
    """
    refusal = (
        None if person is None else permissions.person_refusal(person.id, person.name, Action.EDIT)
    )
    for action, applies in (
        (edit, person is not None),
        (end_service, person is not None and person.active),
        (reactivate, person is not None and not person.active),
    ):
        action.setEnabled(applies and refusal is None)
        action.setToolTip(refusal or "")
        action.setStatusTip(refusal or "")


def apply_to_actions(
    permissions: Permissions, *, add_employee: QAction, import_staff: QAction
) -> None:
    """The window's own actions: adding a person and importing a staff list."""
    refuse(add_employee, permissions.unit_refusal(ADD_STAFF))
    refuse(import_staff, permissions.refusal(Capability.IMPORT_STAFF))
