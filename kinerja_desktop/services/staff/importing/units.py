"""Where each row's Unit Kerja is: an existing unit, or one the import creates, found by path."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.staff import Unit, UnitKind
from kinerja_desktop.domain.text import checked_text
from kinerja_desktop.services.staff.importing.columns import clean

#: Separator of the levels of a unit path: "Pemerintah Kota Palembang > Puskesmas Kertapati".
UNIT_PATH_SEPARATOR = ">"
UNIT_NAME_MAX = 200


@dataclass(eq=False)
class PendingUnit:
    """A unit the import would create; ``row_id`` is set once it is written."""

    name: str
    kind: UnitKind
    parent: UnitRef | None
    path: str
    children: dict[str, PendingUnit] = field(default_factory=dict)
    used: bool = False
    row_id: int | None = None


#: An existing unit (its id) or one the import would create.
UnitRef = int | PendingUnit


# Remembered: a staff list repeats the same few values over thousands of rows.
@functools.lru_cache(maxsize=4096)
def unit_segments(text: str) -> tuple[str, ...]:
    """Split a Unit Kerja cell into its levels, checking each.

    Raises:
        ValidationError: A level is empty or too long.
    """
    whole = checked_text(clean(text), field=None, label="Unit kerja", max_length=None)
    segments = tuple(clean(part.strip()) for part in whole.split(UNIT_PATH_SEPARATOR))
    if not all(segments):
        raise ValidationError(
            f"Jalur unit kerja '{whole}' punya bagian kosong. Pisahkan tingkatannya dengan "
            "' > ', misalnya 'Pemerintah Kota Palembang > Puskesmas Kertapati'."
        )
    for segment in segments:
        # The cell's message names the column, so the error carries no field of its own.
        checked_text(segment, field=None, label="Nama unit kerja", max_length=UNIT_NAME_MAX)
    return segments


class UnitTree:
    """The unit tree in memory, growing by the units the file names that do not exist yet.

    A single name is an existing unit of that name (any level, ignoring case) or else a new unit
    under the only root instansi (a new instansi when there is not exactly one). A path starts at
    an existing unit of that name, or else at a new instansi, and goes down by name.
    """

    def __init__(self, units: Sequence[Unit]) -> None:
        self._units: dict[int, Unit] = {unit.id: unit for unit in units}
        self._by_name: dict[str, list[int]] = defaultdict(list)
        self._children: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        for unit in units:
            self._by_name[unit.name.casefold()].append(unit.id)
            if unit.parent_id is not None:
                self._children[unit.parent_id][unit.name.casefold()].append(unit.id)
        roots = [unit.id for unit in units if unit.parent_id is None]
        self._single_root = roots[0] if len(roots) == 1 else None
        self._new_under: dict[int, dict[str, PendingUnit]] = defaultdict(dict)
        self._new_roots: dict[str, PendingUnit] = {}
        self._new_by_name: dict[str, list[PendingUnit]] = defaultdict(list)
        self.created: list[PendingUnit] = []

    def resolve_path(self, segments: Sequence[str]) -> UnitRef:
        first = segments[0]
        found = self._by_name.get(first.casefold(), [])
        if len(found) > 1:
            raise self._ambiguous(first, list(found))
        current: UnitRef
        if found:
            current = found[0]
        else:
            current = self._new_roots.get(first.casefold()) or self._create(first, None)
        for segment in segments[1:]:
            current = self._child(current, segment)
        return current

    def resolve_name(self, name: str) -> UnitRef:
        """Resolve a single name; call after every path so that paths create units first."""
        key = name.casefold()
        found: list[UnitRef] = [*self._by_name.get(key, []), *self._new_by_name.get(key, [])]
        if len(found) > 1:
            raise self._ambiguous(name, found)
        if found:
            return found[0]
        return self._create(name, self._single_root)

    def path(self, ref: UnitRef) -> str:
        if isinstance(ref, PendingUnit):
            return ref.path
        names: list[str] = []
        current: int | None = ref
        while current is not None and len(names) < 50:
            names.append(self._units[current].name)
            current = self._units[current].parent_id
        return f" {UNIT_PATH_SEPARATOR} ".join(reversed(names))

    def name(self, ref: UnitRef) -> str:
        return ref.name if isinstance(ref, PendingUnit) else self._units[ref].name

    @staticmethod
    def mark_used(ref: UnitRef) -> None:
        current: UnitRef | None = ref
        while isinstance(current, PendingUnit):
            current.used = True
            current = current.parent

    def _child(self, parent: UnitRef, name: str) -> UnitRef:
        key = name.casefold()
        if isinstance(parent, PendingUnit):
            return parent.children.get(key) or self._create(name, parent)
        existing = self._children[parent].get(key, [])
        if existing:
            exact = [unit_id for unit_id in existing if self._units[unit_id].name == name]
            return (exact or existing)[0]
        return self._new_under[parent].get(key) or self._create(name, parent)

    def _create(self, name: str, parent: UnitRef | None) -> PendingUnit:
        if parent is None:
            kind = UnitKind.INSTANSI
            path = name
        else:
            parent_kind = (
                parent.kind if isinstance(parent, PendingUnit) else self._units[parent].kind
            )
            kind = UnitKind.UNIT if parent_kind is UnitKind.INSTANSI else UnitKind.SUB_UNIT
            path = f"{self.path(parent)} {UNIT_PATH_SEPARATOR} {name}"
        unit = PendingUnit(name=name, kind=kind, parent=parent, path=path)
        key = name.casefold()
        if parent is None:
            self._new_roots[key] = unit
        elif isinstance(parent, PendingUnit):
            parent.children[key] = unit
        else:
            self._new_under[parent][key] = unit
        self._new_by_name[key].append(unit)
        self.created.append(unit)
        return unit

    def _ambiguous(self, name: str, refs: Sequence[UnitRef]) -> ValidationError:
        paths = sorted(self.path(ref) for ref in refs)
        return ValidationError(
            f"Ada {len(paths)} unit kerja bernama '{name}': {'; '.join(paths)}. "
            f"Tulis jalur lengkapnya, misalnya '{paths[0]}'."
        )
