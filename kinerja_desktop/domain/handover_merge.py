"""How a package's aggregates meet ours: new, identical, or changed on both sides.

Nothing here decides a conflict: the user chooses per record, "keep ours" or "take theirs".
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from kinerja_desktop.domain.handover_progress import approved
from kinerja_desktop.domain.handover_records import Aggregate, Kind
from kinerja_desktop.domain.handover_table import RecordTable, kinds_of, of_kind
from kinerja_desktop.domain.hierarchy import supervisor_cycle

MISSING = "—"


class Choice(StrEnum):
    KEEP_OURS = "KEEP_OURS"
    TAKE_THEIRS = "TAKE_THEIRS"

    @property
    def label(self) -> str:
        return "Pakai data kita" if self is Choice.KEEP_OURS else "Ambil dari paket"


@dataclass(frozen=True)
class FieldDiff:
    """One field that differs: its path in the record and the two values as text."""

    field: str
    ours: str
    theirs: str

    @property
    def label(self) -> str:
        """The path in words: "rhks[2].ikis[1].target" -> "RHK 2 › Indikator 1 › target"."""
        return readable_field(self.field)


_PART_NAMES = {
    "rhks": "RHK",
    "ikis": "Indikator",
    "realisations": "Realisasi",
    "evidence": "Bukti dukung",
    "feedback": "Umpan balik",
    "lampiran": "Lampiran",
    "expectations": "Ekspektasi",
    "versions": "Versi",
    "history": "Riwayat",
    "behaviour_feedback": "Umpan balik perilaku",
    "result_rating": "Rating hasil kerja",
    "behaviour_rating": "Rating perilaku",
    "predikat": "Predikat",
    "dialogue": "Dialog",
    "notes": "Catatan/Rekomendasi",
    "action_plans": "Rencana tindak lanjut",
    "population": "Populasi",
    "methods": "Metode survei",
    "fieldwork_start": "Mulai pengumpulan data",
    "fieldwork_end": "Akhir pengumpulan data",
    "parent": "RHK atasan",
    "rencana_aksi": "Rencana aksi",
    "period_targets": "Target periode",
    "target_scale": "Skala target",
}


def readable_field(path: str) -> str:
    parts = []
    for part in path.split("."):
        name, _, number = part.partition("[")
        words = _PART_NAMES.get(name, name)
        parts.append(f"{words} {number.rstrip(']')}" if number else words)
    return " › ".join(parts)


@dataclass(frozen=True)
class Conflict:
    """Same key, different content on both sides."""

    ours: Aggregate
    theirs: Aggregate
    fields: tuple[FieldDiff, ...]

    @property
    def kind(self) -> Kind:
        return self.theirs.kind

    @property
    def key(self) -> str:
        return self.theirs.key

    @property
    def ref(self) -> tuple[Kind, str]:
        return (self.kind, self.key)


@dataclass(frozen=True)
class KindCount:
    kind: Kind
    new: int
    identical: int
    conflicts: int


@dataclass(frozen=True)
class MergePlan:
    """What importing a package would do, before anything is written."""

    #: A package's records kept as a table (a large package) are its places in the table.
    new: Sequence[Aggregate]
    identical: Sequence[Aggregate]
    conflicts: tuple[Conflict, ...]

    def counts(self) -> list[KindCount]:
        """Per kind, in writing order, only the kinds the package has."""
        new = Counter(kinds_of(self.new))
        same = Counter(kinds_of(self.identical))
        clash = Counter(conflict.kind for conflict in self.conflicts)
        return [
            KindCount(kind, new[kind], same[kind], clash[kind])
            for kind in Kind
            if new[kind] or same[kind] or clash[kind]
        ]

    @property
    def changes_nothing(self) -> bool:
        return not self.new and not self.conflicts

    def summary_lines(self) -> list[str]:
        lines = [
            f"{count.kind.label}: {count.new} baru, {count.identical} sama, "
            f"{count.conflicts} berbeda"
            for count in self.counts()
        ]
        return lines or ["Paket tidak berisi catatan."]


def plan_merge(
    ours: Iterable[Aggregate],
    theirs: Sequence[Aggregate],
    keep: Callable[[Aggregate], Aggregate] | None = None,
) -> MergePlan:
    """Sort the package's aggregates against ours by (kind, key).

    ``ours`` is gone through once and only those that differ from the package's are kept
    (the last of a repeated key counts), through ``keep`` when given (to pack them), so ours
    may be built as they are read: a whole office's, which a large package touches, never
    sits in memory at once (issue 14). A package's records kept as a :class:`RecordTable`
    are looked up in it and the plan holds their places; only the conflicts' are built.
    """
    if isinstance(theirs, RecordTable):
        find, digest_at = theirs.find, theirs.digest_at
    else:
        places: dict[Kind, dict[str, int]] = {}
        for at, aggregate in enumerate(theirs):
            places.setdefault(aggregate.kind, {})[aggregate.key] = at

        def find(kind: Kind, key: str) -> int | None:
            return places.get(kind, {}).get(key)

        def digest_at(at: int) -> str:
            return theirs[at].digest

    # Per package place: 0 new, 1 the same as ours, 2 ours differs (ours kept in ``differ``).
    found_as = bytearray(len(theirs))
    differ: dict[int, Aggregate] = {}
    for aggregate in ours:
        place = find(aggregate.kind, aggregate.key)
        if place is None:
            continue
        if digest_at(place) == aggregate.digest:
            found_as[place] = 1
            differ.pop(place, None)
        else:
            found_as[place] = 2
            differ[place] = aggregate if keep is None else keep(aggregate)
    conflicts = []
    for at in sorted(differ):
        existing, aggregate = differ[at], theirs[at]
        diffs = field_diffs(existing.content, aggregate.content)
        conflicts.append(Conflict(existing, aggregate, diffs))
    new = (at for at, found in enumerate(found_as) if found == 0)
    identical = (at for at, found in enumerate(found_as) if found == 1)
    if isinstance(theirs, RecordTable):
        return MergePlan(theirs.subset(new), theirs.subset(identical), tuple(conflicts))
    return MergePlan(
        tuple(theirs[at] for at in new), tuple(theirs[at] for at in identical), tuple(conflicts)
    )


def flatten(value: Any, prefix: str = "") -> dict[str, str]:
    """Every leaf of a JSON value as ``path -> text`` ("rhks[2].ikis[1].target": "12")."""
    flat: dict[str, str] = {}
    if isinstance(value, Mapping):
        if not value and prefix:
            flat[prefix] = "{}"
        for name in sorted(value):
            flat.update(flatten(value[name], f"{prefix}.{name}" if prefix else str(name)))
    elif isinstance(value, list):
        if not value:
            flat[prefix] = "(kosong)"
        for number, item in enumerate(value, start=1):
            flat.update(flatten(item, f"{prefix}[{number}]"))
    else:
        flat[prefix] = _text(value)
    return flat


def _text(value: Any) -> str:
    if value is None:
        return MISSING
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def field_diffs(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> tuple[FieldDiff, ...]:
    """The fields whose values differ, side by side, in path order."""
    left, right = flatten(ours), flatten(theirs)
    return tuple(
        FieldDiff(name, left.get(name, MISSING), right.get(name, MISSING))
        for name in sorted(left.keys() | right.keys(), key=_natural)
        if left.get(name) != right.get(name)
    )


def _natural(path: str) -> list[Any]:
    """Sort "rhks[10]" after "rhks[9]"."""
    parts: list[Any] = []
    for chunk in path.replace("]", "").replace("[", ".").split("."):
        parts.append((0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk))
    return parts


def protected(conflict: Conflict) -> bool:
    """True when ours may not be replaced: a progress entry our penilai approved."""
    return conflict.kind is Kind.PROGRESS_ENTRY and approved(conflict.ours.content)


def protected_message(conflict: Conflict) -> str:
    return (
        f"Progres harian {conflict.ours.label} sudah disetujui penilai di kantor ini dan tidak "
        'dapat diganti dari paket; pilih "Pakai data kita".'
    )


def unresolved(plan: MergePlan, choices: Mapping[tuple[Kind, str], Choice]) -> list[Conflict]:
    """The conflicts the user has not decided yet."""
    return [conflict for conflict in plan.conflicts if conflict.ref not in choices]


# --- who appraises whom after the import ----------------------------------------------------


def _nip_of(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def penilai_of(aggregates: Iterable[Aggregate]) -> dict[str, str | None]:
    """NIP -> the penilai's NIP, from employee aggregates (anything malformed is skipped)."""
    found: dict[str, str | None] = {}
    for aggregate in of_kind(aggregates, Kind.EMPLOYEE):
        nip = _nip_of(aggregate.content.get("nip"))
        if nip is not None:
            found[nip] = _nip_of(aggregate.content.get("penilai"))
    return found


def names_of(aggregates: Iterable[Aggregate]) -> dict[str, str]:
    """NIP -> name, from employee aggregates, to name the people of a loop."""
    found: dict[str, str] = {}
    for aggregate in of_kind(aggregates, Kind.EMPLOYEE):
        nip, name = aggregate.content.get("nip"), aggregate.content.get("name")
        if isinstance(nip, str) and isinstance(name, str):
            found[nip] = name
    return found


def penilai_cycles(
    plan: MergePlan,
    choices: Mapping[tuple[Kind, str], Choice | None],
    ours: Mapping[str, str | None],
) -> list[list[str]]:
    """The loops of penilai the import would make, each as NIPs that start and end alike.

    Each office's own records are free of loops, but together they may not be: we moved A
    under B while the other office moved B under A. A loop needs at least one person whose
    penilai comes from the package (new, or a conflict taken from it), so only those are
    walked, up through everybody's penilai as they would be after the import. A conflict not
    decided yet stops the walk, so every loop found is certain.

    Args:
        plan: The merge plan.
        choices: The choice per conflict; a missing or None choice is not decided yet.
        ours: Every person of this database: NIP -> penilai NIP.
    """
    merged: dict[str, str | None] = dict(ours)
    incoming = penilai_of(plan.new)
    for conflict in plan.conflicts:
        if conflict.kind is not Kind.EMPLOYEE:
            continue
        choice = choices.get(conflict.ref)
        if choice is Choice.TAKE_THEIRS:
            incoming |= penilai_of([conflict.theirs])
        elif choice is None:
            merged |= dict.fromkeys(penilai_of([conflict.theirs]))  # unknown yet
    merged |= incoming
    cycles: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    for nip in sorted(incoming):
        cycle = supervisor_cycle(nip, merged.get(nip), merged.get)
        if cycle is not None and frozenset(cycle) not in seen:
            seen.add(frozenset(cycle))
            cycles.append(cycle)
    return cycles


def cycle_message(cycle: list[str], names: Mapping[str, str]) -> str:
    """The loop in words: "Ani (NIP 1...) dinilai oleh Budi (NIP 2...), ... dinilai oleh Ani"."""

    def who(nip: str) -> str:
        name = names.get(nip)
        return f"{name} (NIP {nip})" if name else f"NIP {nip}"

    steps = " dinilai oleh ".join(who(nip) for nip in cycle)
    return (
        f"Penilai dari paket membuat lingkaran penilai: {steps}. Seseorang tidak dapat "
        '(secara tidak langsung) menilai atasannya sendiri; pilih "Pakai data kita" untuk '
        "salah satu pegawai itu."
    )
