"""Many sealed records read at once give exactly the content (and label) of one-record reads."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from kinerja_desktop.data.repositories import seal_chain, seal_contents
from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.platform import seals

TODAY = date(2026, 11, 28)


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    with services.database.transaction() as session:
        skp_id = session.execute(text("SELECT min(id) FROM skps")).scalar_one()
        # A signatory of an SKP whose id is written with a leading zero names no SKP: the
        # one-record read (a prefix "skp:<id>:") does not take it either.
        session.execute(
            text(
                "INSERT INTO signatories (record, taken_on, content) "
                "VALUES (:record, '2026-01-02', '[]')"
            ),
            {"record": f"skp:0{skp_id}:1"},
        )
        # Two agreed versions whose signatories were written out of revision order: both
        # reads list them in the table's order.
        for revision in (2, 1):
            session.execute(
                text(
                    "INSERT INTO signatories (record, taken_on, content) "
                    "VALUES (:record, '2026-01-03', :content)"
                ),
                {"record": f"skp:{skp_id}:{revision}", "content": f'["revisi {revision}"]'},
            )
        rated, code = session.execute(
            text("SELECT skp_id, period_code FROM result_ratings ORDER BY id LIMIT 1")
        ).one()
        session.execute(
            text(
                "INSERT INTO signatories (record, taken_on, content) "
                "VALUES (:record, '2026-04-02', '[]')"
            ),
            {"record": f"evaluasi:{rated}:{code}"},
        )
    return services


def test_skp_contents_are_the_one_record_contents(office: AppServices) -> None:
    with office.database.reading() as session:
        ids = list(session.execute(text("SELECT id FROM skps ORDER BY id")).scalars())
        for version in (1, 2, 3):
            bulk = seal_contents.skp_contents(session, [*ids, 999_999], version)
            assert sorted(bulk) == ids  # a missing SKP is left out
            for skp_id in ids:
                assert bulk[skp_id] == seal_chain.skp_content(session, skp_id, version)
            assert any(content["rhks"] for content in bulk.values())
        # Batch by batch with the signatories' records read once, as the seals read them.
        records = seal_contents.skp_signatory_records(session)
        for start in range(0, len(ids), 3):
            batch = ids[start : start + 3]
            bulk = seal_contents.skp_contents(session, batch, signatory_records=records)
            assert bulk == {skp_id: seal_chain.skp_content(session, skp_id) for skp_id in batch}
        first = seal_contents.skp_contents(session, ids[:1])[ids[0]]
        assert [row["content"] for row in first["signatories"]] == ['["revisi 2"]', '["revisi 1"]']


def test_evaluation_contents_are_the_one_record_contents(office: AppServices) -> None:
    with office.database.reading() as session:
        pairs = [
            (skp_id, code)
            for skp_id, code in session.execute(
                text("SELECT DISTINCT skp_id, period_code FROM result_ratings")
            )
        ]
        pairs += seal_chain.sealed_evaluations(session)
        ids = session.execute(text("SELECT id FROM skps ORDER BY id LIMIT 3")).scalars()
        pairs += [(skp_id, "TW4") for skp_id in ids]  # nothing written for that period
        for version in (1, 2, 3):
            bulk = seal_contents.evaluation_contents(session, pairs, version)
            assert set(bulk) == set(pairs)
            for skp_id, code in pairs:
                single = seal_chain.evaluation_content(session, skp_id, code, version)
                assert bulk[(skp_id, code)] == single, (skp_id, code, version)
            assert any(content["realisations"] for content in bulk.values())
            if version >= 2:
                assert any(content["signatories"] for content in bulk.values())


def test_the_labels_of_many_are_the_labels_of_one(office: AppServices) -> None:
    with office.database.reading() as session:
        pairs = list(
            session.execute(text("SELECT DISTINCT skp_id, period_code FROM result_ratings"))
        )
        ids = list(session.execute(text("SELECT id FROM skps ORDER BY id")).scalars())
        records = [(f"skp:{skp_id}", skp_id, None) for skp_id in ids]
        records += [(f"evaluasi:{skp_id}:{code}", skp_id, code) for skp_id, code in pairs]
        known = seals._Known.read(session, records, seal_contents.skp_signatory_records(session))
        for _, skp_id, code in records:
            row = seals._existing_skp(session, skp_id)
            expected = (
                seals._evaluation_label(session, row, code)
                if code
                else seals._skp_label(session, row)
            )
            assert known.label(skp_id, code) == expected
            digest = (
                seals._evaluation_digest(session, skp_id, code)
                if code
                else seals._skp_digest(session, skp_id)
            )
            assert known.digest(skp_id, code) == digest
        assert pairs
