"""The home page's attention items."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.domain.attention import AttentionItem, Severity
from kinerja_desktop.domain.periods import EvaluationScheme
from kinerja_desktop.domain.staff import ActingKind, EmployeeId, EmploymentEventKind, StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.home.attention import AttentionService
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 11, 28)


def _add(services: AppServices, unit: int, nip: str, name: str, penilai: int | None) -> int:
    fields = StaffFields(nip, name, "PNS", "III/a", "Analis", "Pelaksana")
    return services.staff.create(StaffInput(fields, unit, penilai, date(2020, 1, 2))).id


def _titles(services: AppServices) -> list[str]:
    return [item.title for item in _staff_items(services)]


def _staff_items(services: AppServices) -> list[AttentionItem]:
    """The register's own items; the SKP and development checks have tests of their own."""
    return [
        item
        for item in services.attention.items(TODAY)
        if "SKP" not in item.title and " JP " not in item.title
    ]


def test_an_empty_office_only_asks_for_the_year(services: AppServices) -> None:
    root = services.staff.add_unit("Pemkot", None)
    assert _titles(services) == ["Tahun penilaian 2026 untuk Pemkot belum diatur"]
    services.staff.set_appraisal_year(root.id, 2026, EvaluationScheme.TRIWULAN)
    assert _titles(services) == []


def test_people_without_penilai_are_flagged_but_not_the_head(services: AppServices) -> None:
    root = services.staff.add_unit("Pemkot", None)
    services.staff.set_appraisal_year(root.id, 2026, EvaluationScheme.TRIWULAN)
    head = _add(services, root.id, "197805122003121002", "Kepala", None)
    _add(services, root.id, "198103042006042011", "Siti", head)
    lone = _add(services, root.id, "198906152014031001", "Rizky", None)
    (item,) = _staff_items(services)
    assert item.severity is Severity.PENTING
    assert item.title == "1 pegawai belum punya Pejabat Penilai"
    assert item.employee_ids == (lone,)


def test_staff_of_a_retired_penilai_and_ending_plt(services: AppServices) -> None:
    root = services.staff.add_unit("Pemkot", None)
    services.staff.set_appraisal_year(root.id, 2026, EvaluationScheme.TRIWULAN)
    head = _add(services, root.id, "197805122003121002", "Kepala", None)
    kasi = _add(services, root.id, "198103042006042011", "Kasi", head)
    staf = _add(services, root.id, "198906152014031001", "Staf", kasi)
    services.staff.add_acting(
        kind=ActingKind.PLT,
        acting_employee_id=head,
        for_employee_id=kasi,
        start=date(2026, 11, 1),
        end=date(2026, 12, 5),
    )
    services.staff.end_service(kasi, EmploymentEventKind.PENSIUN, date(2026, 11, 1))
    items = _staff_items(services)
    assert [item.severity for item in items] == [Severity.PENTING, Severity.INFO]
    assert items[0].employee_ids == (staf,)
    assert items[1].title == "Plt. Kepala berakhir 5 Desember 2026"


# (nip, expected warning) around the 18 and 46 year bounds, month by month, and PPPK up to 64.
NIP_AGES = [
    ("198503012003031001", False),  # PNS, 18 on the first of the appointment month
    ("198503012003021001", True),  # PNS, appointed a month before turning 18
    ("195601012002121001", False),  # PNS, 46 and 11 months
    ("195601012003011001", True),  # PNS, just 47
    ("196001012024211001", False),  # PPPK, 64 that year
    ("195801012024211001", True),  # PPPK, 66 that year
    ("200001012017011001", True),  # PNS, 17
]


def test_nip_checks_match_the_exact_rule_for_every_person(services: AppServices) -> None:
    from kinerja_desktop.domain.nip import Nip

    root = services.staff.add_unit("Pemkot", None)
    services.staff.set_appraisal_year(root.id, 2026, EvaluationScheme.TRIWULAN)
    head = _add(services, root.id, "197805122003121002", "Kepala", None)
    expected = set()
    for number, (nip, warned) in enumerate(NIP_AGES):
        status = "PPPK" if nip[12] == "2" else "PNS"
        fields = StaffFields(
            nip,
            f"Orang {number}",
            status,
            "IX" if status == "PPPK" else "III/a",
            "Analis",
            "Pelaksana",
        )
        person = services.staff.create(StaffInput(fields, root.id, head, date(2020, 1, 2)))
        assert bool(Nip(nip).warnings()) is warned  # the table itself follows the rule
        if warned:
            expected.add(person.id)
    (item,) = _staff_items(services)
    assert item.title == f"{len(expected)} NIP perlu diperiksa ulang"
    assert set(item.employee_ids) == expected


def test_skp_checks_follow_the_year(services: AppServices) -> None:
    from kinerja_desktop.domain.skp import Aspek, IkiDraft, Pendekatan, RhkDraft, SkpDraft

    root = services.staff.add_unit("Pemkot", None)
    services.staff.set_appraisal_year(root.id, 2026, EvaluationScheme.TRIWULAN)
    head = _add(services, root.id, "197805122003121002", "Kepala", None)
    staf = _add(services, root.id, "198103042006042011", "Siti", head)

    def skp_titles(today: date) -> list[str]:
        return [
            i.title
            for i in services.attention.items(today)
            if "SKP" in i.title or "Realisasi" in i.title
        ]

    assert skp_titles(date(2026, 1, 5)) == ["2 pegawai belum punya SKP tahun 2026"]
    january = [i for i in services.attention.items(date(2026, 1, 5)) if "SKP" in i.title]
    assert january[0].severity is Severity.INFO  # drafting month
    draft = services.skp.create(head, 2026)
    content = SkpDraft(
        Pendekatan.KUANTITATIF,
        (
            RhkDraft(
                "Terwujudnya pelayanan prima",
                indicators=(IkiDraft("Jumlah layanan", "100", "Layanan", aspek=Aspek.KUANTITAS),),
                parent_text="Renstra",
            ),
        ),
    )
    saved = services.skp.save(draft.id, draft.version, content)
    assert skp_titles(TODAY) == [
        "1 pegawai belum punya SKP tahun 2026",
        "1 SKP tahun 2026 masih draf, belum disepakati",
    ]
    services.skp.agree(saved.id, saved.version, date(2026, 1, 10))
    # Triwulan III ended on 30 September with nothing recorded for the head's indicator.
    titles = skp_titles(TODAY)
    assert "Realisasi Triwulan III belum lengkap untuk 1 pegawai" in titles
    assert (
        staf
        in next(i for i in services.attention.items(TODAY) if "belum punya" in i.title).employee_ids
    )


#: Every check Beranda runs, by capability: the file, the register and the SKPs; the journal;
#: the development plans; supervision; the daily progress log.
EVERY_CHECK = [
    "_integrity",
    "_without_penilai",
    "_inactive_penilai",
    "_acting_ending",
    "_year_not_set",
    "_nip_warnings",
    "_skp_missing",
    "_skp_not_agreed",
    "_realisation_missing",
    "weak_spot_check",
    "follow_up_check",
    "supervision_check",
    "progress_check",
]

# Imports nothing of the app but app_services, so no other module can add or hide a check.
ONLY_APP_SERVICES = """
import json, sys
from pathlib import Path
from kinerja_desktop.services.app_services import open_services

opened = open_services(Path(sys.argv[1]))
print(json.dumps([check.__name__ for check in opened.attention.checks]))
opened.close()
"""


def test_the_app_services_home_page_runs_every_check_whatever_was_imported(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", ONLY_APP_SERVICES, str(tmp_path / "kantor.sqlite")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == EVERY_CHECK


def test_the_home_page_of_this_process_has_the_same_checks(services: AppServices) -> None:
    assert [check.__name__ for check in services.attention.checks] == EVERY_CHECK


def test_a_service_given_one_check_runs_only_that_one(services: AppServices) -> None:
    root = services.staff.add_unit("Pemkot", None)
    lone = _add(services, root.id, "198906152014031001", "Rizky", None)
    assert len(services.attention.items(TODAY)) > 1  # no year set, no penilai, no SKP
    days = []

    def only(_session: Session, today: date) -> list[AttentionItem]:
        days.append(today)
        return [AttentionItem(Severity.INFO, "Satu-satunya", "", (EmployeeId(lone),))]

    home = AttentionService(services.database, services.access, [only])
    assert home.items(TODAY) == [
        AttentionItem(Severity.INFO, "Satu-satunya", "", (EmployeeId(lone),))
    ]
    assert days == [TODAY]


def test_the_day_is_always_given() -> None:
    # Beranda's checks never read the clock: the page hands in its `Today`.
    day = inspect.signature(AttentionService.items).parameters["today"]
    assert day.default is inspect.Parameter.empty
