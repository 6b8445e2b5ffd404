"""One appraiser's process for the concurrency test (``test_concurrent_appraisal.py``).

Spawned processes import this module by name (the tests folder is on their path), so it holds
only what a worker needs: it opens the office on the server through the app's services, runs
its planned actions one after the other and reports how each ended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kinerja_desktop.data.database import WriteConflictError
from kinerja_desktop.domain.behaviour import ObservationSign
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.app_services import AppServices, open_services

#: The day the workers take as today, and the day their observations are dated.
TODAY = date(2026, 11, 28)
OBSERVED_ON = date(2026, 11, 2)
#: The period whose realisations they record (open: it has not ended, nobody signed it).
PERIOD = "TW4"

OK = "ok"
CONFLICT = "conflict"


@dataclass(frozen=True)
class Plan:
    """What one worker does: ``actions`` steps, observations of its person and realisations
    of its indicators in turn."""

    worker: int
    employee_id: int
    iki_ids: tuple[int, ...]
    actions: int


@dataclass(frozen=True)
class Outcome:
    """How one action ended: ``kind`` is ``ok``, ``conflict`` or what else was raised."""

    worker: int
    step: int
    #: ``journal`` (a new observation) or ``realisation`` of ``iki_id``.
    action: str
    iki_id: int | None
    #: The observation's text, or the realisation's figure.
    written: str
    kind: str
    message: str


def observation_text(worker: int, step: int) -> str:
    return f"Uji serentak pekerja {worker} langkah {step}"


def appraise(server: str, local_path: str, plan: Plan) -> list[Outcome]:
    """Run ``plan`` against the office at ``server``; every failure is reported, not raised."""
    services = open_services(Path(local_path), server=server, today=lambda: TODAY)
    outcomes = []
    try:
        for step in range(plan.actions):
            outcomes.append(_act(services, plan, step))
    finally:
        services.close()
    return outcomes


def _act(services: AppServices, plan: Plan, step: int) -> Outcome:
    # Observations and realisations in turn, the two actions a supervisor repeats most.
    if step % 2 == 0:
        action, iki_id, written = "journal", None, observation_text(plan.worker, step)
    else:
        action, iki_id, written = "realisation", plan.iki_ids[step % len(plan.iki_ids)], str(step)
    try:
        if iki_id is None:
            services.journal.record(
                plan.employee_id,
                OBSERVED_ON,
                BehaviourValue.KOLABORATIF,
                ObservationSign.POSITIF,
                written,
                today=TODAY,
            )
        else:
            services.evaluation.record_realisation(iki_id, PERIOD, written)
    except WriteConflictError as conflict:
        return Outcome(plan.worker, step, action, iki_id, written, CONFLICT, conflict.message)
    except DomainError as refused:
        kind = type(refused).__name__
        return Outcome(plan.worker, step, action, iki_id, written, kind, refused.message)
    except Exception as error:  # any other failure is what the test looks for
        return Outcome(
            plan.worker, step, action, iki_id, written, type(error).__name__, repr(error)
        )
    return Outcome(plan.worker, step, action, iki_id, written, OK, "")
