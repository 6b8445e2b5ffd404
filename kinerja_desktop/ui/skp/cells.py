"""The values of the SKP editor's cells: what a cell shows, and how a typed value is stored.

A choice (aspek, perspektif, the supervisor's RHK) accepts its label as typed; the check box
accepts "ya"/"tidak", "1"/"0" and the like. A value that cannot be stored comes back as a
message naming its row ("RHK 2, indikator 1: …").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt

from kinerja_desktop.domain.skp import Aspek, Perspektif
from kinerja_desktop.domain.skp_records import RhkOption
from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.ui.skp.columns import HEADERS, IKI_COLUMNS, Col
from kinerja_desktop.ui.skp.nodes import IkiNode, RhkNode

#: Names a row in messages: "RHK 2, indikator 3".
Where = Callable[[RhkNode | IkiNode], str]

_TRUE = frozenset({"ya", "y", "1", "true", "benar", "x", "v", "✓", "✔"})
_FALSE = frozenset({"", "tidak", "t", "n", "no", "0", "false", "salah", "-"})


def parent_label(rhk: RhkNode, labels: Mapping[int, str]) -> str:
    """The supervisor's RHK this RHK serves, as text."""
    if rhk.parent_rhk_id is None:
        return rhk.parent_text
    label = labels.get(rhk.parent_rhk_id)
    return label if label is not None else f"RHK atasan no. {rhk.parent_rhk_id}"


def display(node: RhkNode | IkiNode, col: Col, labels: Mapping[int, str]) -> str | None:
    """The cell's text (the "No" column is painted by the delegate)."""
    if col is Col.NO:
        return ""
    if isinstance(node, RhkNode):
        if col is Col.TEXT:
            return node.text
        if col is Col.PARENT:
            return parent_label(node, labels)
        return None
    if col in (Col.ASPEK, Col.PERSPEKTIF):
        choice = node.aspek if col is Col.ASPEK else node.perspektif
        return choice.label if choice else ""
    if col is Col.LOWER or col not in IKI_COLUMNS:
        return None
    return str(getattr(node, col.value))


def edit_value(node: RhkNode | IkiNode, col: Col, labels: Mapping[int, str]) -> Any:
    """The cell's value for an editor: ids and enum values for the choices."""
    if isinstance(node, RhkNode) and col is Col.PARENT:
        if node.parent_rhk_id is not None:
            return node.parent_rhk_id
        return node.parent_text
    if isinstance(node, IkiNode) and col in (Col.ASPEK, Col.PERSPEKTIF):
        choice = node.aspek if col is Col.ASPEK else node.perspektif
        return choice.value if choice else ""
    if isinstance(node, IkiNode) and col is Col.LOWER:
        return node.lower_is_better
    return display(node, col, labels)


def is_checked(value: Any) -> bool:
    """Read a check state as Qt or a caller gives it (CheckState, bool or int)."""
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    if isinstance(value, bool):
        return value
    try:
        return Qt.CheckState(int(value)) == Qt.CheckState.Checked
    except (TypeError, ValueError):
        return False


def parse_yes_no(text: str) -> bool | None:
    """Read a pasted check box: True for "ya", False for "tidak", None when not recognised."""
    word = text.strip().lower()
    if word not in _TRUE | _FALSE:
        return None
    return word in _TRUE


def assign_choice(node: IkiNode, col: Col, value: Any, where: Where) -> tuple[bool, str | None]:
    """Store an aspek or perspektif given as its value or label; return (stored, error)."""
    kind: type[Aspek] | type[Perspektif] = Aspek if col is Col.ASPEK else Perspektif
    text = "" if value is None else str(getattr(value, "value", value)).strip()
    choice: Aspek | Perspektif | None = None
    if text:
        wanted = clean_text(text).upper().replace(" ", "_")
        choice = next((item for item in kind if wanted in (item.value, item.label.upper())), None)
        if choice is None:
            names = ", ".join(item.label for item in kind)
            return False, (
                f"{where(node)}: {HEADERS[col].lower()} '{text}' tidak dikenal; "
                f"pilih salah satu: {names}."
            )
    setattr(node, col.value, choice)
    return True, None


def assign_parent(
    node: RhkNode,
    value: Any,
    options: Sequence[RhkOption],
    where: Where,
    check: Callable[[], str | None],
) -> tuple[bool, str | None]:
    """Store the supervisor's RHK, by id or by text; return (stored, error).

    With the supervisor's RHK known, a text must be one of them; without, the text is kept
    as typed and ``check`` gives the domain's verdict on it.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        if value not in {option.id for option in options}:
            return False, (
                f"{where(node)}: RHK atasan yang dipilih tidak ada di SKP Pejabat Penilai."
            )
        node.parent_rhk_id, node.parent_text = value, ""
        return True, None
    text = "" if value is None else str(value)
    if not text.strip():
        node.parent_rhk_id, node.parent_text = None, ""
        return True, None
    if options:
        wanted = clean_text(text).casefold()
        found = next((o for o in options if clean_text(o.text).casefold() == wanted), None)
        if found is None:
            return False, (
                f"{where(node)}: '{clean_text(text)}' tidak ada di antara RHK "
                "Pejabat Penilai; pilih dari daftar."
            )
        node.parent_rhk_id, node.parent_text = found.id, ""
        return True, None
    node.parent_rhk_id, node.parent_text = None, text
    return True, check()
