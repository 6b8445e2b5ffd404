"""One read transaction for a whole form: the services, bound to a single open session.

A form gathers what several services return (SKP, evaluation, behaviour, dialogue, plan). Each
of them opens its own transaction; bound to :class:`SessionDatabase` they all read inside the
one the printing service opened, so a form never mixes two states of the records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import chunk_reads
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.development.competence import CompetenceService
from kinerja_desktop.services.development.service import DevelopmentService
from kinerja_desktop.services.evaluation import EvaluationService
from kinerja_desktop.services.evaluation.behaviour import BehaviourService
from kinerja_desktop.services.evaluation.dialogue import DialogueService
from kinerja_desktop.services.evaluation.distribution import DistributionService
from kinerja_desktop.services.evaluation.journal import JournalService
from kinerja_desktop.services.platform.evidence_store import evidence_folder
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.skp.service import SkpService
from kinerja_desktop.services.staff.service import StaffService
from kinerja_desktop.services.supervision.surveys import SurveyService


class SessionDatabase(Database):
    """A :class:`Database` whose reads all happen in one session that is already open."""

    def __init__(self, database: Database, session: Session) -> None:
        super().__init__(database.path, database.engine)
        self._bound = session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        yield self._bound

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        raise RuntimeError("printing only reads")
        yield self._bound  # pragma: no cover - keeps this a generator


class Sources:
    """The services a form reads from, all inside the same read transaction."""

    def __init__(self, database: Database, session: Session) -> None:
        bound = SessionDatabase(database, session)
        # The printing service checked the account's right to the form before this read; its
        # parts (who signs, the unit tree, the appraisers) are read in full, as the system.
        system = AccessGuard.system(bound)
        self.session = session
        # The services look rows up by id many times per form; the read keeps what it loaded.
        chunk_reads.keep_loaded_rows(session)
        #: What several forms built in this read share (the unit tree), read once.
        self.memo: dict[str, object] = {}
        self.staff = StaffService(bound, system)
        self.skp = SkpService(bound, system)
        # Evidence files are not read for printing; the folder is never touched.
        evidence = evidence_folder(Path(database.path))
        self.evaluation = EvaluationService(bound, evidence, system)
        self.behaviour = BehaviourService(bound, system)
        self.dialogue = DialogueService(bound, system)
        self.distribution = DistributionService(bound, system)
        self.competence = CompetenceService(bound, system)
        self.development = DevelopmentService(
            bound, system, JournalService(bound, evidence, system)
        )
        self.surveys = SurveyService(bound, system)

    def preload(self, requests: Sequence[PrintRequest]) -> None:
        """Read at once what the forms of ``requests`` would look up one row at a time.

        A chunk's further per-chunk reads belong here too (one statement for all its people).
        """
        people = [r.employee_id for r in requests if r.employee_id is not None]
        # The codes as the services match them (``pick_period``); another code only misses.
        codes = {r.period_code.strip().upper() for r in requests if r.period_code}
        chunk_reads.preload_chunk(self.session, people, {r.year for r in requests}, codes)
