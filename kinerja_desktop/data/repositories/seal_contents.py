"""The stored content of many sealed records at once, as `seal_chain.skp_content` gives one.

A hand-over import writes thousands of SKPs and evaluations and then logs their seals; reading
each one's rows with a dozen queries of its own was most of the import's time. Here each table
is read once for a batch of SKPs, ordered by id as the one-record reads are, and grouped by
record, so every content (and so its digest) is exactly what `seal_chain.skp_content` and
`seal_chain.evaluation_content` give. The caller's Session; never a commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import (
    BehaviourFeedbackRow,
    BehaviourRatingRow,
    DialogueRow,
    PredikatRow,
)
from kinerja_desktop.data.models import EmployeeRow
from kinerja_desktop.data.repositories.seal_chain import _BOOKKEEPING, _value
from kinerja_desktop.data.schema import Base
from kinerja_desktop.data.seal_chain_models import SignatoryRow
from kinerja_desktop.data.skp_models import (
    EvaluationNoteRow,
    EvidenceRow,
    IkiRow,
    RealisationRow,
    ResultRatingRow,
    RhkFeedbackRow,
    RhkRow,
    SkpExpectationRow,
    SkpLampiranRow,
    SkpRow,
    SkpVersionRow,
)
from kinerja_desktop.domain.seal_chain import DIGEST_VERSION

Content = dict[str, Any]


@dataclass(frozen=True)
class SkpHolder:
    """Whose an SKP is, for a seal's label: its year and the person (None when gone)."""

    year: int
    employee_id: int
    name: str | None
    gelar_depan: str
    gelar_belakang: str
    nip: str | None


#: Values in one ``IN (...)`` list.
_IN_BATCH = 500


def _keys(model: type[Base]) -> list[str]:
    return [
        column.key for column in model.__mapper__.column_attrs if column.key not in _BOOKKEEPING
    ]


def _contents(
    session: Session, model: type[Base], owner: Any, *conditions: Any, via: Sequence[Any] = ()
) -> Iterator[tuple[Any, Any, Content]]:
    """(owner, period code or None, content) of each matching row, by the model's id.

    ``owner`` is the column naming the SKP; ``via`` the (table, on) joins that reach it.
    """
    keys = _keys(model)
    period = getattr(model, "period_code", None)
    columns = [getattr(model, key) for key in keys]
    query = select(owner, *columns).select_from(model)
    for target, on in via:
        query = query.join(target, on)
    query = query.where(*conditions).order_by(model.id)  # type: ignore[attr-defined]
    code_at = keys.index("period_code") if period is not None else None
    for owner_id, *values in session.execute(query):
        content = {key: _value(value) for key, value in zip(keys, values, strict=True)}
        yield owner_id, None if code_at is None else values[code_at], content


def skp_signatory_records(session: Session) -> dict[int, list[str]]:
    """SKP id -> the records of its agreed versions' signatories ("skp:<id>:<revision>").

    Read once for many batches of :func:`skp_contents`: a record names its SKP only inside
    its text, so no query can pick one batch's out of the whole table by an index.
    """
    found: dict[int, list[str]] = {}
    for (record,) in session.execute(
        select(SignatoryRow.record).where(SignatoryRow.record.like("skp:%"))
    ):
        # "skp:<id>:<revision>", as the one-record read matches it.
        kind, _, rest = record.partition(":")
        number, colon, _ = rest.partition(":")
        # The colon keeps SKP 1 from taking SKP 12's, and "01" names no SKP.
        if kind == "skp" and colon and number.isdigit() and str(int(number)) == number:
            found.setdefault(int(number), []).append(record)
    return found


def _signatories(session: Session, records: Sequence[str]) -> list[tuple[str, Content]]:
    """(record, content) of the signatories of ``records``, in the table's order (by id)."""
    found: list[tuple[str, Content]] = []
    for start in range(0, len(records), _IN_BATCH):
        wanted = SignatoryRow.record.in_(records[start : start + _IN_BATCH])
        found += [
            (record, row)
            for record, _, row in _contents(session, SignatoryRow, SignatoryRow.record, wanted)
        ]
    return sorted(found, key=lambda found_row: int(found_row[1]["id"]))


def skp_contents(
    session: Session,
    skp_ids: Iterable[int],
    version: int = DIGEST_VERSION,
    signatory_records: Mapping[int, Sequence[str]] | None = None,
) -> dict[int, Content]:
    """`seal_chain.skp_content` of each SKP (one that does not exist is left out).

    ``signatory_records`` is :func:`skp_signatory_records`, read here when not given.
    """
    batch = sorted(set(skp_ids))
    found: dict[int, Content] = {}
    for skp_id, _, row in _contents(session, SkpRow, SkpRow.id, SkpRow.id.in_(batch)):
        content: Content = {
            "skp": row,
            "rhks": [],
            "ikis": [],
            "lampiran": [],
            "expectations": [],
        }
        if version >= 2:
            content |= {"versions": [], "signatories": []}
        found[skp_id] = content
    on_rhk = ((RhkRow, IkiRow.rhk_id == RhkRow.id),)
    parts: list[tuple[str, type[Base], Any, Sequence[Any]]] = [
        ("rhks", RhkRow, RhkRow.skp_id, ()),
        ("ikis", IkiRow, RhkRow.skp_id, on_rhk),
        ("lampiran", SkpLampiranRow, SkpLampiranRow.skp_id, ()),
        ("expectations", SkpExpectationRow, SkpExpectationRow.skp_id, ()),
    ]
    if version >= 2:
        parts.append(("versions", SkpVersionRow, SkpVersionRow.skp_id, ()))
    for name, model, owner, via in parts:
        for skp_id, _, row in _contents(session, model, owner, owner.in_(batch), via=via):
            found[skp_id][name].append(row)
    if version >= 2:
        if signatory_records is None:
            signatory_records = skp_signatory_records(session)
        owner = {record: skp_id for skp_id in found for record in signatory_records.get(skp_id, ())}
        for record, row in _signatories(session, list(owner)):
            found[owner[record]]["signatories"].append(row)
    return found


def evaluation_contents(
    session: Session, wanted: Iterable[tuple[int, str]], version: int = DIGEST_VERSION
) -> dict[tuple[int, str], Content]:
    """`seal_chain.evaluation_content` of each (SKP id, period code)."""
    pairs = set(wanted)
    batch = sorted({skp_id for skp_id, _ in pairs})
    names = [
        "realisations",
        "evidence",
        "rhk_feedback",
        "result_rating",
        "behaviour_feedback",
        "behaviour_rating",
        "predikat",
    ]
    if version >= 2:
        names += ["signatories", "dialogue"]
    if version >= 3:
        names.append("notes")
    found: dict[tuple[int, str], Content] = {pair: {name: [] for name in names} for pair in pairs}
    on_iki = ((IkiRow, IkiRow.id == RealisationRow.iki_id), (RhkRow, IkiRow.rhk_id == RhkRow.id))
    on_evidence = ((IkiRow, IkiRow.id == EvidenceRow.iki_id), (RhkRow, IkiRow.rhk_id == RhkRow.id))
    on_feedback = ((RhkRow, RhkFeedbackRow.rhk_id == RhkRow.id),)
    parts: list[tuple[str, type[Base], Any, Sequence[Any]]] = [
        ("realisations", RealisationRow, RhkRow.skp_id, on_iki),
        ("evidence", EvidenceRow, RhkRow.skp_id, on_evidence),
        ("rhk_feedback", RhkFeedbackRow, RhkRow.skp_id, on_feedback),
        ("result_rating", ResultRatingRow, ResultRatingRow.skp_id, ()),
        ("behaviour_feedback", BehaviourFeedbackRow, BehaviourFeedbackRow.skp_id, ()),
        ("behaviour_rating", BehaviourRatingRow, BehaviourRatingRow.skp_id, ()),
        ("predikat", PredikatRow, PredikatRow.skp_id, ()),
    ]
    if version >= 2:
        parts.append(("dialogue", DialogueRow, DialogueRow.skp_id, ()))
    if version >= 3:
        parts.append(("notes", EvaluationNoteRow, EvaluationNoteRow.skp_id, ()))
    for name, model, owner, via in parts:
        for skp_id, code, row in _contents(session, model, owner, owner.in_(batch), via=via):
            if (skp_id, code) in found:
                found[(skp_id, code)][name].append(row)
    if version >= 2:
        # Exactly "evaluasi:<id>:<period>", as the one-record read compares it.
        named = {f"evaluasi:{skp_id}:{code}": (skp_id, code) for skp_id, code in found}
        for record, row in _signatories(session, sorted(named)):
            found[named[record]]["signatories"].append(row)
    return found


def skp_holders(session: Session, skp_ids: Iterable[int]) -> dict[int, SkpHolder]:
    """Each SKP's year and person (name and NIP), for the labels of its seals."""
    batch = sorted(set(skp_ids))
    query = (
        select(
            SkpRow.id,
            SkpRow.year,
            SkpRow.employee_id,
            EmployeeRow.name,
            EmployeeRow.gelar_depan,
            EmployeeRow.gelar_belakang,
            EmployeeRow.nip,
        )
        .outerjoin(EmployeeRow, EmployeeRow.id == SkpRow.employee_id)
        .where(SkpRow.id.in_(batch))
    )
    return {
        skp_id: SkpHolder(year, employee_id, name, depan or "", belakang or "", nip)
        for skp_id, year, employee_id, name, depan, belakang, nip in session.execute(query)
    }
