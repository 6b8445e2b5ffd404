"""Forms print appraisers outside the register, and the post a Plt/Plh stands in for."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.officials import OfficialFields
from kinerja_desktop.domain.staff import Employee, StaffFields
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.printing import PrintingService, PrintRequest
from kinerja_desktop.services.printing.request import FormKind
from kinerja_desktop.services.staff.service import StaffInput

TODAY = date(2026, 11, 28)
YEAR = 2026
SEKDA = OfficialFields(
    nip="197001011995031001",
    name="Ratu Dewa",
    golongan="IV/d",
    jabatan="Sekretaris Daerah",
    instansi="Sekretariat Daerah Kota Palembang",
    gelar_depan="Drs. H.",
    gelar_belakang="M.Si.",
)
SEKDA_NAME, SEKDA_NIP = "Drs. H. Ratu Dewa, M.Si.", "19700101 199503 1 001"
#: A kepala daerah is a pejabat negara: no NIP, pangkat or golongan.
WALI_KOTA = OfficialFields(
    nip="",
    name="Rahmat Hidayat",
    golongan="",
    jabatan="Wali Kota Palembang",
    instansi="Pemerintah Kota Palembang",
    gelar_depan="H.",
    gelar_belakang="S.E., M.M.",
    kind="PEJABAT_NEGARA",
)
WALI_KOTA_NAME = "H. Rahmat Hidayat, S.E., M.M."


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServices]:
    """The demo office, its camat appraised by the sekda with the wali kota as atasan, and its
    kepala puskesmas appraised by the wali kota (all outside the register)."""
    services = open_services(tmp_path_factory.mktemp("outside") / "kantor.sqlite")
    write_demo(services.database, today=TODAY)
    sekda = services.officials.add(SEKDA)
    wali_kota = services.officials.add(WALI_KOTA)
    camat = _by_jabatan(services, "Camat")
    services.staff.update(
        camat.id,
        camat.version,
        StaffInput(
            _fields(camat),
            camat.unit_id,
            None,
            penilai_official_id=sekda.id,
            atasan_official_id=wali_kota.id,
        ),
    )
    kapus = _by_jabatan(services, "Kepala Puskesmas")
    services.staff.update(
        kapus.id,
        kapus.version,
        StaffInput(_fields(kapus), kapus.unit_id, None, penilai_official_id=wali_kota.id),
    )
    yield services
    services.close()


def _fields(person: Employee) -> StaffFields:
    return StaffFields(
        person.nip,
        person.name,
        person.status.value,
        person.golongan,
        person.jabatan,
        person.jabatan_kind.value,
        person.gelar_depan,
        person.gelar_belakang,
    )


def _by_jabatan(office: AppServices, jabatan: str) -> Employee:
    with office.database.reading() as session:
        employee_id = session.scalar(
            text("SELECT id FROM employees WHERE jabatan LIKE :j ORDER BY id LIMIT 1"),
            {"j": f"{jabatan}%"},
        )
    assert employee_id is not None, jabatan
    return office.staff.get(employee_id)


def _text(office: AppServices, request: PrintRequest) -> str:
    printing = PrintingService(office.database, AccessGuard.system(office.database))
    pdf = printing.render(printing.prepare(request), Paper.A4)
    pages = PdfReader(io.BytesIO(pdf)).pages
    joined = "\n".join(page.extract_text() or "" for page in pages)
    return " ".join(unicodedata.normalize("NFC", joined).split())


@pytest.mark.parametrize(
    ("form", "period"),
    [
        (FormKind.SKP, None),
        (FormKind.EVALUASI, "TW3"),
        (FormKind.DOKUMEN, "TW3"),
        (FormKind.PENGEMBANGAN, None),
        (FormKind.KOMPETENSI, None),
    ],
)
def test_the_camat_s_forms_print_the_penilai_from_outside(
    office: AppServices, form: FormKind, period: str | None
) -> None:
    camat = _by_jabatan(office, "Camat")
    printed = _text(
        office, PrintRequest(form, YEAR, TODAY, employee_id=camat.id, period_code=period)
    )
    assert SEKDA_NAME in printed
    assert SEKDA_NIP in printed
    assert "Sekretaris Daerah" in printed
    assert "(belum ditentukan)" not in printed


def test_a_kasi_s_document_prints_the_atasan_from_outside(office: AppServices) -> None:
    """The Dokumen Evaluasi's atasan block: the camat's penilai, the sekda."""
    kasi = _by_jabatan(office, "Kepala Seksi Pemerintahan")
    printed = _text(
        office,
        PrintRequest(FormKind.DOKUMEN, YEAR, TODAY, employee_id=kasi.id, period_code="TW3"),
    )
    atasan = printed[printed.index("ATASAN PEJABAT PENILAI KINERJA") :]
    assert SEKDA_NAME in atasan and SEKDA_NIP in atasan
    assert "Sekretariat Daerah Kota Palembang" in atasan


def test_a_plt_prints_the_post_stood_in_for_under_the_own_jabatan(office: AppServices) -> None:
    """The demo's Kepala Seksi Pemerintahan is Plt. Kepala Seksi Kesejahteraan Sosial now."""
    plt = _by_jabatan(office, "Kepala Seksi Pemerintahan")
    own = _text(office, PrintRequest(FormKind.PENGEMBANGAN, YEAR, TODAY, employee_id=plt.id))
    assert "Kepala Seksi Pemerintahan Plt. Kepala Seksi Kesejahteraan Sosial" in own

    absent = _by_jabatan(office, "Kepala Seksi Kesejahteraan Sosial")
    staff = office.staff.subordinates(absent.id)[0]
    theirs = _text(office, PrintRequest(FormKind.PENGEMBANGAN, YEAR, TODAY, employee_id=staff.id))
    penilai = theirs[theirs.index("PEJABAT PENILAI KINERJA") :]
    assert plt.full_name in penilai
    assert "Plt. Kepala Seksi Kesejahteraan Sosial" in penilai
    # Outside the Plt's dates only the own jabatan is printed.
    before = _text(
        office,
        PrintRequest(FormKind.PENGEMBANGAN, YEAR, date(YEAR, 8, 1), employee_id=plt.id),
    )
    assert "Kepala Seksi Pemerintahan" in before and "Plt." not in before


@pytest.mark.parametrize(
    ("form", "period"),
    [
        (FormKind.SKP, None),
        (FormKind.EVALUASI, "TW3"),
        (FormKind.DOKUMEN, "TW3"),
        (FormKind.PENGEMBANGAN, None),
        (FormKind.KOMPETENSI, None),
    ],
)
def test_a_wali_kota_as_penilai_signs_with_name_and_jabatan_and_no_nip_line(
    office: AppServices, form: FormKind, period: str | None
) -> None:
    kapus = _by_jabatan(office, "Kepala Puskesmas")
    printed = _text(
        office, PrintRequest(form, YEAR, TODAY, employee_id=kapus.id, period_code=period)
    )
    assert WALI_KOTA_NAME in printed
    assert "Wali Kota Palembang" in printed
    # No "NIP." line under the signature, not even "NIP. -": a pejabat negara holds none.
    assert f"{WALI_KOTA_NAME} NIP." not in printed
    assert "NIP. -" not in printed
    assert "(belum ditentukan)" not in printed


def test_the_camat_s_document_prints_the_wali_kota_as_atasan_without_nip(
    office: AppServices,
) -> None:
    camat = _by_jabatan(office, "Camat")
    printed = _text(
        office,
        PrintRequest(FormKind.DOKUMEN, YEAR, TODAY, employee_id=camat.id, period_code="TW3"),
    )
    atasan = printed[printed.index("ATASAN PEJABAT PENILAI KINERJA") :]
    assert f"NAMA {WALI_KOTA_NAME} NIP - PANGKAT/GOL RUANG -" in atasan
    assert "JABATAN Wali Kota Palembang UNIT KERJA Pemerintah Kota Palembang" in atasan
