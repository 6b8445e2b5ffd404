"""Beranda's checks about the file, the staff register and the year's SKPs.

Each check reads within the caller's transaction and returns plain items; the journal, the
development plans and supervision keep theirs beside their services.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import quick_check
from kinerja_desktop.data.repositories import skp as skp_repo
from kinerja_desktop.data.repositories import staff as repo
from kinerja_desktop.domain.attention import AttentionItem, Severity, name_list
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.hierarchy import subtree
from kinerja_desktop.domain.nip import MAX_AGE_AT_APPOINTMENT_PNS, MIN_AGE_AT_APPOINTMENT, Nip
from kinerja_desktop.domain.periods import EvaluationScheme, periods_for_year
from kinerja_desktop.domain.staff import EmployeeId, full_name
from kinerja_desktop.services.home.check_process import Check

#: How many days ahead an ending Plt/Plh assignment is announced.
ACTING_NOTICE_DAYS = 14


def _integrity(session: Session, _today: date) -> list[AttentionItem]:
    # Small files are checked before they are opened; this covers large ones too, off the
    # GUI thread. It reads the whole file (2.5 s at 20,000 people), so once per open file,
    # not on every refresh (data.database.quick_check).
    verdict = quick_check(session)
    if verdict == ("ok",):
        return []
    return [
        AttentionItem(
            Severity.PENTING,
            "Berkas basis data menunjukkan kerusakan",
            "Jangan menambah data dulu. Jalankan 'kinerja-desktop check' lalu pulihkan dari "
            "cadangan terakhir di folder 'backups'. Rincian: " + "; ".join(verdict[:3]),
        )
    ]


def _without_penilai(session: Session, _today: date) -> list[AttentionItem]:
    # People at the top who appraise others (a camat, a kepala puskesmas) are appraised from
    # outside the office; everyone else needs a penilai before an SKP can be agreed.
    missing = repo.unappraised_staff(session)
    if not missing:
        return []
    return [
        AttentionItem.about_people(
            Severity.PENTING, "{n} pegawai belum punya Pejabat Penilai", missing
        )
    ]


def _inactive_penilai(session: Session, _today: date) -> list[AttentionItem]:
    affected = repo.staff_with_inactive_penilai(session)
    if not affected:
        return []
    return [
        AttentionItem.about_people(
            Severity.PENTING,
            "{n} pegawai dinilai oleh pejabat yang sudah tidak aktif",
            affected,
            "Tetapkan Pejabat Penilai yang baru atau Plt/Plh: {names}",
        )
    ]


def _acting_ending(session: Session, today: date) -> list[AttentionItem]:
    items = []
    for assignment in repo.acting_assignments(session):
        if not today <= assignment.end_date <= today + timedelta(days=ACTING_NOTICE_DAYS):
            continue
        acting = repo.find_employee(session, assignment.acting_employee_id)
        absent = repo.find_employee(session, assignment.for_employee_id)
        if acting is None or absent is None:
            continue
        items.append(
            AttentionItem(
                Severity.INFO,
                f"{assignment.kind.label} {acting.full_name} berakhir "
                f"{format_date_id(assignment.end_date)}",
                f"Menggantikan {absent.full_name} ({absent.jabatan}).",
                (acting.id,),
            )
        )
    return items


def _year_not_set(session: Session, today: date) -> list[AttentionItem]:
    roots = [unit for unit in repo.all_units(session) if unit.parent_id is None]
    items = []
    for root in roots:
        if repo.appraisal_year(session, root.id, today.year) is None:
            items.append(
                AttentionItem(
                    Severity.INFO,
                    f"Tahun penilaian {today.year} untuk {root.name} belum diatur",
                    "Evaluasi periodik memakai triwulan sampai diatur lain di Pengaturan.",
                )
            )
    return items


def _nip_warnings(session: Session, _today: date) -> list[AttentionItem]:
    flagged = [
        (EmployeeId(employee_id), full_name(name, depan, belakang))
        # SQL narrows 20,000 NIPs to a handful by year; the exact rule decides.
        for employee_id, nip, name, depan, belakang in repo.nips_with_unusual_ages(
            session, youngest=MIN_AGE_AT_APPOINTMENT + 1, oldest=MAX_AGE_AT_APPOINTMENT_PNS
        )
        if Nip(nip).warnings()
    ]
    if not flagged:
        return []
    detail = "Tanggal lahir dan TMT pada NIP tidak wajar: {names}"
    return [
        AttentionItem(
            Severity.INFO,
            f"{len(flagged)} NIP perlu diperiksa ulang",
            detail.format(names=name_list([name for _id, name in flagged])),
            tuple(employee_id for employee_id, _name in flagged),
            title_template="{n} NIP perlu diperiksa ulang",
            detail_template=detail,
        )
    ]


def _skp_missing(session: Session, today: date) -> list[AttentionItem]:
    people = skp_repo.people_without_skp(session, today.year)
    if not people:
        return []
    # January is when SKPs are drafted; after it a missing SKP holds up every evaluation.
    severity = Severity.INFO if today.month == 1 else Severity.PENTING
    return [
        AttentionItem.about_people(
            severity, f"{{n}} pegawai belum punya SKP tahun {today.year}", people
        )
    ]


def _skp_not_agreed(session: Session, today: date) -> list[AttentionItem]:
    people = skp_repo.people_with_draft_skp(session, today.year)
    if not people:
        return []
    return [
        AttentionItem.about_people(
            Severity.INFO if today.month == 1 else Severity.PENTING,
            f"{{n}} SKP tahun {today.year} masih draf, belum disepakati",
            people,
        )
    ]


def _realisation_missing(session: Session, today: date) -> list[AttentionItem]:
    units = repo.all_units(session)
    children: dict[int | None, list[int]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit.id)
    items = []
    for root in children.get(None, []):
        year = repo.appraisal_year(session, root, today.year)
        scheme = year.scheme if year else EvaluationScheme.TRIWULAN
        ended = [
            period
            for period in periods_for_year(today.year, scheme)
            if not period.is_final and period.end < today
        ]
        if not ended:
            continue
        period = ended[-1]
        scope = sorted(subtree(((unit.id, unit.parent_id) for unit in units), root))
        people = skp_repo.people_missing_realisation(session, today.year, period.code, scope)
        if people:
            items.append(
                AttentionItem.about_people(
                    Severity.PENTING,
                    f"Realisasi {period.label} belum lengkap untuk {{n}} pegawai",
                    people,
                )
            )
    return items


#: In the order Beranda lists their items within a severity.
OFFICE_CHECKS: tuple[Check, ...] = (
    _integrity,
    _without_penilai,
    _inactive_penilai,
    _acting_ending,
    _year_not_set,
    _nip_warnings,
    _skp_missing,
    _skp_not_agreed,
    _realisation_missing,
)
