"""The SKP editor's row operations: add, delete, move, indent, outdent and change the kind.

They work on the rows of `SkpNodes`. Each change of structure happens inside one of the
`Changes` context managers, which tell the views before and after (the Qt model's
``begin…Rows``/``end…Rows``). Checking that the SKP may be edited at all is the caller's job.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Protocol

from kinerja_desktop.domain.skp import RhkKind
from kinerja_desktop.ui.skp.nodes import GroupNode, IkiNode, Node, RhkNode, SkpNodes


class EditRefusedError(Exception):
    """An editing operation cannot be done here; ``message`` says why, in Indonesian."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Changes(Protocol):
    """Tells the views about a change of rows, around the change itself."""

    def inserting(self, parent: Node, row: int) -> AbstractContextManager[None]: ...

    def removing(self, parent: Node, row: int) -> AbstractContextManager[None]: ...

    def moving(
        self, source: Node, first: int, last: int, target: Node, row: int
    ) -> AbstractContextManager[None]: ...


def _iki_has_text(iki: IkiNode) -> bool:
    return bool(
        iki.indicator.strip() or iki.target.strip() or iki.unit.strip() or iki.target_text.strip()
    )


def row_has_text(node: Node | None) -> bool:
    """Whether deleting this row would throw away something typed."""
    if isinstance(node, RhkNode):
        return bool(
            node.text.strip()
            or node.parent_text.strip()
            or node.parent_rhk_id is not None
            or any(_iki_has_text(iki) for iki in node.indicators)
        )
    return isinstance(node, IkiNode) and _iki_has_text(node)


def conversion_loses_values(node: Node | None) -> bool:
    """Whether indenting/outdenting this row drops values other than its main text."""
    if isinstance(node, RhkNode):
        return node.parent_rhk_id is not None or bool(node.parent_text.strip())
    if isinstance(node, IkiNode):
        return bool(
            node.target.strip()
            or node.unit.strip()
            or node.target_text.strip()
            or node.lower_is_better
        )
    return False


def add_rhk(nodes: SkpNodes, changes: Changes, at: Node | None, kind: RhkKind | None) -> RhkNode:
    """Add an empty RHK below the row ``at`` (or at the end of ``kind``'s group)."""
    if isinstance(at, GroupNode):
        group, position = at, 0
    elif isinstance(at, RhkNode):
        group, position = at.group, at.group.rhks.index(at) + 1
    elif isinstance(at, IkiNode):
        group, position = at.rhk.group, at.rhk.group.rhks.index(at.rhk) + 1
    else:
        group = nodes.group(kind or RhkKind.UTAMA)
        position = len(group.rhks)
    with changes.inserting(group, position):
        rhk = nodes.new_rhk(group)
        group.rhks.insert(position, rhk)
    return rhk


def add_indicator(nodes: SkpNodes, changes: Changes, at: Node | None) -> IkiNode:
    """Add an empty indicator below the indicator ``at``, or last under the RHK ``at``."""
    if isinstance(at, IkiNode):
        rhk, position = at.rhk, at.rhk.indicators.index(at) + 1
    elif isinstance(at, RhkNode):
        rhk, position = at, len(at.indicators)
    else:
        raise EditRefusedError("Pilih dulu sebuah RHK: indikator selalu berada di bawah RHK-nya.")
    with changes.inserting(rhk, position):
        iki = nodes.new_iki(rhk)
        rhk.indicators.insert(position, iki)
    return iki


def remove(nodes: SkpNodes, changes: Changes, node: Node | None) -> None:
    """Delete an RHK (with its indicators) or an indicator."""
    if isinstance(node, RhkNode):
        parent: Node = node.group
        siblings: list[Any] = node.group.rhks
        gone: list[Node] = [node, *node.indicators]
    elif isinstance(node, IkiNode):
        parent, siblings, gone = node.rhk, node.rhk.indicators, [node]
    else:
        raise EditRefusedError("Judul kelompok tidak dapat dihapus.")
    row = siblings.index(node)
    with changes.removing(parent, row):
        del siblings[row]
        nodes.forget(gone)


def move(changes: Changes, node: Node | None, delta: int) -> bool:
    """Move a row up (-1) or down (+1) among its siblings; False when it stays (a group's edge)."""
    if isinstance(node, RhkNode):
        parent: Node = node.group
        siblings: list[Any] = node.group.rhks
    elif isinstance(node, IkiNode):
        parent, siblings = node.rhk, node.rhk.indicators
    else:
        return False
    row = siblings.index(node)
    target = row + delta
    if not 0 <= target < len(siblings) or delta == 0:
        return False
    destination = target + 1 if delta > 0 else target
    with changes.moving(parent, row, row, parent, destination):
        siblings.insert(target, siblings.pop(row))
    return True


def indent(nodes: SkpNodes, changes: Changes, node: Node | None) -> IkiNode:
    """Turn an RHK without indicators into the last indicator of the RHK above it."""
    if not isinstance(node, RhkNode):
        raise EditRefusedError("Hanya baris RHK yang dapat dijadikan indikator.")
    if node.indicators:
        raise EditRefusedError(
            "RHK ini sudah memiliki indikator, jadi tidak dapat dijadikan indikator."
        )
    group = node.group
    row = group.rhks.index(node)
    if row == 0:
        raise EditRefusedError(f"Tidak ada RHK di atasnya dalam kelompok {group.kind.label}.")
    above = group.rhks[row - 1]
    with changes.removing(group, row):
        del group.rhks[row]
        nodes.forget([node])
    with changes.inserting(above, len(above.indicators)):
        iki = nodes.new_iki(above, indicator=node.text)
        above.indicators.append(iki)
    return iki


def outdent(nodes: SkpNodes, changes: Changes, node: Node | None) -> RhkNode:
    """Turn an indicator into its own RHK, placed after its RHK.

    Like an outline, the indicators below it move along and become the new RHK's.
    """
    if not isinstance(node, IkiNode):
        raise EditRefusedError("Hanya baris indikator yang dapat dijadikan RHK.")
    rhk = node.rhk
    group = rhk.group
    row = rhk.indicators.index(node)
    with changes.removing(rhk, row):
        del rhk.indicators[row]
        nodes.forget([node])
    position = group.rhks.index(rhk) + 1
    with changes.inserting(group, position):
        new = nodes.new_rhk(group, text=node.indicator)
        group.rhks.insert(position, new)
    following = len(rhk.indicators) - row
    if following:
        with changes.moving(rhk, row, row + following - 1, new, 0):
            moved = rhk.indicators[row:]
            del rhk.indicators[row:]
            for iki in moved:
                iki.rhk = new
            new.indicators.extend(moved)
    return new


def set_kind(nodes: SkpNodes, changes: Changes, node: Node | None, kind: RhkKind) -> bool:
    """Move an RHK to the end of the other group; False when it is already in ``kind``'s."""
    if not isinstance(node, RhkNode):
        raise EditRefusedError("Pilih baris RHK untuk mengubah jenisnya.")
    if node.group.kind is kind:
        return False
    source, target = node.group, nodes.group(kind)
    row = source.rhks.index(node)
    with changes.moving(source, row, row, target, len(target.rhks)):
        del source.rhks[row]
        node.group = target
        target.rhks.append(node)
    return True
