"""The demo's competences and development plans, written after the behaviour step.

- **Job standards**: the three most common jabatan of the office get their standar kompetensi
  stored (the bawaan level, one level higher for Komunikasi where the job faces the public);
  every other jabatan keeps the bawaan levels, shown as such, so both kinds are on screen. The
  Pengadministrasi Perkantoran also get a teknis competence of their own (arsip).
- **Ratings** (Format B.1.9, after performance coaching): four competences per person, around
  the required level, some below it, with a reason; about one in six people was rated twice, so
  the history has something to show.
- **Plans** in every status: items accepted from the proposals the app makes from each person's
  gaps and decided ratings (so they are not proposed again), plus the odd e-learning or seminar;
  done items carry their evidence and outcome; some planned items have run past their end date;
  open items last reviewed before the running period began come up for review; one person's plan
  has lapsed (nothing done, everything overdue or cancelled).

In an office of :data:`SAMPLE_FROM` people or more (a load test) only every tenth person is
rated and planned, to keep the demo quick. The same seed and day give the same content.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert

from kinerja_desktop.data.competence_models import (
    CompetenceRatingRow,
    DevelopmentItemRow,
    JobStandardRow,
    TechnicalCompetenceRow,
)
from kinerja_desktop.data.repositories import competence as competence_repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.demo.steps import DemoContext
from kinerja_desktop.domain.competence import HIGHEST_LEVEL, LOWEST_LEVEL
from kinerja_desktop.domain.development import (
    ActionProposal,
    GapFinding,
    ItemStatus,
    current_period_start,
    propose_actions,
)
from kinerja_desktop.domain.periods import EvaluationScheme, periods_for_year
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.staff import Employee
from kinerja_desktop.services.development.competence import CompetenceService, build_profile
from kinerja_desktop.services.development.service import proposal_key

SAMPLE_FROM = 5_000
#: Held level minus required level, drawn for each rated competence.
_DELTAS = (-2, -1, -1, 0, 0, 0, 0, 1)
_REASONS = {
    -2: "Masih memerlukan arahan untuk hampir setiap tugas pada aspek ini.",
    -1: "Sudah mulai menunjukkan perilaku ini, tetapi belum konsisten tanpa pendampingan.",
    0: "Menunjukkan perilaku yang diharapkan jabatan secara konsisten selama periode ini.",
    1: "Melampaui yang diharapkan; sering menjadi rujukan rekan kerja pada aspek ini.",
}
_TECHNICAL = (
    "T.ARSIP",
    "Pengelolaan Arsip Dinamis",
    "Pengadministrasi Perkantoran",
    (
        "Mencatat surat masuk dan keluar sesuai tata naskah dinas.",
        "Memberkaskan arsip aktif menurut klasifikasi arsip.",
        "Menata arsip inaktif dan menyiapkan jadwal retensinya.",
        "Mengevaluasi pengelolaan arsip unit dan mengusulkan perbaikan.",
        "Membina pengelolaan arsip di unit lain.",
    ),
)
_EXTRA = (
    ("Perilaku Kerja Berorientasi Pelayanan", "E-learning pelayanan prima (LAN)", "E_LEARNING", 8),
    ("Hasil kerja", "Seminar tata kelola pelayanan publik", "SEMINAR", 4),
    ("Perilaku Kerja Adaptif", "Belajar mandiri aplikasi perkantoran", "BELAJAR_MANDIRI", 6),
)
_PROVIDERS = {
    "PELATIHAN_MANAJERIAL": "BPSDM Provinsi Sumatera Selatan",
    "PELATIHAN_TEKNIS": "BPSDM Provinsi Sumatera Selatan",
    "PELATIHAN_SOSIAL_KULTURAL": "BPSDM Provinsi Sumatera Selatan",
    "BIMBINGAN_TEKNIS": "BKPSDM Kota Palembang",
    "E_LEARNING": "LAN RI (ASN Unggul)",
    "SEMINAR": "Bagian Organisasi Setda Kota Palembang",
}


def write_development(ctx: DemoContext) -> None:
    """Write job standards, competence ratings and development plans for the demo year."""
    people = staff_repo.all_employees(ctx.session, active_only=True)
    if not people:
        return
    rng = ctx.rng("development")
    _write_standards(ctx, people)
    sample = people if len(people) < SAMPLE_FROM else people[::10]
    ratings = _write_ratings(ctx, sample, rng)
    items = _write_plans(ctx, sample, rng)
    ctx.notes.append(
        f"Kompetensi: {ratings} penilaian; rencana pengembangan: {items} kegiatan "
        "(semua status, termasuk yang terlambat dan satu rencana terhenti)."
    )


def _write_standards(ctx: DemoContext, people: list[Employee]) -> None:
    common = [jabatan for jabatan, _n in Counter(p.jabatan for p in people).most_common(3)]
    by_jabatan = {person.jabatan: person for person in people}
    rows = []
    for jabatan in common:
        profile = build_profile(by_jabatan[jabatan], {}, {}, ())
        for line in profile.lines:
            if line.required is None:
                continue
            level = line.required
            if line.competence.code == "M.03" and level < HIGHEST_LEVEL:
                level += 1  # these jobs face the public every day
            rows.append(
                {
                    "jabatan": jabatan,
                    "competence_code": line.competence.code,
                    "required_level": level,
                }
            )
    code, name, jabatan, levels = _TECHNICAL
    if jabatan in by_jabatan:
        ctx.session.execute(
            insert(TechnicalCompetenceRow),
            [{"code": code, "name": name, "jabatan": jabatan, "levels": "\n".join(levels)}],
        )
        rows.append({"jabatan": jabatan, "competence_code": code, "required_level": 2})
    if rows:
        ctx.session.execute(insert(JobStandardRow), rows)


def _rated_on(ctx: DemoContext, rng: random.Random) -> date:
    start = date(ctx.today.year, 1, 15)
    span = max((ctx.today - start).days, 0)
    return start + timedelta(days=rng.randint(0, span)) if span else ctx.today


def _write_ratings(ctx: DemoContext, people: list[Employee], rng: random.Random) -> int:
    profiles = CompetenceService.profiles_in(ctx.session, people, ctx.today)
    rows: list[dict[str, Any]] = []
    for person in people:
        lines = [line for line in profiles[person.id].lines if line.required is not None]
        for line in rng.sample(lines, min(4, len(lines))):
            assert line.required is not None
            delta = rng.choice(_DELTAS)
            level = min(max(line.required + delta, LOWEST_LEVEL), HIGHEST_LEVEL)
            rated_on = _rated_on(ctx, rng)
            if rng.random() < 1 / 6 and rated_on.month > 1:
                earlier = max(level - 1, LOWEST_LEVEL)
                rows.append(_rating(ctx, person.id, line.competence.code, (earlier, -1), rated_on))
                rated_on = min(rated_on + timedelta(days=45), ctx.today)
            rows.append(_rating(ctx, person.id, line.competence.code, (level, delta), rated_on))
    if rows:
        ctx.session.execute(insert(CompetenceRatingRow), rows)
    return len(rows)


def _rating(
    ctx: DemoContext, employee_id: int, code: str, level: tuple[int, int], rated_on: date
) -> dict[str, Any]:
    """A rating row; ``level`` is the held level and its distance from the required one."""
    held, delta = level
    return {
        "employee_id": employee_id,
        "competence_code": code,
        "level": held,
        "reason": _REASONS[max(min(delta, 1), -2)],
        "rated_on": rated_on,
        "recorded_at": ctx.stamp,
    }


class _Calendar:
    """Dates of plan items around the demo's day: past, running, coming, overdue."""

    def __init__(self, today: date, rng: random.Random) -> None:
        self.today = today
        self.rng = rng
        periods = periods_for_year(today.year, EvaluationScheme.TRIWULAN)
        self.period_start = current_period_start(periods, today) or date(today.year, 1, 1)

    def days(self, low: int, high: int) -> date:
        return self.today + timedelta(days=self.rng.randint(low, high))

    def dates(self, status: ItemStatus, overdue: bool) -> tuple[date, date]:
        if status is ItemStatus.SELESAI or overdue:
            start = self.days(-120, -20)
            return start, start + timedelta(days=self.rng.randint(1, 10))
        if status is ItemStatus.BERJALAN:
            return self.days(-20, -2), self.days(5, 40)
        return (start := self.days(10, 60)), start + timedelta(days=self.rng.randint(1, 5))

    def seen(self, needs_review: bool) -> date:
        """The last review: before the running period began when it needs one again."""
        if needs_review:
            return self.period_start - timedelta(days=self.rng.randint(5, 40))
        return max(self.period_start, self.today - timedelta(days=self.rng.randint(0, 20)))


def _proposals(ctx: DemoContext, person: Employee, gaps: list[GapFinding]) -> list[ActionProposal]:
    decisions = competence_repo.year_decisions(ctx.session, person.id, ctx.today.year)
    return list(
        propose_actions(
            gaps=gaps,
            hasil=Rating(decisions.hasil) if decisions.hasil else None,
            perilaku=Rating(decisions.perilaku) if decisions.perilaku else None,
            predikat=Predikat(decisions.predikat) if decisions.predikat else None,
        )
    )


_Entry = tuple[str, str, str, Decimal, str | None]
#: A finished training that brings its participant past the yearly JP minimum.
_TRAINING: _Entry = (
    "Hasil kerja",
    "Pelatihan teknis penyusunan laporan kinerja",
    "PELATIHAN_TEKNIS",
    Decimal(24),
    None,
)


def _item_row(
    ctx: DemoContext,
    employee_id: int,
    calendar: _Calendar,
    entry: _Entry,
    state: tuple[ItemStatus, bool],
) -> dict[str, Any]:
    """A plan item row; ``state`` is its status and whether it has run past its end date."""
    addresses, title, path, jp, key = entry
    status, overdue = state
    start, end = calendar.dates(status, overdue)
    open_item = status in (ItemStatus.DIRENCANAKAN, ItemStatus.BERJALAN)
    seen = calendar.seen(open_item and calendar.rng.random() < 0.35)
    done = status is ItemStatus.SELESAI
    return {
        "employee_id": employee_id,
        "year": ctx.today.year,
        "addresses": addresses,
        "title": title,
        "path": path,
        "provider": _PROVIDERS.get(path, "Atasan langsung"),
        "start_date": start,
        "end_date": end,
        "jp": jp,
        "status": status.value,
        "evidence_note": "Sertifikat/laporan kegiatan diarsipkan" if done else "",
        "outcome": "Sudah diterapkan dalam tugas sehari-hari." if done else "",
        "proposal_key": key,
        "reviewed_on": seen,
        "created_at": datetime.combine(min(seen, start), time(9)),
    }


def _write_plans(ctx: DemoContext, people: list[Employee], rng: random.Random) -> int:
    calendar = _Calendar(ctx.today, rng)
    profiles = CompetenceService.profiles_in(ctx.session, people, ctx.today)
    statuses = (
        ItemStatus.SELESAI,
        ItemStatus.BERJALAN,
        ItemStatus.DIRENCANAKAN,
        ItemStatus.SELESAI,
        ItemStatus.DIRENCANAKAN,
        ItemStatus.DIBATALKAN,
    )
    rows: list[dict[str, Any]] = []
    lapsed_person = None
    turn = 0
    for person in people:
        proposals = _proposals(ctx, person, profiles[person.id].gaps)[:2]
        if not proposals and rng.random() < 0.5:
            continue  # not everyone has a plan yet
        lapsing = lapsed_person is None and len(proposals) >= 1 and person.penilai_id is not None
        if lapsing:
            lapsed_person = person.id
        entries: list[_Entry] = [
            (p.addresses, p.title, p.paths[0].value, p.jp or Decimal(4), proposal_key(p))
            for p in proposals
        ]
        extra = _EXTRA[turn % len(_EXTRA)]
        entries.append((extra[0], extra[1], extra[2], Decimal(extra[3]), None))
        if turn % 4 == 0 and not lapsing:
            entries.append(_TRAINING)
        chosen = []
        for entry in entries:
            status = ItemStatus.DIRENCANAKAN if lapsing else statuses[turn % len(statuses)]
            if entry is _TRAINING:
                status = ItemStatus.SELESAI
            overdue = lapsing or (status is ItemStatus.DIRENCANAKAN and turn % 5 == 0)
            chosen.append((entry, status, overdue))
            turn += 1
        if not lapsing and all(
            status is ItemStatus.DIBATALKAN or overdue for _entry, status, overdue in chosen
        ):
            # Only one person's plan lapses in the demo; keep everyone else's going.
            chosen[-1] = (chosen[-1][0], ItemStatus.BERJALAN, False)
        for (addresses, title, path, jp, key), status, overdue in chosen:
            entry = (addresses, title, path, jp, key)
            rows.append(_item_row(ctx, person.id, calendar, entry, (status, overdue)))
    if rows:
        ctx.session.execute(insert(DevelopmentItemRow), rows)
    return len(rows)
