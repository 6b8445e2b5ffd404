"""The sent ledger is made exactly the digests given, compared in SQL, on SQLite and PostgreSQL.

``handover_ledger.record_sent`` stages the digests of a package's records in a temporary
table and writes only the differences: new records inserted, changed ones updated, records
gone from the scope deleted, the rest untouched; another scope's ledger is never touched.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy.exc import IntegrityError

from kinerja_desktop.data.repositories import handover_ledger as ledger
from kinerja_desktop.services.app_services import AppServices

WHEN = datetime(2026, 11, 28, 9, 0)
Digests = dict[tuple[str, str], str]


def _record(services: AppServices, scope: str, sequence: int, digests: Digests) -> None:
    rows = [(kind, key, digest) for (kind, key), digest in digests.items()]
    with services.database.transaction() as session:
        ledger.record_sent(session, scope, sequence, WHEN, rows)


def _ledger(services: AppServices, scope: str) -> tuple[int, Digests]:
    with services.database.reading() as session:
        found = ledger.sent_scope(session, scope)
        assert found is not None
        rows = ledger.sent_rows(session, found.id)
        return found.last_sequence, {(kind, key): digest for kind, key, digest in rows}


def _digests(count: int, version: str = "a") -> Digests:
    return {("employee", f'["{number:04d}"]'): f"{version}{number:063d}" for number in range(count)}


def test_the_ledger_becomes_exactly_the_digests_given(services: AppServices) -> None:
    first = _digests(12_000)  # over two staging batches
    _record(services, '{"unit":null,"year":null}', 1, first)
    assert _ledger(services, '{"unit":null,"year":null}') == (1, first)

    second = dict(list(first.items())[2:])  # two records gone
    second |= {key: "b" * 64 for key in list(second)[:3]}  # three changed
    second[("skp", '["0001",2026]')] = "c" * 64  # one new
    second[("unit", '["Kantor\\tA"]')] = "d" * 64  # a tab in a key, as JSON writes it
    _record(services, '{"unit":null,"year":null}', 2, second)
    assert _ledger(services, '{"unit":null,"year":null}') == (2, second)


def test_another_scopes_ledger_is_left_alone(services: AppServices) -> None:
    _record(services, '{"unit":null,"year":null}', 1, _digests(5))
    _record(services, '{"unit":null,"year":2026}', 1, _digests(3, "e"))
    _record(services, '{"unit":null,"year":2026}', 2, {})
    assert _ledger(services, '{"unit":null,"year":null}') == (1, _digests(5))
    assert _ledger(services, '{"unit":null,"year":2026}') == (2, {})


def test_a_key_given_twice_is_refused_and_nothing_is_noted(services: AppServices) -> None:
    _record(services, '{"unit":null,"year":null}', 1, _digests(3))
    rows = [("employee", '["0001"]', "f" * 64), ("employee", '["0001"]', "g" * 64)]
    with pytest.raises(IntegrityError), services.database.transaction() as session:
        ledger.record_sent(session, '{"unit":null,"year":null}', 2, WHEN, rows)
    assert _ledger(services, '{"unit":null,"year":null}') == (1, _digests(3))
    # The staging table went with the failed transaction: the next noting works.
    _record(services, '{"unit":null,"year":null}', 2, _digests(4))
    assert _ledger(services, '{"unit":null,"year":null}') == (2, _digests(4))
