"""Ten processes appraise at once on one PostgreSQL server database.

Eight appraise eight different people and two the same person, 800 actions in all, through
the app's services (a new journal observation, a realisation of the period): nothing a worker
was told was saved may be missing, nothing it was told was refused may be there, every refusal
is the app's conflict message (never a raw server error), the workers on people of their own
are (almost) never refused, and the seal check is clean after. Skipped with the reason where
PostgreSQL cannot start here.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from pathlib import Path

import pytest
from appraisal_workers import CONFLICT, OK, PERIOD, TODAY, Outcome, Plan, appraise
from sqlalchemy import URL, create_engine, text

from kinerja_desktop.data.database import CONFLICT_MESSAGE
from kinerja_desktop.demo import write_demo
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import open_services
from kinerja_desktop.services.platform.seals import SealService

pytestmark = pytest.mark.slow

#: Workers on a person of their own, and workers sharing one person.
APART = 8
TOGETHER = 2
#: Actions per worker: 10 x 80 = 800 in all, half of them realisations.
ACTIONS = 80
#: At most this share of the workers' actions on people of their own may be refused: they
#: write different rows, so on PostgreSQL's SERIALIZABLE only a rare false positive (and its
#: one retry failing too) may refuse one.
APART_REFUSED = 0.02


def _plans(url: str) -> list[Plan]:
    """One agreed quantitative SKP per worker; the pair shares one, each its half of the IKIs."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            skps = connection.execute(
                text(
                    "SELECT s.employee_id, array_agg(i.id ORDER BY i.id) FROM skps s "
                    "JOIN rhks r ON r.skp_id = s.id JOIN ikis i ON i.rhk_id = r.id "
                    "WHERE s.status = 'DISEPAKATI' AND s.pendekatan = 'KUANTITATIF' "
                    "GROUP BY s.id, s.employee_id ORDER BY s.id LIMIT :n"
                ),
                {"n": APART + 1},
            ).all()
    finally:
        engine.dispose()
    plans = [Plan(w, person, tuple(ikis), ACTIONS) for w, (person, ikis) in enumerate(skps[:APART])]
    shared_person, shared_ikis = skps[APART]
    plans += [
        Plan(APART + half, shared_person, tuple(shared_ikis[half::TOGETHER]), ACTIONS)
        for half in range(TOGETHER)
    ]
    return plans


def _stored(url: str) -> tuple[set[str], dict[int, str]]:
    """The test's observations (their texts) and the period's realisations (by IKI)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            texts = set(
                connection.execute(
                    text("SELECT text FROM observations WHERE text LIKE 'Uji serentak%'")
                ).scalars()
            )
            figures = {
                iki_id: value
                for iki_id, value in connection.execute(
                    text("SELECT iki_id, value FROM realisations WHERE period_code = :p"),
                    {"p": PERIOD},
                )
            }
    finally:
        engine.dispose()
    return texts, figures


def test_ten_appraisers_at_once_lose_nothing(server_url: URL, tmp_path: Path) -> None:
    url = server_url.render_as_string(hide_password=False)
    local = tmp_path / "kantor.sqlite"
    office = open_services(local, server=url, today=lambda: TODAY)
    try:
        write_demo(office.database, today=TODAY)
    finally:
        office.close()
    plans = _plans(url)

    with multiprocessing.get_context("spawn").Pool(len(plans)) as pool:
        results = pool.starmap(appraise, [(url, str(local), plan) for plan in plans])
    outcomes = [outcome for worker in results for outcome in worker]

    kinds = Counter(outcome.kind for outcome in outcomes)
    assert set(kinds) <= {OK, CONFLICT}, [o for o in outcomes if o.kind not in (OK, CONFLICT)][:5]
    assert {o.message for o in outcomes if o.kind == CONFLICT} <= {CONFLICT_MESSAGE}
    assert len(outcomes) == (APART + TOGETHER) * ACTIONS
    for worker in results:
        assert any(outcome.kind == OK for outcome in worker), worker[0].worker
    apart = [o for o in outcomes if o.worker < APART]
    refused = Counter(o.action for o in apart if o.kind == CONFLICT)
    assert sum(refused.values()) <= APART_REFUSED * len(apart), refused
    texts, figures = _stored(url)
    journal = [o for o in outcomes if o.action == "journal"]
    assert texts == {o.written for o in journal if o.kind == OK}
    last_saved: dict[int, Outcome] = {}
    for outcome in outcomes:  # each worker's own IKIs, in the order it wrote them
        if outcome.action == "realisation" and outcome.kind == OK and outcome.iki_id is not None:
            last_saved[outcome.iki_id] = outcome
    assert figures == {iki: outcome.written for iki, outcome in last_saved.items()}

    office = open_services(local, server=url, create=False, today=lambda: TODAY)
    try:
        report = SealService(office.database, AccessGuard.system(office.database)).verify()
    finally:
        office.close()
    assert report.healthy, report.lines
