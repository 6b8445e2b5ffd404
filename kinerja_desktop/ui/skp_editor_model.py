"""Compatibility module: the SKP editor's model now lives in `kinerja_desktop.ui.skp`.

Import from the package's modules in new code; these names stay here for older imports.
"""

from __future__ import annotations

from kinerja_desktop.ui.skp.columns import (
    COLUMN_WIDTHS,
    HEADERS,
    IKI_COLUMNS,
    RHK_COLUMNS,
    Col,
    columns_for,
)
from kinerja_desktop.ui.skp.delegate import SkpItemDelegate, fit_tree, size_columns
from kinerja_desktop.ui.skp.editor_model import SkpEditorModel
from kinerja_desktop.ui.skp.operations import EditRefusedError
from kinerja_desktop.ui.skp.paste import PasteResult
from kinerja_desktop.ui.skp.roles import (
    ERROR_BACKGROUND,
    ERROR_FOREGROUND,
    ErrorRole,
    FieldRole,
    IdRole,
    Index,
    KindRole,
    NumberRole,
    RowKindRole,
)

__all__ = [
    "COLUMN_WIDTHS",
    "ERROR_BACKGROUND",
    "ERROR_FOREGROUND",
    "HEADERS",
    "IKI_COLUMNS",
    "RHK_COLUMNS",
    "Col",
    "EditRefusedError",
    "ErrorRole",
    "FieldRole",
    "IdRole",
    "Index",
    "KindRole",
    "NumberRole",
    "PasteResult",
    "RowKindRole",
    "SkpEditorModel",
    "SkpItemDelegate",
    "columns_for",
    "fit_tree",
    "size_columns",
]
