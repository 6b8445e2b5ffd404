"""The penilai's Catatan/Rekomendasi: stored per period, printed, sealed with the evaluation."""

from __future__ import annotations

import io
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader
from raw_database import raw_connect
from sqlalchemy import text

from kinerja_desktop.data.repositories import seal_chain as seal_repo
from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.seal_chain import DIGEST_VERSION, digest_version
from kinerja_desktop.reports.content import FormKind
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.printing import PrintingService, PrintRequest

TODAY = date(2026, 11, 28)
SIGNED = date(2026, 10, 8)
NOTES = "Pertahankan ketepatan waktu laporan.\nIkuti pelatihan <analisis> & data."


@pytest.fixture
def office(services: AppServices) -> AppServices:
    write_demo(services.database, today=TODAY)
    return services


def _overridden(office: AppServices) -> tuple[int, str, int, str]:
    """A period whose predikat the penilai set off the matrix, with its reason."""
    with office.database.reading() as session:
        skp_id, code, reason = session.execute(
            text(
                "SELECT skp_id, period_code, override_reason FROM predikat_decisions "
                "WHERE final <> computed ORDER BY id LIMIT 1"
            )
        ).one()
    return skp_id, code, office.skp.by_id(skp_id).employee_id, reason


def _dokumen(office: AppServices, employee_id: int, code: str) -> str:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    request = PrintRequest(FormKind.DOKUMEN, 2026, TODAY, period_code=code, employee_id=employee_id)
    pdf = printing.render(printing.prepare(request), Paper.A4)
    pages = PdfReader(io.BytesIO(pdf)).pages
    got = "\n".join(page.extract_text() or "" for page in pages)
    return " ".join(unicodedata.normalize("NFC", got).split())


def test_the_dokumen_prints_the_penilais_notes_and_never_the_override_reason(
    office: AppServices,
) -> None:
    skp_id, code, employee_id, reason = _overridden(office)
    assert reason
    before = _dokumen(office, employee_id, code)
    assert " ".join(reason.split())[:40] not in before

    evaluation = office.evaluation.set_notes(skp_id, code, f"  {NOTES}  ")
    assert evaluation.notes == NOTES
    assert office.evaluation.evaluation(skp_id, code).notes == NOTES
    got = _dokumen(office, employee_id, code)
    assert "Pertahankan ketepatan waktu laporan. Ikuti pelatihan <analisis> & data." in got
    assert " ".join(reason.split())[:40] not in got

    office.evaluation.set_notes(skp_id, code, "   ")
    assert office.evaluation.evaluation(skp_id, code).notes == ""
    with office.database.reading() as session:
        assert session.execute(text("SELECT count(*) FROM evaluation_notes")).scalar() == 0


def test_notes_too_long_are_refused_naming_the_field_and_nothing_changes(
    office: AppServices,
) -> None:
    skp_id, code, _, _ = _overridden(office)
    office.evaluation.set_notes(skp_id, code, "Catatan awal")
    with pytest.raises(ValidationError, match=r"Catatan/Rekomendasi paling banyak 2000") as error:
        office.evaluation.set_notes(skp_id, code, "x" * 2001)
    assert error.value.field == "notes"
    assert office.evaluation.evaluation(skp_id, code).notes == "Catatan awal"


def test_a_signed_period_refuses_new_notes_and_a_changed_note_breaks_its_seal(
    office: AppServices,
) -> None:
    skp_id, code, _, _ = _overridden(office)
    office.evaluation.set_notes(skp_id, code, "Catatan sebelum ditandatangani")
    office.seals.sign_evaluation(skp_id, code, SIGNED, today=TODAY)
    with pytest.raises(ValidationError, match="sudah ditandatangani pada 8 Oktober 2026"):
        office.evaluation.set_notes(skp_id, code, "Catatan sesudahnya")
    assert office.seals.verify().healthy

    connection = raw_connect(office.database_path)
    try:
        connection.execute("UPDATE evaluation_notes SET text = 'Diubah di luar aplikasi'")
        connection.commit()
    finally:
        connection.close()
    report = office.seals.verify()
    (problem,) = report.problems
    assert problem.startswith("Evaluasi Triwulan") and "berubah di luar aplikasi" in problem


def test_seals_of_earlier_versions_keep_their_content_without_the_notes(
    office: AppServices,
) -> None:
    """A v2 seal was computed without notes: its digest must be computed the same way again."""
    skp_id, code, _, _ = _overridden(office)
    office.evaluation.set_notes(skp_id, code, "Catatan")
    with office.database.reading() as session:
        v2 = seal_repo.evaluation_content(session, skp_id, code, 2)
        v3 = seal_repo.evaluation_content(session, skp_id, code, 3)
    assert "notes" not in v2
    assert [row["text"] for row in v3["notes"]] == ["Catatan"]
    assert {k: v for k, v in v3.items() if k != "notes"} == v2
    assert DIGEST_VERSION == 3
    assert [digest_version(d) for d in ("ab12", "v2:ab12", "v3:ab12")] == [1, 2, 3]
