"""The SKP editor's rows in memory: two fixed groups, their RHK, and each RHK's indicators.

`SkpNodes` keeps the rows by key (the Qt model's internal id), knows each row's position and
number, names its cells as validation errors do ("rhk[0].iki[1].target"), and converts the
rows to and from the drafts of `kinerja_desktop.domain.skp`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    Perspektif,
    RhkDraft,
    RhkKind,
    iki_field,
    rhk_field,
)
from kinerja_desktop.ui.skp.columns import IKI_COLUMNS, RHK_COLUMNS, Col

_FIELD = re.compile(r"rhk\[(\d+)\](?:\.iki\[(\d+)\])?\.(\w+)")


@dataclass(eq=False)
class GroupNode:
    key: int
    kind: RhkKind
    rhks: list[RhkNode] = field(default_factory=list)


@dataclass(eq=False)
class RhkNode:
    key: int
    group: GroupNode
    text: str = ""
    parent_rhk_id: int | None = None
    parent_text: str = ""
    id: int | None = None
    indicators: list[IkiNode] = field(default_factory=list)
    errors: dict[Col, str] = field(default_factory=dict)


@dataclass(eq=False)
class IkiNode:
    key: int
    rhk: RhkNode
    indicator: str = ""
    target: str = ""
    unit: str = ""
    target_text: str = ""
    lower_is_better: bool = False
    aspek: Aspek | None = None
    perspektif: Perspektif | None = None
    id: int | None = None
    errors: dict[Col, str] = field(default_factory=dict)


Node = GroupNode | RhkNode | IkiNode
_N = TypeVar("_N", GroupNode, RhkNode, IkiNode)


def kind_name(node: Node) -> str:
    """Return "group", "rhk" or "iki"."""
    if isinstance(node, GroupNode):
        return "group"
    return "rhk" if isinstance(node, RhkNode) else "iki"


def kind_of(node: Node) -> RhkKind:
    """Return the RHK kind of the row's group."""
    if isinstance(node, GroupNode):
        return node.kind
    return node.group.kind if isinstance(node, RhkNode) else node.rhk.group.kind


def children(node: Node | None) -> Sequence[Node]:
    """The rows under a group (its RHK) or an RHK (its indicators)."""
    if isinstance(node, GroupNode):
        return node.rhks
    if isinstance(node, RhkNode):
        return node.indicators
    return ()


def rhk_draft(rhk: RhkNode) -> RhkDraft:
    return RhkDraft(
        text=rhk.text,
        kind=rhk.group.kind,
        indicators=tuple(
            IkiDraft(
                indicator=iki.indicator,
                target=iki.target,
                unit=iki.unit,
                target_text=iki.target_text,
                lower_is_better=iki.lower_is_better,
                aspek=iki.aspek,
                perspektif=iki.perspektif,
                id=iki.id,
            )
            for iki in rhk.indicators
        ),
        parent_rhk_id=rhk.parent_rhk_id,
        parent_text=rhk.parent_text,
        id=rhk.id,
    )


class SkpNodes:
    """The rows by key; the two groups (A. Utama, B. Tambahan) are always there."""

    def __init__(self) -> None:
        self._keys = itertools.count(1)
        self._nodes: dict[int, Node] = {}
        self.groups: tuple[GroupNode, GroupNode] = (
            self._register(GroupNode(next(self._keys), RhkKind.UTAMA)),
            self._register(GroupNode(next(self._keys), RhkKind.TAMBAHAN)),
        )

    # --- contents ------------------------------------------------------------------------------

    def load(self, rhks: Iterable[RhkDraft]) -> None:
        """Replace every RHK and indicator with ``rhks`` (the stored ids are kept)."""
        self._nodes = {group.key: group for group in self.groups}
        for group in self.groups:
            group.rhks.clear()
        for rhk in rhks:
            group = self.group(rhk.kind)
            node = self._register(
                RhkNode(
                    next(self._keys),
                    group,
                    text=rhk.text,
                    parent_rhk_id=rhk.parent_rhk_id,
                    parent_text=rhk.parent_text,
                    id=rhk.id,
                )
            )
            for iki in rhk.indicators:
                node.indicators.append(
                    self._register(
                        IkiNode(
                            next(self._keys),
                            node,
                            indicator=iki.indicator,
                            target=iki.target,
                            unit=iki.unit,
                            target_text=iki.target_text,
                            lower_is_better=iki.lower_is_better,
                            aspek=iki.aspek,
                            perspektif=iki.perspektif,
                            id=iki.id,
                        )
                    )
                )
            group.rhks.append(node)

    def rhk_drafts(self) -> tuple[RhkDraft, ...]:
        """Return the RHK in the order shown (A. Utama first), ids kept."""
        return tuple(rhk_draft(rhk) for rhk in self.ordered_rhks())

    def new_rhk(self, group: GroupNode, text: str = "") -> RhkNode:
        """Return a new RHK of ``group``, known by key but not yet placed in the group."""
        return self._register(RhkNode(next(self._keys), group, text=text))

    def new_iki(self, rhk: RhkNode, indicator: str = "") -> IkiNode:
        """Return a new indicator of ``rhk``, known by key but not yet placed under it."""
        return self._register(IkiNode(next(self._keys), rhk, indicator=indicator))

    def forget(self, nodes: Iterable[Node]) -> None:
        for node in nodes:
            self._nodes.pop(node.key, None)

    def get(self, key: int) -> Node | None:
        return self._nodes.get(key)

    def rows(self) -> Iterator[RhkNode | IkiNode]:
        """Every RHK and indicator row (not the groups)."""
        return (node for node in self._nodes.values() if not isinstance(node, GroupNode))

    # --- positions -----------------------------------------------------------------------------

    def group(self, kind: RhkKind) -> GroupNode:
        return self.groups[0] if kind is RhkKind.UTAMA else self.groups[1]

    def row_of(self, node: Node) -> int:
        if isinstance(node, GroupNode):
            return self.groups.index(node)
        if isinstance(node, RhkNode):
            return node.group.rhks.index(node)
        return node.rhk.indicators.index(node)

    def path(self, node: Node | None) -> tuple[int, ...]:
        """Return the row path of a row (group, RHK, indicator), to find it again later."""
        path: list[int] = []
        while node is not None:
            path.insert(0, self.row_of(node))
            node = (
                node.group
                if isinstance(node, RhkNode)
                else (node.rhk if isinstance(node, IkiNode) else None)
            )
        return tuple(path)

    def ordered_rhks(self) -> list[RhkNode]:
        return [rhk for group in self.groups for rhk in group.rhks]

    # --- numbers and names ---------------------------------------------------------------------

    def number(self, rhk: RhkNode) -> int:
        """The RHK's number in the draft (and in the messages): A. Utama first."""
        before = 0 if rhk.group is self.groups[0] else len(self.groups[0].rhks)
        return before + rhk.group.rhks.index(rhk)

    def number_text(self, node: RhkNode | IkiNode) -> str:
        """Return "2" for the second RHK and "2.3" for its third indicator."""
        if isinstance(node, RhkNode):
            return str(self.number(node) + 1)
        return f"{self.number(node.rhk) + 1}.{node.rhk.indicators.index(node) + 1}"

    def field(self, node: Node, col: Col) -> str | None:
        """Return the cell's name in validation errors, or None for a cell without one."""
        if col is Col.NO or isinstance(node, GroupNode):
            return None
        if isinstance(node, RhkNode):
            return rhk_field(self.number(node), col.value) if col in RHK_COLUMNS else None
        if col not in IKI_COLUMNS:
            return None
        return iki_field(self.number(node.rhk), node.rhk.indicators.index(node), col.value)

    def where(self, node: RhkNode | IkiNode) -> str:
        """Name a row in messages: "RHK 2" or "RHK 2, indikator 3"."""
        if isinstance(node, RhkNode):
            return f"RHK {self.number(node) + 1}"
        position = node.rhk.indicators.index(node) + 1
        return f"RHK {self.number(node.rhk) + 1}, indikator {position}"

    def locate(
        self, field_name: str, columns: Sequence[Col]
    ) -> tuple[RhkNode | IkiNode, Col] | None:
        """Return the row and column of a cell named like "rhk[0].iki[1].target", or None.

        A cell ``columns`` does not show is carried by its row's main cell.
        """
        match = _FIELD.fullmatch(field_name)
        if match is None:
            return None
        rhks = self.ordered_rhks()
        r = int(match[1])
        if r >= len(rhks):
            return None
        node: RhkNode | IkiNode = rhks[r]
        if match[2] is not None:
            i = int(match[2])
            if i >= len(rhks[r].indicators):
                return None
            node = rhks[r].indicators[i]
        try:
            col = Col(match[3])
        except ValueError:
            return None
        allowed = RHK_COLUMNS if isinstance(node, RhkNode) else IKI_COLUMNS
        if col not in allowed or col not in columns:
            # A cell this layout does not show: the RHK's or indicator's main cell carries it.
            col = Col.TEXT if isinstance(node, RhkNode) else Col.INDICATOR
        return node, col

    def _register(self, node: _N) -> _N:
        self._nodes[node.key] = node
        return node
