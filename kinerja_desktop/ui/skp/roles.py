"""The SKP editor model's own item data roles, and the colours of a cell with an error."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex

#: The validation message of a cell, or None.
ErrorRole = Qt.ItemDataRole.UserRole + 1
#: The cell's name in validation errors: "rhk[0].text", "rhk[0].iki[1].target".
FieldRole = Qt.ItemDataRole.UserRole + 2
#: "group", "rhk" or "iki".
RowKindRole = Qt.ItemDataRole.UserRole + 3
#: The stored id of the RHK or indicator (None for a new row or a group).
IdRole = Qt.ItemDataRole.UserRole + 4
#: The RHK kind of the row's group ("UTAMA" / "TAMBAHAN").
KindRole = Qt.ItemDataRole.UserRole + 5
#: The row's number, "2" for an RHK and "2.3" for its third indicator. It follows the row's
#: position, so the "No" column paints it (the delegate) instead of showing it as DisplayRole:
#: a row's display text must not change when rows are inserted above it.
NumberRole = Qt.ItemDataRole.UserRole + 6

ERROR_FOREGROUND = QColor("#b00020")
ERROR_BACKGROUND = QColor("#fde7e9")
