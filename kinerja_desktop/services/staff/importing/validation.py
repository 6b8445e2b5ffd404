"""Check every row of a staff list file against the rules, the rest of the file and the database.

Nothing is written here. The checks of each row on its own are :mod:`.parsing`'s (most of the
work); :class:`Validation` takes its :class:`.parsing.ParsedFile` and checks what depends on the
database and on the rows together (known NIPs and penilai, units, duplicates, penilai loops),
filling each row's :class:`Draft` with its issues. A kept ``ParsedFile`` can be checked again
this way later (an import's apply after its preview); :mod:`.changes` then says what each valid
row would change.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.hierarchy import supervisor_cycle
from kinerja_desktop.domain.staff import Employee, ValidStaffFields
from kinerja_desktop.services.staff.importing import columns as col
from kinerja_desktop.services.staff.importing.parsing import ParsedFile, ParsedRow
from kinerja_desktop.services.staff.importing.results import ImportAction, ImportIssue
from kinerja_desktop.services.staff.importing.units import UnitRef, UnitTree


@dataclass(eq=False, slots=True)
class Draft:
    """One data row while it is checked against the database and the rest of the file."""

    line: int
    nip_text: str
    name_text: str
    fields: ValidStaffFields | None = None
    nip: str | None = None  # the 18 digits, when the NIP is valid
    penilai: str | None = None  # the penilai's 18 digits, when given and valid
    penilai_ok: bool = True  # False when the NIP Penilai cell is filled but wrong
    segments: tuple[str, ...] = ()
    unit: UnitRef | None = None
    issues: list[ImportIssue] = field(default_factory=list)
    action: ImportAction | None = None
    changes: tuple[str, ...] = ()

    @classmethod
    def of(cls, row: ParsedRow) -> Draft:
        """A new draft of a parsed row, with the row's own issues."""
        return cls(
            row.line,
            row.nip_text,
            row.name_text,
            row.fields,
            row.nip,
            row.penilai,
            row.penilai_ok,
            row.segments,
            None,
            list(row.issues),
        )

    @property
    def valid(self) -> bool:
        return not self.issues


class Validation:
    """Checks a table against the rules and the database; every row's issues end up in its draft.

    The attributes without an underscore are read by :mod:`.changes` and :mod:`.writer`.
    """

    def __init__(self, session: Session, parsed: ParsedFile) -> None:
        self.session = session
        self.table = parsed.table
        self.file_issues: list[ImportIssue] = list(parsed.file_issues)
        self.drafts: list[Draft] = []
        self.existing: dict[str, Employee] = {}
        self.id_to_nip: dict[int, str] = {}
        self._db_penilai: dict[int, int | None] = {}
        self.file_rows: dict[str, Draft] = {}  # valid NIPs that occur once
        self._duplicates: dict[str, list[int]] = {}  # NIPs on several lines
        self.units = UnitTree(repo.all_units(session))
        if not self.file_issues:
            self.drafts = [Draft.of(row) for row in parsed.rows]
            self._check()

    # --- the checks, in order -------------------------------------------------------------

    def _check(self) -> None:
        self._check_duplicates()
        self._load_database()
        self._check_penilai_known()
        self._resolve_units()
        # Loops in the file as written, then, until nothing changes, loops in what would really
        # be stored: an invalid row is not written, so its person keeps the database's penilai.
        self._check_cycles(self._penilai_override(valid_only=False))
        self._block_dependents()
        while True:
            invalid = sum(1 for draft in self.drafts if not draft.valid)
            self._check_cycles(self._penilai_override(valid_only=True), stored=True)
            self._block_dependents()
            if sum(1 for draft in self.drafts if not draft.valid) == invalid:
                break

    def _column(self, key: str) -> str:
        return self.table.heading(key) or col.DOCUMENTED[key]

    def _issue(self, draft: Draft, key: str | None, message: str) -> None:
        column = self._column(key) if key else None
        draft.issues.append(ImportIssue(draft.line, column, message))

    def _check_duplicates(self) -> None:
        lines: dict[str, list[int]] = defaultdict(list)
        for draft in self.drafts:
            if draft.nip:
                lines[draft.nip].append(draft.line)
        for draft in self.drafts:
            if not draft.nip:
                continue
            found = lines[draft.nip]
            if len(found) == 1:
                self.file_rows[draft.nip] = draft
                continue
            listed = ", ".join(str(line) for line in found[:-1]) + f" dan {found[-1]}"
            self._issue(
                draft,
                col.NIP,
                f"NIP {draft.nip} ganda: ada di baris {listed}. "
                "Satu pegawai hanya boleh satu baris.",
            )
        self._duplicates = {nip: found for nip, found in lines.items() if len(found) > 1}

    def _load_database(self) -> None:
        wanted = {d.nip for d in self.drafts if d.nip} | {
            d.penilai for d in self.drafts if d.penilai
        }
        self.existing = repo.employees_by_nip(self.session, wanted)
        self.id_to_nip = {row.id: nip for nip, row in self.existing.items()}
        self._db_penilai = repo.penilai_map(self.session)

    def _check_penilai_known(self) -> None:
        for draft in self.drafts:
            penilai = draft.penilai
            if penilai and penilai not in self.existing and penilai not in self.file_rows:
                if penilai in self._duplicates:
                    continue  # reported by the dependency check
                self._issue(
                    draft,
                    col.PENILAI,
                    f"Pejabat Penilai dengan NIP {penilai} tidak ada di berkas ini maupun di "
                    "basis data.",
                )

    def _resolve_units(self) -> None:
        # Paths first, so that a single name can match a unit a path creates, in any row order.
        ordered = sorted(self.drafts, key=lambda draft: len(draft.segments) == 1)
        # A path resolves the same way every time once it has (a unit it creates is found the
        # next time), and a list names each unit for several people: each path once.
        resolved: dict[tuple[str, ...], UnitRef | str] = {}
        for draft in ordered:
            segments = draft.segments
            if not segments:
                continue
            found = resolved.get(segments)
            if found is None:
                try:
                    if len(segments) == 1:
                        found = self.units.resolve_name(segments[0])
                    else:
                        found = self.units.resolve_path(segments)
                except ValidationError as error:
                    found = error.message
                resolved[segments] = found
            if isinstance(found, str):
                self._issue(draft, col.UNIT, found)
            else:
                draft.unit = found

    def _penilai_override(self, *, valid_only: bool) -> dict[str, str | None]:
        """Return the penilai that rows of the file give their NIP, replacing the database's.

        Without a NIP Penilai column nobody's penilai changes, so the result is empty.
        """
        if not self.table.has(col.PENILAI):
            return {}
        return {
            nip: draft.penilai if draft.penilai_ok else None
            for nip, draft in self.file_rows.items()
            if draft.valid or not valid_only
        }

    def _check_cycles(self, override: dict[str, str | None], *, stored: bool = False) -> None:
        """Report each row of ``override`` that lies on a loop of penilai.

        Args:
            override: The penilai given by the rows taken into account.
            stored: The rows are those that would be written; say why others do not count.
        """

        def penilai_of(key: Hashable) -> Hashable | None:
            """Walk people by NIP, or by database id for people the file does not mention."""
            if isinstance(key, str):
                if key in override:
                    return override[key]
                found = self.existing.get(key)
                penilai_id: int | None = found.penilai_id if found is not None else None
            else:
                penilai_id = self._db_penilai.get(key) if isinstance(key, int) else None
            if penilai_id is None:
                return None
            return self.id_to_nip.get(penilai_id, penilai_id)

        on_cycle = _nodes_on_cycles(list(override), penilai_of)
        for draft in self.drafts:
            nip = draft.nip
            if nip is None or nip not in on_cycle or nip not in override:
                continue
            chain = supervisor_cycle(nip, penilai_of(nip), penilai_of)
            shown = " → ".join(self._person_label(key) for key in chain or [nip])
            message = f"Rantai penilai berputar: {shown}. Ganti NIP Penilai salah satu dari mereka."
            if stored:
                message += (
                    " Baris yang tidak valid tidak diimpor, jadi Pejabat Penilai orang itu tetap "
                    "seperti di basis data."
                )
            self._issue(draft, col.PENILAI, message)

    def _person_label(self, key: Hashable) -> str:
        if isinstance(key, str) and key in self.file_rows:
            draft = self.file_rows[key]
            return f"{draft.name_text or key} (baris {draft.line})"
        if isinstance(key, str) and key in self.existing:
            return self.existing[key].name
        row = repo.find_employee(self.session, key) if isinstance(key, int) else None
        return row.name if row is not None else str(key)

    def _block_dependents(self) -> None:
        """Mark invalid each row whose penilai is a row of the file that cannot be imported."""
        dependents: dict[str, list[Draft]] = defaultdict(list)
        for draft in self.drafts:
            if draft.penilai:
                dependents[draft.penilai].append(draft)
        blocked = [d.nip for d in self.drafts if d.nip and not d.valid]
        blocked.extend(self._duplicates)
        seen = set(blocked)
        while blocked:
            nip = blocked.pop()
            lines = self._duplicates.get(nip) or [self.file_rows[nip].line]
            for draft in dependents.get(nip, []):
                if not draft.valid:
                    continue
                listed = ", ".join(str(line) for line in lines)
                self._issue(
                    draft,
                    col.PENILAI,
                    f"Pejabat Penilai (NIP {nip}, baris {listed}) tidak dapat diimpor, jadi baris "
                    "ini juga tidak. Perbaiki baris Pejabat Penilai itu dahulu.",
                )
                if draft.nip and draft.nip not in seen:
                    seen.add(draft.nip)
                    blocked.append(draft.nip)


def _nodes_on_cycles(
    starts: Iterable[Hashable], penilai_of: Callable[[Hashable], Hashable | None]
) -> set[Hashable]:
    """Return every node that lies on a supervisor loop reachable from ``starts``.

    Each node is walked once, so this stays linear however deep the chains are.
    """
    done: set[Hashable] = set()
    on_cycle: set[Hashable] = set()
    for start in starts:
        path: list[Hashable] = []
        position: dict[Hashable, int] = {}
        current: Hashable | None = start
        while current is not None and current not in done:
            if current in position:
                on_cycle.update(path[position[current] :])
                break
            position[current] = len(path)
            path.append(current)
            current = penilai_of(current)
        done.update(path)
    return on_cycle
