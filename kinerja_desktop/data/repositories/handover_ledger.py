"""The hand-over ledgers: numbered packages sent per scope, and packages received.

The caller's Session; never a commit. Values out are frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    Column,
    MetaData,
    String,
    Table,
    Text,
    and_,
    delete,
    exists,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session

from kinerja_desktop.data.handover_ledger_models import (
    ReceivedPackageRow,
    SentRecordRow,
    SentScopeRow,
)


@dataclass(frozen=True)
class SentScope:
    id: int
    last_sequence: int


@dataclass(frozen=True)
class NewReceipt:
    """What to keep of a package just taken."""

    sender_fingerprint: str
    scope_key: str
    sequence: int | None
    since: int | None
    package_sha256: str
    file_name: str
    received_at: datetime
    added: int
    replaced: int
    kept: int
    identical: int
    undecided: int
    outcome: str


@dataclass(frozen=True)
class Receipt(NewReceipt):
    """A package this installation took, as the ledger keeps it: what was kept, and its row."""

    id: int


# --- sent -------------------------------------------------------------------------------------


def sent_scope(session: Session, scope_key: str) -> SentScope | None:
    row = session.execute(
        select(SentScopeRow.id, SentScopeRow.last_sequence).where(
            SentScopeRow.scope_key == scope_key
        )
    ).first()
    return None if row is None else SentScope(row.id, row.last_sequence)


def sent_rows(session: Session, scope_id: int) -> Iterator[tuple[str, str, str]]:
    """(kind, key, digest) of every record in the scope's ledger, streamed (not held whole)."""
    statement = select(SentRecordRow.kind, SentRecordRow.key, SentRecordRow.digest).where(
        SentRecordRow.scope_id == scope_id
    )
    rows = session.execute(statement.execution_options(yield_per=5000))
    yield from ((kind, key, digest) for kind, key, digest in rows)


#: The digests of the package being noted, staged for comparing in SQL (this transaction only).
_INCOMING = Table(
    "handover_sent_incoming",
    MetaData(),
    Column("kind", String(32), primary_key=True),
    Column("key", Text, primary_key=True),
    Column("digest", String(64), nullable=False),
    prefixes=["TEMPORARY"],
)
_STAGE_BATCH = 5000


def record_sent(
    session: Session,
    scope_key: str,
    sequence: int,
    exported_at: datetime,
    digests: Iterable[tuple[str, str, str]],
) -> None:
    """Note package ``sequence`` of the scope and make its ledger exactly ``digests``.

    ``digests`` gives (kind, key, digest) of every record of the scope, each key once. They
    are staged in a temporary table a batch at a time and compared with the ledger there,
    so a large office's ledger is never held in memory (a 20,000-person office has some
    300,000 records). Only the differences are written: records new since the last package
    are inserted, changed ones updated, records no longer in the scope deleted. The
    temporary table goes with the transaction if it fails (DDL is transactional on SQLite
    and PostgreSQL) and is dropped when it does not.
    """
    scope = sent_scope(session, scope_key)
    if scope is None:
        scope_id = session.execute(
            insert(SentScopeRow)
            .values(scope_key=scope_key, last_sequence=sequence, last_exported_at=exported_at)
            .returning(SentScopeRow.id)
        ).scalar_one()
    else:
        scope_id = scope.id
        session.execute(
            update(SentScopeRow)
            .where(SentScopeRow.id == scope_id)
            .values(last_sequence=sequence, last_exported_at=exported_at)
        )
    connection = session.connection()
    _INCOMING.create(connection)
    batch: list[dict[str, str]] = []
    for kind, key, digest in digests:
        batch.append({"kind": kind, "key": key, "digest": digest})
        if len(batch) == _STAGE_BATCH:
            connection.execute(insert(_INCOMING), batch)
            batch = []
    if batch:
        connection.execute(insert(_INCOMING), batch)
    ours, theirs = SentRecordRow.__table__, _INCOMING
    assert isinstance(ours, Table)  # a mapped class's table (typed as any FromClause)
    same = and_(theirs.c.kind == ours.c.kind, theirs.c.key == ours.c.key)
    connection.execute(delete(ours).where(ours.c.scope_id == scope_id, ~exists().where(same)))
    connection.execute(
        update(ours)
        .where(ours.c.scope_id == scope_id, exists().where(same, theirs.c.digest != ours.c.digest))
        .values(digest=select(theirs.c.digest).where(same).scalar_subquery())
    )
    known = select(ours.c.key).where(
        ours.c.scope_id == scope_id, ours.c.kind == theirs.c.kind, ours.c.key == theirs.c.key
    )
    connection.execute(
        insert(ours).from_select(
            ["scope_id", "kind", "key", "digest"],
            select(literal(scope_id), theirs.c.kind, theirs.c.key, theirs.c.digest).where(
                ~known.exists()
            ),
        )
    )
    _INCOMING.drop(connection)


# --- received ---------------------------------------------------------------------------------


def _receipt(row: ReceivedPackageRow) -> Receipt:
    return Receipt(
        id=row.id,
        sender_fingerprint=row.sender_fingerprint,
        scope_key=row.scope_key,
        sequence=row.sequence,
        since=row.since,
        package_sha256=row.package_sha256,
        file_name=row.file_name,
        received_at=row.received_at,
        added=row.added,
        replaced=row.replaced,
        kept=row.kept,
        identical=row.identical,
        undecided=row.undecided,
        outcome=row.outcome,
    )


def receipt_of(session: Session, package_sha256: str) -> Receipt | None:
    """The receipt of the package with this SHA-256, if it was taken."""
    row = session.scalars(
        select(ReceivedPackageRow).where(ReceivedPackageRow.package_sha256 == package_sha256)
    ).first()
    return None if row is None else _receipt(row)


def last_received(session: Session, sender_fingerprint: str, scope_key: str) -> int | None:
    """The highest number taken from this sender in this scope; None when none was."""
    value = session.execute(
        select(func.max(ReceivedPackageRow.sequence)).where(
            ReceivedPackageRow.sender_fingerprint == sender_fingerprint,
            ReceivedPackageRow.scope_key == scope_key,
        )
    ).scalar_one()
    return None if value is None else int(value)


def add_receipt(session: Session, receipt: NewReceipt) -> int:
    """Keep a package just taken; return its id."""
    return int(
        session.execute(
            insert(ReceivedPackageRow).values(**receipt.__dict__).returning(ReceivedPackageRow.id)
        ).scalar_one()
    )


def settle_receipt(
    session: Session,
    receipt_id: int,
    *,
    outcome: str,
    undecided: int,
    received_at: datetime,
) -> None:
    """A package taken again in the app to decide what was left: its new outcome."""
    session.execute(
        update(ReceivedPackageRow)
        .where(ReceivedPackageRow.id == receipt_id)
        .values(outcome=outcome, undecided=undecided, received_at=received_at)
    )


def receipts(session: Session) -> list[Receipt]:
    """Every package taken, newest first."""
    rows = session.scalars(
        select(ReceivedPackageRow).order_by(
            ReceivedPackageRow.received_at.desc(), ReceivedPackageRow.id.desc()
        )
    )
    return [_receipt(row) for row in rows]
