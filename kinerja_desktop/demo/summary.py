"""What the demo wrote, as the Indonesian summary the CLI prints."""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.demo.steps import DemoContext
from kinerja_desktop.domain.dates import format_date_range_id
from kinerja_desktop.domain.employment import EmploymentStatus
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.staff import UnitKind

_PNS, _PPPK = EmploymentStatus.PNS, EmploymentStatus.PPPK


def _some(names: list[str], shown: int = 4) -> str:
    text = ", ".join(names[:shown])
    return f"{text} dan {len(names) - shown} lainnya" if len(names) > shown else text


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`write_demo` wrote; ``str()`` gives the Indonesian summary the CLI prints."""

    instansi: str
    units: tuple[str, ...]  # the units directly under the instansi
    sub_units: int
    employees: int
    active: int
    pns: int
    pppk: int
    heads: tuple[str, ...]  # "Camat Kertapati (Nama)": active people appraised from outside
    year: int
    scheme: EvaluationScheme
    acting: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def __str__(self) -> str:
        lines = [
            f"Kantor contoh ditulis: {self.employees} pegawai di {len(self.units)} unit "
            f"({_some(list(self.units))}) dengan {self.sub_units} sub-unit, {self.instansi}.",
            f"{self.active} aktif, {self.employees - self.active} pensiun; "
            f"{self.pns} PNS dan {self.pppk} PPPK.",
        ]
        if self.heads:
            lines.append(
                "Dinilai oleh pejabat di luar kantor ini (tanpa Pejabat Penilai di sini): "
                f"{_some(list(self.heads))}."
            )
        lines.append(f"Tahun penilaian {self.year}, evaluasi periodik {self.scheme.label}.")
        lines += self.acting
        lines += self.notes
        return "\n".join(lines)


def summary(ctx: DemoContext) -> DemoSummary:
    plan = ctx.plan
    by_key = {person.key: person for person in plan.people}
    return DemoSummary(
        instansi=plan.instansi,
        units=tuple(unit.name for unit in plan.units if unit.kind is UnitKind.UNIT),
        sub_units=sum(unit.kind is UnitKind.SUB_UNIT for unit in plan.units),
        employees=len(plan.people),
        active=sum(person.active for person in plan.people),
        pns=sum(person.status is _PNS for person in plan.people),
        pppk=sum(person.status is _PPPK for person in plan.people),
        heads=tuple(
            f"{person.jabatan} ({person.full_name})"
            for person in plan.people
            if person.penilai is None and person.active
        ),
        year=ctx.today.year,
        scheme=plan.scheme,
        acting=tuple(
            f"{acting.kind.label} {by_key[acting.for_person].jabatan}: "
            f"{by_key[acting.acting].full_name}, {format_date_range_id(acting.start, acting.end)}."
            for acting in plan.acting
        ),
        notes=tuple(ctx.notes),
    )
