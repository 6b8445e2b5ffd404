"""Beranda and the supervision dashboard count what the signed-in account may see.

Signed in as each demo role (camat, kapus, kasi), the counts in the titles follow the
account's people and register records, not the whole office's.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.demo import write_demo
from kinerja_desktop.demo.accounts_demo import DEMO_PASSWORD
from kinerja_desktop.domain.access import Capability
from kinerja_desktop.domain.attention import AttentionItem
from kinerja_desktop.domain.supervision.complaints import FeedbackKind
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.supervision.feedback import FeedbackFilter

TODAY = date(2026, 11, 28)

#: user -> (people short of 20 JP, overdue complaints, overdue findings); "" is the system.
COUNTS = {
    "": (27, 3, 2),
    "camat": (18, 0, 1),
    "kapus": (9, 3, 1),
    "kasi": (5, 0, 1),
}


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "kantor.sqlite"
    opened = open_services(path, today=lambda: TODAY)
    write_demo(opened.database, today=TODAY)
    opened.close()
    return path


@pytest.fixture
def demo(demo_file: Path) -> Iterator[AppServices]:
    opened = open_services(demo_file, create=False, today=lambda: TODAY)
    yield opened
    opened.close()


def _as(demo: AppServices, user: str) -> AppServices:
    if user:
        demo.accounts.sign_in(user, DEMO_PASSWORD)
    return demo


def _count(items: list[AttentionItem], start: str) -> int:
    found = [item for item in items if item.title.startswith(start) or start in item.title]
    if not found:
        return 0
    (item,) = found
    return len(item.employee_ids) or len(item.records)


@pytest.mark.parametrize("user", list(COUNTS))
def test_beranda_counts_follow_the_account(demo: AppServices, user: str) -> None:
    items = _as(demo, user).attention.items(TODAY)
    short, complaints, findings = COUNTS[user]
    assert _count(items, "Belum mencapai 20 JP") == short
    assert _count(items, "pengaduan melewati batas waktu") == complaints
    assert _count(items, "temuan audit melewati") == findings
    if short:
        assert f"Belum mencapai 20 JP tahun ini: {short} pegawai" in [i.title for i in items]
    repeated = next(i for i in items if i.title == "Pegawai dengan pengaduan berulang")
    assert repeated.detail.endswith(
        "Bicarakan dengan pegawai dan catat di jurnal perilaku bila perlu."
    )
    for item in items:  # every count in a title is the count of what the item keeps
        if item.title_template:
            assert item.title == item.title_template.format(
                n=len(item.employee_ids) or len(item.records)
            )


@pytest.mark.parametrize("user", list(COUNTS))
def test_the_dashboard_counts_only_what_the_account_reads(demo: AppServices, user: str) -> None:
    services = _as(demo, user)
    found = services.supervision.dashboard.summary(TODAY)
    readable = services.supervision.feedback.entries(FeedbackFilter(open_only=True), today=TODAY)
    open_complaints = [e for e in readable if e.kind is not FeedbackKind.APRESIASI]
    assert found.open_complaints == len(open_complaints)
    assert sum(group.open for group in found.complaint_ages) == found.open_complaints
    assert len(found.overdue_complaints) == COUNTS[user][1]
    assert len(found.overdue_findings) == COUNTS[user][2]
    readable_findings = services.supervision.findings.findings(today=TODAY)
    assert sum(n for _status, n in found.findings_by_status) == len(readable_findings)
    year = [
        e
        for e in services.supervision.feedback.entries(today=TODAY)
        if e.received_on.year == TODAY.year
    ]
    assert found.complaints_year == sum(e.kind is FeedbackKind.PENGADUAN for e in year)
    assert found.compliments_year == sum(e.kind is FeedbackKind.APRESIASI for e in year)


#: user -> (may add staff, may save the scheme / import / restore)
PERMISSIONS = {"camat": (True, False), "kapus": (True, False), "kasi": (False, False)}


@pytest.mark.parametrize("user", list(PERMISSIONS))
def test_permissions_say_what_each_role_may_do(demo: AppServices, user: str) -> None:
    permissions = _as(demo, user).accounts.permissions()
    adds, office = PERMISSIONS[user]
    assert permissions.heads_units is adds
    assert (permissions.unit_refusal("menambah pegawai") is None) is adds
    for capability in (
        Capability.MANAGE_OFFICE,
        Capability.IMPORT_STAFF,
        Capability.RESTORE_BACKUP,
    ):
        assert permissions.may(capability) is office
        assert permissions.refusal(capability) == (
            None if office else f"Hanya admin yang dapat {capability.label}."
        )


@pytest.mark.parametrize(("user", "active"), [("", 39), ("camat", 24), ("kapus", 15), ("kasi", 9)])
def test_the_office_line_counts_the_accounts_people(
    demo: AppServices, user: str, active: int
) -> None:
    (instansi,) = _as(demo, user).staff.overview(TODAY)
    assert instansi.active_staff == active
