"""Compare e-Kinerja's admin recap workbook with the predikat decided here; read only.

The recap (``domain.ekinerja_recap``) is matched by NIP with the people of the app. The app's
predikat of the year is the one in force (``domain.predikat.effective_predikat``: the atasan's
on a decided objection, else the penilai's) of the year's annual evaluation (AKHIR), or, while
that is not decided yet, of the latest periodic period decided. The comparison lists who has the
same predikat, who differs, who is only in the recap, who is only here, the Plt/Plh rows set
aside, the earlier rows of people listed twice, and every bad line. Nothing is written: what to
do about a difference is the user's choice, made where the predikat is decided.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories import year_predikat as repo
from kinerja_desktop.domain.ekinerja_recap import (
    RecapIssue,
    RecapRecord,
    RecapSheet,
    parse_recap,
)
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periods import (
    FINAL_CODE,
    EvaluationScheme,
    period_label,
    periods_for_year,
)
from kinerja_desktop.domain.predikat import EffectivePredikat, Predikat, effective_predikat
from kinerja_desktop.domain.staff import full_name
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.tabular import (
    XLSX_SUFFIXES,
    capped_rows,
    not_xlsx_error,
    open_workbook,
    read_file_bytes,
)

NOT_DECIDED = "belum ditetapkan"


class Standing(StrEnum):
    """How a person's predikat here compares with e-Kinerja's."""

    SAME = "SAME"
    DIFFERENT = "DIFFERENT"
    EKINERJA_ONLY = "EKINERJA_ONLY"
    APP_ONLY = "APP_ONLY"

    @property
    def label(self) -> str:
        return {
            Standing.SAME: "Sama",
            Standing.DIFFERENT: "Berbeda",
            Standing.EKINERJA_ONLY: "Hanya di e-Kinerja",
            Standing.APP_ONLY: "Hanya di aplikasi",
        }[self]


@dataclass(frozen=True)
class ComparedPerson:
    """One person of the comparison.

    Attributes:
        employee_id: The person here; None when only e-Kinerja lists them.
        app: The predikat in force here; None when none is decided (or not here).
        app_period: The label of the period ``app`` comes from ("Akhir", "Triwulan III").
        ekinerja: e-Kinerja's predikat; None when the recap has none (or not there).
        ekinerja_text: ``hasil_akhir`` as the recap writes it.
        line: The recap's row; None when only the app has the person.
    """

    standing: Standing
    nip: str
    name: str
    employee_id: int | None
    app: EffectivePredikat | None
    app_period: str
    ekinerja: Predikat | None
    ekinerja_text: str
    line: int | None

    @property
    def app_text(self) -> str:
        if self.app is None:
            return NOT_DECIDED if self.employee_id is not None else ""
        return f"{self.app.display} ({self.app_period})"

    @property
    def ekinerja_label(self) -> str:
        if self.line is None:
            return ""
        return self.ekinerja.label if self.ekinerja is not None else NOT_DECIDED


@dataclass(frozen=True)
class RecapComparison:
    """The recap against the app, for one year.

    Attributes:
        people: Everyone compared: in the recap, here, or both; by standing, then name.
        acting: Plt/Plh rows, set aside (not compared).
        superseded: Earlier rows of people listed more than once (the latest counts).
        issues: Every bad line of the file (line, column, reason).
        outside_access: Recap rows of people here whom the account may not see (not listed).
    """

    file_name: str
    year: int
    header_line: int | None
    people: tuple[ComparedPerson, ...]
    acting: tuple[RecapRecord, ...]
    superseded: tuple[RecapRecord, ...]
    issues: tuple[RecapIssue, ...]
    outside_access: int = 0

    def of(self, standing: Standing) -> tuple[ComparedPerson, ...]:
        return tuple(person for person in self.people if person.standing is standing)

    def summary_lines(self) -> list[str]:
        """The comparison in a few Indonesian lines, the differences named."""
        counts = {standing: len(self.of(standing)) for standing in Standing}
        lines = [
            f"Rekap e-Kinerja '{self.file_name}' dibandingkan dengan predikat {self.year} di "
            f"aplikasi: {counts[Standing.SAME]} sama, {counts[Standing.DIFFERENT]} berbeda, "
            f"{counts[Standing.EKINERJA_ONLY]} hanya di e-Kinerja, "
            f"{counts[Standing.APP_ONLY]} hanya di aplikasi."
        ]
        if self.acting:
            lines.append(f"{len(self.acting)} baris Plt/Plh disisihkan (tidak dibandingkan).")
        if self.superseded:
            lines.append(
                f"{len(self.superseded)} baris lama dari pegawai yang tercantum dua kali "
                "dilewati (yang berlaku: periode akhir terbaru)."
            )
        if self.outside_access:
            lines.append(
                f"{self.outside_access} pegawai di luar wewenang akun Anda tidak ditampilkan."
            )
        if self.issues:
            lines.append(f"{len(self.issues)} baris bermasalah:")
            lines.extend(f"  - {issue.text()}" for issue in self.issues)
        different = self.of(Standing.DIFFERENT)
        if different:
            lines.append("Predikat berbeda:")
            lines.extend(
                f"  - {p.name} (NIP {p.nip}): aplikasi {p.app_text}; e-Kinerja {p.ekinerja_label}"
                for p in different
            )
        lines.append("Tidak ada data yang diubah.")
        return lines


def read_recap(path: Path) -> RecapSheet:
    """Read the first sheet of a recap workbook (.xlsx); the workbook is closed again.

    Raises:
        ValidationError: the file is missing, empty, not an .xlsx, or cannot be read; the
            message names the file.
    """
    if path.suffix.lower() not in XLSX_SUFFIXES:
        raise ValidationError(
            f"Berkas '{path.name}' bukan berkas Excel .xlsx. Unduh rekap dari e-Kinerja "
            "sebagai Excel (.xlsx), atau simpan ulang sebagai .xlsx."
        )
    data = read_file_bytes(path)
    workbook = open_workbook(path.name, data)
    try:
        if not workbook.worksheets:
            raise ValidationError(f"Berkas '{path.name}' tidak berisi lembar kerja.")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = list(capped_rows(path.name, workbook.worksheets[0], values_only=True))
    except ValidationError:
        raise
    except Exception:  # a damaged workbook fails at any cell, in many ways
        raise not_xlsx_error(path.name) from None
    finally:
        workbook.close()
    return parse_recap(rows)


class EkinerjaRecapService:
    """Reads e-Kinerja's recap and compares it with the predikat decided here."""

    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def compare(self, path: Path, year: int | None = None) -> RecapComparison:
        """Compare the recap at ``path`` with the year's predikat here; writes nothing.

        Args:
            path: The recap workbook.
            year: The year to compare; None takes the year most of the recap's
                ``periode_akhir`` fall in (today's year when it has none).

        Raises:
            ValidationError: the file cannot be read (see `read_recap`).
        """
        sheet = read_recap(path)
        chosen = year or sheet.year or self._access.today().year
        return self.compare_sheet(path.name, sheet, chosen)

    def compare_sheet(self, file_name: str, sheet: RecapSheet, year: int) -> RecapComparison:
        """Compare a recap already read (`read_recap`) with the year's predikat here."""
        with self._db.reading() as session:
            visible = self._access.visible(session)
            people = repo.people_of_year(session, year)
            decided = repo.decided_periods(session, year)
            known = {person.nip for person in people}
            others = staff_repo.employees_by_nip(
                session, [r.nip for r in sheet.records if r.nip not in known]
            )
        in_force = _year_predikat(year, decided)
        by_nip = {
            person.nip: (
                person.employee_id,
                full_name(person.name, person.gelar_depan, person.gelar_belakang),
            )
            for person in people
        }
        by_nip.update({nip: (found.id, found.full_name) for nip, found in others.items()})
        compared: list[ComparedPerson] = []
        outside = 0
        seen: set[str] = set()
        for record in sheet.records:
            here = by_nip.get(record.nip)
            if here is not None and visible is not None and here[0] not in visible:
                outside += 1
                seen.add(record.nip)
                continue
            if here is None:
                compared.append(
                    ComparedPerson(
                        Standing.EKINERJA_ONLY,
                        record.nip,
                        record.name,
                        None,
                        None,
                        "",
                        record.predikat,
                        record.result_text,
                        record.line,
                    )
                )
                continue
            seen.add(record.nip)
            employee_id, name = here
            app, period = in_force.get(employee_id, (None, ""))
            ours = app.predikat if app is not None else None
            compared.append(
                ComparedPerson(
                    Standing.SAME if ours is record.predikat else Standing.DIFFERENT,
                    record.nip,
                    name,
                    employee_id,
                    app,
                    period,
                    record.predikat,
                    record.result_text,
                    record.line,
                )
            )
        for person in people:
            if person.nip in seen or (visible is not None and person.employee_id not in visible):
                continue
            app, period = in_force.get(person.employee_id, (None, ""))
            compared.append(
                ComparedPerson(
                    Standing.APP_ONLY,
                    person.nip,
                    full_name(person.name, person.gelar_depan, person.gelar_belakang),
                    person.employee_id,
                    app,
                    period,
                    None,
                    "",
                    None,
                )
            )
        order = list(Standing)
        compared.sort(key=lambda p: (order.index(p.standing), p.name.casefold(), p.nip))
        hidden = {
            nip
            for nip, (employee_id, _) in by_nip.items()
            if visible is not None and employee_id not in visible
        }
        acting = tuple(record for record in sheet.acting if record.nip not in hidden)
        return RecapComparison(
            file_name=file_name,
            year=year,
            header_line=sheet.header_line,
            people=tuple(compared),
            acting=acting,
            superseded=sheet.superseded,
            issues=sheet.issues,
            outside_access=outside,
        )


def _period_ends(year: int) -> dict[str, date]:
    """The last day of every period code of any scheme; AKHIR is the year's last day."""
    return {
        period.code: period.end
        for scheme in EvaluationScheme
        for period in periods_for_year(year, scheme)
    }


def _year_predikat(
    year: int, decided: list[repo.PeriodPredikat]
) -> dict[int, tuple[EffectivePredikat, str]]:
    """Each person's predikat of the year: AKHIR's, else the latest periodic one decided."""
    ends = _period_ends(year)
    best: dict[int, tuple[tuple[bool, date], EffectivePredikat, str]] = {}
    for row in decided:
        effective = effective_predikat(_predikat(row.final), _predikat(row.on_objection))
        if effective is None:
            continue
        rank = (row.period_code == FINAL_CODE, ends.get(row.period_code, date.min))
        current = best.get(row.employee_id)
        if current is None or rank > current[0]:
            best[row.employee_id] = (rank, effective, period_label(row.period_code))
    return {employee_id: (found, label) for employee_id, (_, found, label) in best.items()}


def _predikat(code: str | None) -> Predikat | None:
    try:
        return Predikat(code) if code else None
    except ValueError:
        return None
