"""Service units as people name them: "Poli Umum (Puskesmas Kertapati)".

A survey and a complaint belong to a unit of the organisation tree: a sub-unit such as the
general clinic of a puskesmas, a kelurahan, or the kecamatan's front desk section. Its own name
is often not unique ("Poli Umum" in every puskesmas), so it is shown with its parent's name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.domain.errors import NotFoundError, ValidationError
from kinerja_desktop.domain.staff import UnitKind


@dataclass(frozen=True)
class ServiceUnit:
    id: int
    name: str
    label: str


def service_units(session: Session) -> list[ServiceUnit]:
    """Every unit below the instansi, labelled with its parent, in label order."""
    units = staff_repo.all_units(session)
    by_id = {unit.id: unit for unit in units}
    result = []
    for unit in units:
        if unit.kind is UnitKind.INSTANSI:
            continue
        parent = by_id.get(unit.parent_id) if unit.parent_id is not None else None
        if parent is not None and parent.kind is not UnitKind.INSTANSI:
            label = f"{unit.name} ({parent.name})"
        else:
            label = unit.name
        result.append(ServiceUnit(unit.id, unit.name, label))
    return sorted(result, key=lambda unit: unit.label.casefold())


def unit_labels(session: Session) -> dict[int, str]:
    return {unit.id: unit.label for unit in service_units(session)}


def resolve_unit(session: Session, text: str) -> ServiceUnit:
    """Find a service unit by its id, its label or its own name (any case).

    Raises:
        NotFoundError: no unit has that name.
        ValidationError: several units have it; the message lists their labels (field "unit").
    """
    wanted = " ".join(text.split()).casefold()
    units = service_units(session)
    if wanted.isdigit():
        for unit in units:
            if unit.id == int(wanted):
                return unit
    for unit in units:
        if unit.label.casefold() == wanted:
            return unit
    named = [unit for unit in units if unit.name.casefold() == wanted]
    if len(named) == 1:
        return named[0]
    if named:
        labels = "; ".join(unit.label for unit in named[:8])
        raise ValidationError(
            f"Ada {len(named)} unit bernama '{text.strip()}': {labels}. Tulis lengkap dengan "
            "induknya, mis. 'Poli Umum (Puskesmas Kertapati)'.",
            field="unit",
        )
    raise NotFoundError(
        f"Unit layanan '{text.strip()}' tidak ditemukan. Periksa namanya di menu Struktur."
    )
