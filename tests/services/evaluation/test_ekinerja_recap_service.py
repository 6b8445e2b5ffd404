"""e-Kinerja's recap compared with the predikat decided here: real workbooks, real SQLite."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ekinerja_recap_files import write_recap
from progress_office import Office, progress_office
from raw_database import content_digest

from kinerja_desktop.data.behaviour_models import DialogueRow, PredikatRow
from kinerja_desktop.data.repositories.skp import skp_for
from kinerja_desktop.domain.access import Role
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.predikat import Predikat, PredikatSource
from kinerja_desktop.services.evaluation.ekinerja_recap import Standing

__all__ = ["progress_office"]

AHMAD, SITI = "197805122003121002", "198103042006042011"
RIZKY, DEWI = "198906152014031001", "199202282019032014"
STRANGER = "198501012010011001"


def decide(office: Office, employee_id: int, period: str, predikat: Predikat) -> None:
    with office.services.database.transaction() as session:
        skp = skp_for(session, employee_id, 2026)
        assert skp is not None
        session.add(
            PredikatRow(
                skp_id=skp.id,
                period_code=period,
                hasil="SESUAI",
                perilaku="SESUAI",
                computed=predikat.value,
                final=predikat.value,
                override_reason="",
                decided_on=date(2026, 4, 10),
            )
        )


def objection(office: Office, employee_id: int, period: str, predikat: Predikat) -> None:
    with office.services.database.transaction() as session:
        skp = skp_for(session, employee_id, 2026)
        assert skp is not None
        session.add(
            DialogueRow(
                skp_id=skp.id,
                period_code=period,
                objection="Keberatan",
                objection_on=date(2026, 4, 12),
                decision="Diterima",
                decision_on=date(2026, 4, 20),
                decided_predikat=predikat.value,
            )
        )


def test_the_comparison_lists_same_different_only_here_only_there_and_set_aside(
    progress_office: Office, tmp_path: Path
) -> None:
    office = progress_office
    decide(office, office.rizky, "TW1", Predikat.BAIK)
    decide(office, office.dewi, "TW1", Predikat.BAIK)
    decide(office, office.dewi, "TW2", Predikat.SANGAT_BAIK)  # the latest period counts
    recap = write_recap(
        tmp_path / "rekap.xlsx",
        [
            (RIZKY, "Rizky Pratama", "false", "2026-12-31", "Baik"),
            (DEWI, "Dewi Lestari", "false", "2026-12-31", "Baik"),
            (STRANGER, "Pegawai Pindahan", "false", "2026-12-31", "Sangat Baik"),
            (SITI, "Siti Rahmawati", "true", "2026-12-31", "Baik"),
        ],
    )
    before = content_digest(office.services.database_path)

    result = office.services.distribution.ekinerja_recap.compare(recap)

    assert result.year == 2026 and result.header_line == 4
    assert [(p.nip, p.standing) for p in result.people] == [
        (RIZKY, Standing.SAME),
        (DEWI, Standing.DIFFERENT),
        (STRANGER, Standing.EKINERJA_ONLY),
        (AHMAD, Standing.APP_ONLY),
        (SITI, Standing.APP_ONLY),
    ]
    dewi = result.of(Standing.DIFFERENT)[0]
    assert (dewi.name, dewi.app_text, dewi.ekinerja_label, dewi.line) == (
        "Dewi Lestari",
        "Sangat Baik (Triwulan II)",
        "Baik",
        6,
    )
    assert [(r.nip, r.line) for r in result.acting] == [(SITI, 8)]
    assert result.issues == ()
    text = "\n".join(result.summary_lines())
    assert "1 sama, 1 berbeda, 1 hanya di e-Kinerja, 2 hanya di aplikasi" in text
    assert "Dewi Lestari (NIP 199202282019032014): aplikasi Sangat Baik" in text
    assert "1 baris Plt/Plh disisihkan" in text
    # Read only: the office's file is byte for byte what it was.
    assert content_digest(office.services.database_path) == before


def test_the_annual_decision_and_an_objection_win(progress_office: Office, tmp_path: Path) -> None:
    office = progress_office
    decide(office, office.rizky, "TW4", Predikat.SANGAT_BAIK)
    decide(office, office.rizky, "AKHIR", Predikat.BUTUH_PERBAIKAN)
    objection(office, office.rizky, "AKHIR", Predikat.BAIK)
    recap = write_recap(tmp_path / "rekap.xlsx", [(RIZKY, "Rizky", "0", "2026-12-31", "Baik")])

    result = office.services.distribution.ekinerja_recap.compare(recap)

    (rizky,) = [p for p in result.people if p.nip == RIZKY]
    assert rizky.standing is Standing.SAME
    assert rizky.app is not None and rizky.app.source is PredikatSource.KEBERATAN
    assert rizky.app_period == "Akhir"


def test_undecided_here_but_rated_there_differs(progress_office: Office, tmp_path: Path) -> None:
    recap = write_recap(
        tmp_path / "rekap.xlsx",
        [(RIZKY, "Rizky", "", "2026-12-31", "Baik"), (DEWI, "Dewi", "", "2026-12-31", "")],
    )

    result = progress_office.services.distribution.ekinerja_recap.compare(recap)

    by_nip = {p.nip: p for p in result.people}
    assert by_nip[RIZKY].standing is Standing.DIFFERENT
    assert by_nip[RIZKY].app_text == "belum ditetapkan"
    assert by_nip[DEWI].standing is Standing.SAME  # neither has decided yet
    assert by_nip[DEWI].ekinerja_label == "belum ditetapkan"


def test_a_person_moved_during_the_year_counts_by_the_latest_periode_akhir(
    progress_office: Office, tmp_path: Path
) -> None:
    office = progress_office
    decide(office, office.rizky, "AKHIR", Predikat.SANGAT_BAIK)
    recap = write_recap(
        tmp_path / "rekap.xlsx",
        [
            (RIZKY, "Rizky", "false", date(2026, 6, 30), "Baik"),
            (RIZKY, "Rizky", "false", date(2026, 12, 31), "Sangat Baik"),
        ],
    )

    result = office.services.distribution.ekinerja_recap.compare(recap)

    (rizky,) = [p for p in result.people if p.nip == RIZKY]
    assert (rizky.standing, rizky.line) == (Standing.SAME, 6)
    assert [r.line for r in result.superseded] == [5]


def test_bad_lines_are_named_and_the_good_ones_still_compared(
    progress_office: Office, tmp_path: Path
) -> None:
    recap = write_recap(
        tmp_path / "rekap.xlsx",
        [
            (1.98906152014031e17, "Rizky", "false", "2026-12-31", "Baik"),
            (DEWI, "Dewi", "false", "31/02/2026", "Baik"),
            (AHMAD, "Ahmad", "false", "2026-12-31", "Luar Biasa"),
            (SITI, "Siti", "false", "2026-12-31", "Baik"),
        ],
    )

    result = progress_office.services.distribution.ekinerja_recap.compare(recap, 2026)

    assert [issue.text()[:30] for issue in result.issues] == [
        "Baris 5, kolom 'nip': NIP ters",
        "Baris 6, kolom 'periode_akhir'",
        "Baris 7, kolom 'hasil_akhir': ",
    ]
    assert [p.nip for p in result.people if p.line is not None] == [SITI]
    text = "\n".join(result.summary_lines())
    assert "3 baris bermasalah" in text and "Tidak ada data yang diubah." in text


def test_a_penilai_sees_only_the_people_they_may_see(
    progress_office: Office, tmp_path: Path
) -> None:
    office = progress_office
    office.sign_in(office.siti, Role.PENILAI)
    recap = write_recap(
        tmp_path / "rekap.xlsx",
        [
            (RIZKY, "Rizky", "false", "2026-12-31", "Baik"),
            (AHMAD, "Ahmad", "false", "2026-12-31", "Baik"),
        ],
    )

    result = office.services.distribution.ekinerja_recap.compare(recap)

    shown = {p.nip for p in result.people}
    assert RIZKY in shown and AHMAD not in shown
    assert result.outside_access == 1
    assert "1 pegawai di luar wewenang akun Anda" in "\n".join(result.summary_lines())


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rekap.xls", b"old", "bukan berkas Excel .xlsx"),
        ("rekap.csv", b"nip,hasil_akhir\n", "bukan berkas Excel .xlsx"),
        ("rekap.xlsx", b"not a zip", "bukan berkas Excel .xlsx yang sah"),
        ("rekap.xlsx", b"", "kosong"),
    ],
)
def test_a_file_that_is_not_a_recap_workbook_is_refused_naming_it(
    progress_office: Office, tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(ValidationError) as raised:
        progress_office.services.distribution.ekinerja_recap.compare(path)

    assert message in raised.value.message and name in raised.value.message


def test_a_workbook_without_the_header_says_so(progress_office: Office, tmp_path: Path) -> None:
    recap = write_recap(tmp_path / "rekap.xlsx", [], header=("id", "nama"))

    result = progress_office.services.distribution.ekinerja_recap.compare(recap, 2026)

    assert result.header_line is None
    assert "tidak ditemukan di 20 baris pertama" in result.issues[0].message
