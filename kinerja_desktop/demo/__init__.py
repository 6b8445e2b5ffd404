"""The demo office: a realistic, deterministic staff register for trying the app and for benchmarks.

The default office is Kecamatan Kertapati and Puskesmas Kertapati under the Pemerintah Kota
Palembang, about 40 people. Who appraises whom follows the usual pairs of an instansi daerah:

- The Camat is appraised from outside the office (by the Sekretaris Daerah for the Wali Kota), so
  he or she has no penilai here. The Sekretaris Kecamatan, the Kepala Seksi and the Lurah are
  appraised by the Camat, the Kepala Subbagian by the Sekretaris Kecamatan, and staff by their
  own head.
- The Kepala Puskesmas has **no penilai in this office either**: a puskesmas is a UPTD of the
  Dinas Kesehatan, so its head is appraised by the Kepala Dinas Kesehatan, not by the Camat. The
  Kepala Subbagian Tata Usaha and the fungsional health staff are appraised by the Kepala
  Puskesmas; the Tata Usaha staff by the Kepala Subbagian Tata Usaha.

Larger offices repeat the pattern: more kecamatan (each with six kelurahan) and a puskesmas for
each, every supervisor appraising up to :data:`STAFF_CAP` people. For fewer people than the
default office, the first N of its ordered list are written (heads first), so the tree stays
valid for every N.

Everything is written in one transaction, by small steps (:data:`DEMO_STEPS`) that later
capabilities extend with their own demo data. The same seed and day always give the same
database content.

Modules: :mod:`.plan` (the plan as plain data), :mod:`.organisation` (units and positions),
:mod:`.careers` (the person in each position), :mod:`.office` (:func:`plan_office`),
:mod:`.steps` (the write steps), :mod:`.summary`, and the data tables :mod:`.jobs` and
:mod:`.names`.

After the register, :func:`~.officials_demo.write_outside_officials` records the sekretaris
daerah, the kepala dinas kesehatan and the wali kota (the camat's atasan, a pejabat negara
without NIP) as the heads' appraisers outside the register; then
:func:`~.skp_demo.write_skps` (:mod:`.skp_demo`, texts in
:mod:`.skp_texts`) gives every active person an SKP for the year, agreed in January and
cascaded from the heads down, with its realisation and feedback for the periods ended so far.
Then :func:`~.behaviour_demo.write_behaviour` (:mod:`.behaviour_demo`, texts in
:mod:`.behaviour_texts`) adds the behaviour journal, both ratings, the predikat, one repeated weak
spot, one keberatan, self-assessments and the units' organisation predikat for those periods.
Then :func:`~.development_demo.write_development` adds job standards, competence ratings with
gaps and development plans in every status, and :func:`~.progress_demo.write_progress` three
weeks of daily progress for the kasi's staff in all four statuses.

The package sits beside the layers, as a client: it writes through services and data (and
reads domain), and only the command line (``demo``, ``--self-check``) and the GUI's first start
(``ui/application.py``) import it; ``tests/test_layers.py`` holds both.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.data.repositories import staff_bulk
from kinerja_desktop.demo.accounts_demo import write_accounts
from kinerja_desktop.demo.behaviour_demo import write_behaviour
from kinerja_desktop.demo.development_demo import write_development
from kinerja_desktop.demo.office import plan_office
from kinerja_desktop.demo.officials_demo import write_outside_officials
from kinerja_desktop.demo.plan import (
    DEFAULT_EMPLOYEES,
    MAX_EMPLOYEES,
    MIN_EMPLOYEES,
    RETIREMENT_AGE,
    STAFF_CAP,
    ActingPlan,
    OfficePlan,
    PersonPlan,
    UnitPlan,
)
from kinerja_desktop.demo.progress_demo import write_progress
from kinerja_desktop.demo.skp_demo import write_skps
from kinerja_desktop.demo.steps import DEMO_STEPS, DemoContext, DemoStep
from kinerja_desktop.demo.summary import DemoSummary, summary
from kinerja_desktop.demo.supervision_demo import write_supervision
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.platform.seals import seal_unlogged_in

DEMO_STEPS.append(write_outside_officials)
DEMO_STEPS.append(write_skps)
DEMO_STEPS.append(write_behaviour)
DEMO_STEPS.append(write_development)
DEMO_STEPS.append(write_supervision)
DEMO_STEPS.append(write_progress)
DEMO_STEPS.append(write_accounts)


def write_demo(
    database: Database,
    *,
    employees: int = DEFAULT_EMPLOYEES,
    seed: int = 2026,
    today: date | None = None,
) -> DemoSummary:
    """Write the demo office into an empty staff register, in one transaction.

    Args:
        database: The open database.
        employees: How many people, 1 to 100,000 (40 is the default office).
        seed: Same seed and day, same database content.
        today: The day the demo is written for (ages, history, the Plt, the appraisal year);
            the real today when not given.

    Raises:
        ValidationError: The register already has people, or the arguments are out of range;
            nothing was written.
    """
    day = today or date.today()
    plan = plan_office(employees, seed=seed, today=day)
    with database.transaction() as session:
        _refuse_unless_empty(session, plan)
        ctx = DemoContext(
            session=session,
            plan=plan,
            seed=seed,
            today=day,
            stamp=datetime.combine(day, time(7, 30)),
        )
        # NOTE: DEMO_STEPS is read from this package at call time, so that a capability (or a
        # test) may replace or extend the package's list.
        for step in DEMO_STEPS:
            step(ctx)
        # The demo's agreed SKPs are sealed as if they had been agreed in the app.
        seal_unlogged_in(session)
        return summary(ctx)


def _refuse_unless_empty(session: Session, plan: OfficePlan) -> None:
    present = repo.count_employees(session, active_only=False)
    if present:
        raise ValidationError(
            f"Basis data ini sudah berisi {present} pegawai. Kantor contoh hanya ditulis ke "
            "basis data yang belum berisi pegawai; gunakan berkas basis data baru."
        )
    if staff_bulk.count_root_units(session, plan.instansi):
        raise ValidationError(
            f"Basis data ini sudah berisi instansi '{plan.instansi}'. Kantor contoh hanya "
            "ditulis ke basis data baru."
        )


__all__ = [
    "DEFAULT_EMPLOYEES",
    "DEMO_STEPS",
    "MAX_EMPLOYEES",
    "MIN_EMPLOYEES",
    "RETIREMENT_AGE",
    "STAFF_CAP",
    "ActingPlan",
    "DemoContext",
    "DemoStep",
    "DemoSummary",
    "OfficePlan",
    "PersonPlan",
    "UnitPlan",
    "plan_office",
    "write_demo",
]
