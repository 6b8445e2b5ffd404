"""Penetapan Predikat Kinerja: the named list of people and their predikat (issue 13)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date

import pytest
from pypdf import PdfReader

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.reports.content import DistributionForm, FormKind
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.printing import PrintingService, PrintRequest

TODAY = date(2026, 11, 28)
YEAR = 2026


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    services = open_services(tmp_path_factory.mktemp("penetapan") / "kantor.sqlite")
    write_demo(services.database, today=TODAY)
    yield services
    services.close()


def _request(office: AppServices) -> PrintRequest:
    unit = next(u for u in office.staff.units() if u.name == "Kecamatan Kertapati")
    return PrintRequest(FormKind.DISTRIBUSI, YEAR, TODAY, period_code="TW3", unit_id=unit.id)


def test_everyone_counted_is_listed_best_predikat_first_then_by_name(
    office: AppServices,
) -> None:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    request = _request(office)
    content = printing.prepare(request).content
    assert isinstance(content, DistributionForm)
    check = office.distribution.check(request.unit_id or 0, YEAR, "TW3")
    assert len(content.people) == check.total > 1
    order = [p.label for p in Predikat]
    keys = [(order.index(line.predikat.split(" (")[0]), line.name) for line in content.people]
    ranks = [rank for rank, _ in keys]
    assert ranks == sorted(ranks)
    assert [line.number for line in content.people] == [
        str(n) for n in range(1, len(content.people) + 1)
    ]
    first = check.decided[0]
    line = content.people[0]
    assert (line.name, line.nip, line.jabatan) == (
        first.name,
        Nip(first.nip).formatted,
        first.jabatan,
    )
    pdf = printing.render(printing.prepare(request), Paper.A4)
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert "DAFTAR PEGAWAI DAN PREDIKAT KINERJA YANG DITETAPKAN" in text
    for person in content.people:
        assert person.nip in text
    # The counts and the curve stay.
    assert f"JUMLAH {check.total}" in text
