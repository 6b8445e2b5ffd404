"""Helpers that show the unit tree in combos and tree widgets."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox

from kinerja_desktop.domain.staff import Unit
from kinerja_desktop.ui.common import compact


def ordered_units(units: list[Unit]) -> list[tuple[int, Unit]]:
    """Return units depth-first, each with its depth, children sorted by name."""
    children: dict[int | None, list[Unit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    result: list[tuple[int, Unit]] = []

    def visit(parent: int | None, depth: int) -> None:
        for unit in sorted(children.get(parent, []), key=lambda u: u.name):
            result.append((depth, unit))
            visit(unit.id, depth + 1)

    visit(None, 0)
    return result


def fill_unit_combo(combo: QComboBox, units: list[Unit], *, all_label: str | None = None) -> None:
    """Fill ``combo`` with the unit tree, indented; item data is the unit id."""
    compact(combo)
    combo.clear()
    if all_label is not None:
        combo.addItem(all_label, None)
    for depth, unit in ordered_units(units):
        combo.addItem("    " * depth + unit.name, unit.id)


def units_within(units: list[Unit], allowed: frozenset[int] | None) -> list[Unit]:
    """The units of ``allowed`` (None: all), each whose parent is left out shown as a top.

    For pages of unit-level work (Sebaran, the cascade): a kepala unit is offered the units
    they head, not the instansi above them, which the services would refuse.
    """
    if allowed is None:
        return units
    kept = [unit for unit in units if unit.id in allowed]
    ids = {unit.id for unit in kept}
    return [unit if unit.parent_id in ids else replace(unit, parent_id=None) for unit in kept]
