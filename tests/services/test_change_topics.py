"""Every capability's write reports its topic; reads and refused writes report nothing.

One small office written through the real services; each row below is one user action.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.changes import Topic
from kinerja_desktop.domain.competence import standard_competences
from kinerja_desktop.domain.development import LearningPath
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.predikat import OrgPredikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, RhkKind, SkpDraft
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.domain.supervision.complaints import Channel, FeedbackFields, FeedbackKind
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.development.service import ItemInput
from kinerja_desktop.services.printing import PrintRequest
from kinerja_desktop.services.staff.service import StaffInput
from kinerja_desktop.services.supervision.feedback import FeedbackInput
from kinerja_desktop.services.supervision.surveys import ActionInput

YEAR = 2026
TODAY = date(YEAR, 4, 20)
S, K, E, J, D, V, G, P = (
    Topic.STAFF,
    Topic.SKP,
    Topic.EVALUATION,
    Topic.JOURNAL,
    Topic.DEVELOPMENT,
    Topic.SUPERVISION,
    Topic.SETTINGS,
    Topic.PRINTING,
)


@dataclass(frozen=True)
class Office:
    services: AppServices
    instansi_id: int
    unit_id: int
    head_id: int
    staff_id: int
    skp_id: int
    iki_id: int


def _person(services: AppServices, unit_id: int, nip: str, name: str, penilai: int | None) -> int:
    fields = StaffFields(nip, name, "PNS", "III/a", "Analis Kebijakan", "Pelaksana")
    return services.staff.create(
        StaffInput(fields, unit_id=unit_id, penilai_id=penilai, effective_date=date(2020, 1, 2))
    ).id


@pytest.fixture
def office(services: AppServices) -> Office:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    head = _person(services, unit.id, "198103042006042011", "Siti Rahmawati", None)
    staff = _person(services, unit.id, "199202282019032014", "Dewi Lestari", head)
    created = services.skp.create(staff, YEAR, Pendekatan.KUANTITATIF)
    iki = IkiDraft(indicator="Dokumen selesai", target="10", unit="Dokumen", aspek=Aspek.KUANTITAS)
    rhk = RhkDraft("Hasil kerja 1", RhkKind.UTAMA, (iki,), parent_text="Sasaran kecamatan")
    view = services.skp.save(created.id, created.version, SkpDraft(Pendekatan.KUANTITATIF, (rhk,)))
    view = services.skp.agree(view.id, view.version, date(YEAR, 1, 5))
    return Office(services, root.id, unit.id, head, staff, view.id, view.rhks[0].indicators[0].id)


def _complaint(office: Office) -> FeedbackInput:
    fields = FeedbackFields(
        kind=FeedbackKind.PENGADUAN,
        channel=Channel.TELEPON_WA,
        received_on=TODAY,
        text="Petugas loket tidak menjawab pertanyaan warga.",
    )
    return FeedbackInput(fields, unit_id=office.unit_id, employee_id=office.staff_id)


def _printed(office: Office) -> None:
    printing = office.services.printing
    request = PrintRequest(FormKind.SKP, YEAR, TODAY, employee_id=office.staff_id)
    printing.record(printing.prepare(request))


def _agreed_head_skp(office: Office) -> None:
    skp = office.services.skp
    created = skp.create(office.head_id, YEAR, Pendekatan.KUANTITATIF)
    iki = IkiDraft(indicator="Laporan", target="4", unit="Laporan", aspek=Aspek.KUANTITAS)
    rhk = RhkDraft("Kecamatan tertib", RhkKind.UTAMA, (iki,), parent_text="Sasaran kota")
    saved = skp.save(created.id, created.version, SkpDraft(Pendekatan.KUANTITATIF, (rhk,)))
    skp.agree(saved.id, saved.version, date(YEAR, 1, 5))


Action = Callable[[Office], object]

WRITES: list[tuple[str, Action, set[Topic]]] = [
    ("add a unit", lambda o: o.services.staff.add_unit("Seksi Pelayanan", o.unit_id), {S}),
    (
        "set the year's scheme",
        lambda o: o.services.staff.set_appraisal_year(
            o.instansi_id, YEAR, EvaluationScheme.SEMESTER
        ),
        {S},
    ),
    (
        "create an SKP",
        lambda o: o.services.skp.create(o.head_id, YEAR, Pendekatan.KUANTITATIF),
        {K},
    ),
    (
        "record a realisation",
        lambda o: o.services.evaluation.record_realisation(o.iki_id, "TW1", "4"),
        {E},
    ),
    (
        "decide the behaviour rating",
        lambda o: o.services.behaviour.decide_rating(
            o.skp_id, "TW1", Rating.SESUAI, "Sesuai catatan", on=TODAY
        ),
        {E},
    ),
    (
        "write the Catatan/Rekomendasi",
        lambda o: o.services.evaluation.set_notes(o.skp_id, "TW1", "Pertahankan"),
        {E},
    ),
    (
        "record the evaluation talk",
        lambda o: o.services.dialogue.record_talk(
            o.skp_id, "TW1", "Target tercapai", "Perlu lebih teliti", TODAY
        ),
        {E},
    ),
    (
        "set the unit's own predikat",
        lambda o: o.services.distribution.set_org_predikat(
            o.unit_id, YEAR, "TW1", OrgPredikat.BAIK, TODAY
        ),
        {E},
    ),
    (
        "agree an SKP (sealed, its signatories kept)",
        _agreed_head_skp,
        {K, E, P},
    ),
    (
        "record a journal entry",
        lambda o: o.services.journal.record(
            o.staff_id,
            TODAY,
            BehaviourValue.BERORIENTASI_PELAYANAN,
            "POSITIF",
            "Melayani warga dengan ramah.",
            today=TODAY,
        ),
        {J},
    ),
    (
        "rate a competence",
        lambda o: o.services.competence.rate(
            o.staff_id, standard_competences()[0].code, 3, "Sesuai", TODAY
        ),
        {D},
    ),
    (
        "add a development item",
        lambda o: o.services.development.add_item(
            o.staff_id,
            YEAR,
            ItemInput("Integritas", "Coaching integritas", LearningPath.COACHING, "4"),
            today=TODAY,
        ),
        {D},
    ),
    (
        "record a complaint",
        lambda o: o.services.supervision.feedback.record(_complaint(o), today=TODAY),
        {V},
    ),
    (
        "open a survey",
        lambda o: o.services.supervision.surveys.open_survey(o.unit_id, "2026-S1", today=TODAY),
        {V},
    ),
    (
        "add a rencana tindak lanjut line",
        lambda o: o.services.supervision.surveys.add_action(
            o.services.supervision.surveys.open_survey(o.unit_id, "2026-S1", today=TODAY).id,
            ActionInput("U3", "Menambah loket", "Juli 2026", "Kepala Seksi"),
        ),
        {V},
    ),
    (
        "turn a complaint into an observation",
        lambda o: o.services.supervision.feedback.to_observation(
            o.services.supervision.feedback.record(_complaint(o), today=TODAY).id, today=TODAY
        ),
        {V, J},
    ),
    (
        "create the first admin",
        lambda o: o.services.accounts.create_first_admin(
            "admin", "Admin Kantor", "rahasia-kantor-2026", "rahasia-kantor-2026"
        ),
        {G},
    ),
    ("print a form", _printed, {P}),
]


@pytest.mark.parametrize(
    ("action", "expected"),
    [(action, expected) for _name, action, expected in WRITES if expected],
    ids=[name for name, _action, expected in WRITES if expected],
)
def test_a_write_reports_its_topics(office: Office, action: Action, expected: set[Topic]) -> None:
    heard: list[frozenset[Topic]] = []
    office.services.database.subscribe(heard.append)
    action(office)
    assert set().union(*heard) == expected


READS: list[tuple[str, Action]] = [
    ("the staff list", lambda o: o.services.staff.units()),
    ("an SKP", lambda o: o.services.skp.get(o.staff_id, YEAR)),
    ("an evaluation", lambda o: o.services.evaluation.evaluation(o.skp_id, "TW1")),
    ("the journal's weak spots", lambda o: o.services.journal.weak_spots(o.staff_id, YEAR)),
    ("a development plan", lambda o: o.services.development.plan(o.staff_id, YEAR, TODAY)),
    ("Beranda's checks", lambda o: o.services.attention.items(TODAY)),
    ("the register", lambda o: o.services.supervision.feedback.entries()),
]


@pytest.mark.parametrize("action", [action for _name, action in READS], ids=[n for n, _ in READS])
def test_a_read_reports_nothing(office: Office, action: Action) -> None:
    heard: list[frozenset[Topic]] = []
    office.services.database.subscribe(heard.append)
    action(office)
    assert heard == []


REFUSED: list[tuple[str, Action]] = [
    ("an empty unit name", lambda o: o.services.staff.add_unit("  ", o.unit_id)),
    (
        "a realisation that is no number",
        lambda o: o.services.evaluation.record_realisation(o.iki_id, "TW1", "banyak"),
    ),
    (
        "a second SKP for the same year",
        lambda o: o.services.skp.create(o.staff_id, YEAR, Pendekatan.KUANTITATIF),
    ),
    (
        "an observation in the future",
        lambda o: o.services.journal.record(
            o.staff_id, date(YEAR, 12, 1), BehaviourValue.AKUNTABEL, "POSITIF", "Nanti", today=TODAY
        ),
    ),
]


@pytest.mark.parametrize(
    "action", [action for _name, action in REFUSED], ids=[n for n, _ in REFUSED]
)
def test_a_refused_write_reports_nothing(office: Office, action: Action) -> None:
    heard: list[frozenset[Topic]] = []
    office.services.database.subscribe(heard.append)
    with pytest.raises(DomainError):
        action(office)
    assert heard == []


@pytest.mark.sqlite_only(reason="restores a SQLite file backup (a server's: pg_restore)")
def test_a_restore_reports_every_topic(office: Office) -> None:
    backups = office.services.backups
    made = backups.automatic_backup(datetime(YEAR, 4, 20, 9, 0))
    assert made is not None
    heard: list[frozenset[Topic]] = []
    office.services.database.subscribe(heard.append)
    backups.restore(made, datetime(YEAR, 4, 20, 10, 0))
    assert set().union(*heard) == set(Topic)  # the whole file changed under every screen
