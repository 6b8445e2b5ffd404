"""What a valid row would do: create a person, change some of their fields, or nothing."""

from __future__ import annotations

from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.domain.jabatan import JabatanKind, Jenjang
from kinerja_desktop.services.staff.importing import columns as col
from kinerja_desktop.services.staff.importing.results import ImportAction
from kinerja_desktop.services.staff.importing.validation import Draft, Validation

_EMPTY = "(kosong)"
_NONE = "(tidak ada)"


def compare(checked: Validation, draft: Draft) -> None:
    """Set the action of a valid row, and for an update each field it changes."""
    assert draft.fields is not None and draft.nip is not None and draft.unit is not None
    checked.units.mark_used(draft.unit)
    row = checked.existing.get(draft.nip)
    if row is None:
        draft.action = ImportAction.NEW
        return
    fields = draft.fields
    pairs = [
        ("Nama", row.name, fields.name),
        ("Status", row.status, fields.status.value),
        ("Golongan", row.golongan, fields.golongan.code),
        ("Jabatan", row.jabatan, fields.jabatan),
        (
            "Jenis jabatan",
            JabatanKind(row.jabatan_kind).label,
            fields.jabatan_kind.label,
        ),
        ("Jenjang", _jenjang_label(row.jenjang), _jenjang_label(fields.jenjang)),
    ]
    table = checked.table
    if table.has(col.GELAR_DEPAN):
        pairs.append(("Gelar depan", row.gelar_depan, fields.gelar_depan))
    if table.has(col.GELAR_BELAKANG):
        pairs.append(("Gelar belakang", row.gelar_belakang, fields.gelar_belakang))
    changes = [_change(label, old, new) for label, old, new in pairs if old != new]
    if draft.unit != row.unit_id:
        old_unit = checked.units.name(row.unit_id)
        changes.append(_change("Unit kerja", old_unit, checked.units.name(draft.unit)))
    if table.has(col.PENILAI) and _penilai_id(checked, draft) != row.penilai_id:
        changes.append(_penilai_change(checked, row.penilai_id, draft.penilai))
    draft.changes = tuple(changes)
    draft.action = ImportAction.UPDATE if changes else ImportAction.UNCHANGED


def _change(label: str, old: str, new: str) -> str:
    return f"{label}: {old or _EMPTY} → {new or _EMPTY}"


def _jenjang_label(value: str | Jenjang | None) -> str:
    return Jenjang(value).label if value else _NONE


def _penilai_id(checked: Validation, draft: Draft) -> int | Draft | None:
    """The penilai's database id, or the file row of a penilai who is new."""
    if draft.penilai is None:
        return None
    found = checked.existing.get(draft.penilai)
    return found.id if found is not None else checked.file_rows[draft.penilai]


def _penilai_change(checked: Validation, old_id: int | None, new_nip: str | None) -> str:
    existing, file_rows = checked.existing, checked.file_rows
    if old_id is None:
        old = _NONE
    elif old_id in checked.id_to_nip:
        old = existing[checked.id_to_nip[old_id]].name
    else:
        found = repo.find_employee(checked.session, old_id)
        old = found.name if found is not None else str(old_id)
    if new_nip is None:
        new = _NONE
    elif new_nip in file_rows and file_rows[new_nip].fields is not None:
        new = file_rows[new_nip].fields.name  # type: ignore[union-attr]
    else:
        new = existing[new_nip].name
    return f"Pejabat Penilai: {old} → {new}"
