"""The demo's supervision: a year of complaints and compliments, two SKM rounds, audit findings.

What :func:`write_supervision` writes, for the first kecamatan block of the office (a load test
with many blocks gets the same, so the benchmark stays about the staff):

- **The register**: about 80 complaints, suggestions and compliments over the year before
  ``today``, by every channel (SP4N-LAPOR! with ticket numbers), about the kecamatan's front
  desk (Seksi Pelayanan Umum), the general clinic, the dental clinic and KIA/KB of the
  puskesmas, many naming the staff member. Older complaints are mostly closed (some late), a
  few are still open past their deadline, recent ones are being verified. In the current,
  not yet evaluated period a few entries about people are turned into behaviour observations
  (source "Masukan masyarakat"), linked both ways; only where that cannot make a repeated weak
  spot, so the behaviour demo keeps its one.
- **Two SKM rounds per service unit**: the previous semester (closed) and the current one
  (running, so the kiosk has a survey), a few hundred respondents each with some unanswered
  items and a profile; units differ in quality, and waiting time and facilities score lowest.
  The closed round has what its report needs: the population (so some units fall short of the
  minimum sample), the method, the fieldwork days and a rencana tindak lanjut for the two
  weakest unsur.
- **Audit findings in every status**: Inspektorat, BPKP and internal evaluation findings, not
  yet followed up (one overdue), in progress (one overdue), done with follow-up and evidence,
  and one that cannot be followed up, with its reason.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kinerja_desktop.data.behaviour_models import ObservationRow
from kinerja_desktop.data.repositories import feedback as feedback_repo
from kinerja_desktop.data.repositories import findings as findings_repo
from kinerja_desktop.data.repositories import journal as journal_repo
from kinerja_desktop.data.repositories import surveys as survey_repo
from kinerja_desktop.data.supervision_models import (
    FindingRow,
    FollowUpRow,
    PublicFeedbackRow,
    SurveyResponseRow,
    SurveyRow,
)
from kinerja_desktop.demo.steps import DemoContext
from kinerja_desktop.domain.dates import month_name_id
from kinerja_desktop.domain.supervision.complaints import (
    Channel,
    FeedbackKind,
    FeedbackStatus,
    default_deadlines,
)
from kinerja_desktop.domain.supervision.survey_period import parse_survey_period

#: The service units surveyed, by plan suffix, with their mean answer (quality differs).
SERVICE_UNITS = (("seksi_pu", 3.15), ("poli_umum", 2.9), ("poli_gigi", 3.35), ("kia", 3.8))
#: Per unsur, added to the unit's mean: waiting time and facilities lowest, cost highest.
ITEM_SHIFT = (0.1, 0.0, -0.45, 0.35, 0.05, 0.1, -0.05, -0.2, -0.3)
ENTRIES_PER_YEAR = 80

_COMPLAINTS: dict[str, tuple[str, ...]] = {
    "kec": (
        "Pengurusan surat keterangan pindah memakan waktu lebih dari seminggu.",
        "Petugas loket tidak ada di tempat pada jam pelayanan.",
        "Persyaratan surat keterangan usaha berbeda dari yang tertera di papan informasi.",
        "Antrean di loket pelayanan tidak tertib dan tidak ada nomor antrean.",
        "Petugas meminta uang tambahan untuk mempercepat surat.",
        "Ruang tunggu panas dan kursi kurang.",
    ),
    "pkm": (
        "Antrean di poli terlalu lama, lebih dari dua jam.",
        "Petugas berbicara dengan nada tinggi kepada pasien lansia.",
        "Obat yang diresepkan kosong di farmasi.",
        "Dokter datang terlambat dari jadwal praktik.",
        "Toilet ruang tunggu kotor dan tidak ada air.",
        "Hasil pemeriksaan tidak dijelaskan kepada pasien.",
    ),
}
_COMPLIMENTS: dict[str, tuple[str, ...]] = {
    "kec": (
        "Petugas ramah dan membantu mengisi formulir.",
        "Surat selesai di hari yang sama, terima kasih.",
        "Pelayanan cepat dan jelas penjelasannya.",
    ),
    "pkm": (
        "Perawat sabar melayani anak saya yang rewel.",
        "Dokter menjelaskan penyakit dengan jelas.",
        "Pendaftaran sekarang jauh lebih cepat.",
    ),
}
_SUGGESTIONS: dict[str, tuple[str, ...]] = {
    "kec": ("Mohon disediakan layanan antrean daring.", "Tambah papan informasi persyaratan."),
    "pkm": ("Mohon tambah kursi ruang tunggu.", "Sediakan pendaftaran lewat WhatsApp."),
}
_TEXTS: dict[FeedbackKind, dict[str, tuple[str, ...]]] = {
    FeedbackKind.PENGADUAN: _COMPLAINTS,
    FeedbackKind.APRESIASI: _COMPLIMENTS,
    FeedbackKind.SARAN: _SUGGESTIONS,
}
_SIGNS = {
    FeedbackKind.PENGADUAN: "NEGATIF",
    FeedbackKind.APRESIASI: "POSITIF",
    FeedbackKind.SARAN: "NETRAL",
}
_CHANNEL_WEIGHTS = (
    (Channel.LANGSUNG, 30),
    (Channel.KOTAK_SARAN, 20),
    (Channel.TELEPON_WA, 20),
    (Channel.SP4N_LAPOR, 15),
    (Channel.MEDIA_SOSIAL, 10),
    (Channel.SURAT, 5),
)


@dataclass(frozen=True)
class _Unit:
    key: str
    id: int
    mean: float
    office: str  # "kec" or "pkm"
    people: tuple[int, ...]


def write_supervision(ctx: DemoContext) -> None:
    units = _units(ctx)
    if not units:
        return
    entries, observed = _write_register(ctx, units)
    respondents = _write_surveys(ctx, units)
    findings = _write_findings(ctx, units)
    _stamp(ctx)
    # First among the notes, so that each capability's summary line keeps its place.
    ctx.notes.insert(
        0,
        f"Pengawasan: {entries} pengaduan, saran dan apresiasi ({observed} menjadi catatan "
        f"perilaku), {2 * len(units)} survei SKM dengan {respondents} responden, "
        f"{findings} temuan audit.",
    )


def _stamp(ctx: DemoContext) -> None:
    """Same seed and day, same content: recorded times are the demo's stamp, not the clock."""
    for model in (
        PublicFeedbackRow,
        SurveyRow,
        SurveyResponseRow,
        FindingRow,
        FollowUpRow,
    ):
        ctx.session.execute(update(model).values(recorded_at=ctx.stamp))
    ctx.session.execute(
        update(ObservationRow)
        .where(ObservationRow.source == "MASYARAKAT", ObservationRow.recorded_at != ctx.stamp)
        .values(recorded_at=ctx.stamp)
    )


def _units(ctx: DemoContext) -> list[_Unit]:
    found = []
    for suffix, mean in SERVICE_UNITS:
        key = f"b0.{suffix}"
        if key not in ctx.unit_ids:
            continue
        people = tuple(
            ctx.employee_ids[person.key]
            for person in ctx.plan.people
            if person.unit == key and person.active and person.key in ctx.employee_ids
        )
        office = "kec" if suffix == "seksi_pu" else "pkm"
        found.append(_Unit(key, ctx.unit_ids[key], mean, office, people))
    return found


# --- the register -------------------------------------------------------------------------------


def _kind(rng: random.Random) -> FeedbackKind:
    roll = rng.random()
    return (
        FeedbackKind.PENGADUAN
        if roll < 0.55
        else FeedbackKind.APRESIASI
        if roll < 0.85
        else FeedbackKind.SARAN
    )


def _about(rng: random.Random, unit: _Unit, kind: FeedbackKind) -> int | None:
    """Compliments often name the person; complaints less often, and mostly the same one."""
    if not unit.people or kind is FeedbackKind.SARAN:
        return None
    if kind is FeedbackKind.APRESIASI:
        return rng.choice(unit.people) if rng.random() < 0.6 else None
    if rng.random() >= 0.3:
        return None
    return unit.people[-1] if rng.random() < 0.6 else rng.choice(unit.people)


def _status(rng: random.Random, kind: FeedbackKind, age: int) -> FeedbackStatus:
    if kind is FeedbackKind.APRESIASI:
        return FeedbackStatus.SELESAI if age > 7 else FeedbackStatus.DITERIMA
    if age > 60:
        return FeedbackStatus.SELESAI if rng.random() < 0.9 else FeedbackStatus.DITINDAKLANJUTI
    if age > 14:
        return rng.choice(
            (FeedbackStatus.SELESAI, FeedbackStatus.DITINDAKLANJUTI, FeedbackStatus.DIVERIFIKASI)
        )
    return FeedbackStatus.DITERIMA if age < 4 else FeedbackStatus.DIVERIFIKASI


def _write_register(ctx: DemoContext, units: list[_Unit]) -> tuple[int, int]:
    rng = ctx.rng("supervision-register")
    session = ctx.session
    channels = [channel for channel, _ in _CHANNEL_WEIGHTS]
    weights = [weight for _, weight in _CHANNEL_WEIGHTS]
    current_start = _current_period_start(ctx.today)
    convertible = _safe_for_negative(ctx, current_start)
    has_journal = bool(session.scalar(select(func.count(ObservationRow.id))))
    written = observed = 0
    ages = sorted((rng.randrange(1, 365) for _ in range(ENTRIES_PER_YEAR)), reverse=True)
    for number, age in enumerate(ages, start=1):
        unit = rng.choice(units)
        kind = _kind(rng)
        received = ctx.today - timedelta(days=age)
        channel = rng.choices(channels, weights)[0]
        pool = _TEXTS[kind][unit.office]
        about = _about(rng, unit, kind)
        respond_by, resolve_by = default_deadlines(kind, received)
        feedback_id = feedback_repo.add(
            session,
            feedback_repo.FeedbackData(
                kind=kind.value,
                channel=channel.value,
                received_on=received,
                text=rng.choice(pool),
                ticket=f"LAP-{received.year}{number:05d}" if channel is Channel.SP4N_LAPOR else "",
                unit_id=unit.id,
                employee_id=about,
                category="Sikap dan perilaku petugas" if about else "Waktu pelayanan",
                respond_by=respond_by,
                resolve_by=resolve_by,
            ),
        )
        written += 1
        _advance(session, rng, feedback_id, kind, received, age, ctx.today)
        if has_journal and about is not None and received >= current_start and received < ctx.today:
            negative = kind is FeedbackKind.PENGADUAN
            if negative and about not in convertible:
                continue
            observation_id = journal_repo.add(
                session,
                journal_repo.ObservationData(
                    employee_id=about,
                    observed_on=received,
                    value_code="BERORIENTASI_PELAYANAN",
                    indicator=None,
                    sign=_SIGNS[kind],
                    serious=False,
                    text=f"{kind.label} masyarakat melalui {channel.label}: " + rng.choice(pool),
                    source="MASYARAKAT",
                    evidence_text=f"Register pengaduan dan apresiasi no. {feedback_id} "
                    "(Pengawasan)",
                ),
            )
            feedback_repo.link_observation(session, feedback_id, observation_id)
            convertible.discard(about)  # one negative per person: never a repeated weak spot
            observed += 1
    return written, observed


def _advance(  # noqa: PLR0917 - the entry and where it stands
    session: Session,
    rng: random.Random,
    feedback_id: int,
    kind: FeedbackKind,
    received: date,
    age: int,
    today: date,
) -> None:
    status = _status(rng, kind, age)
    if status is FeedbackStatus.DITERIMA:
        return
    if kind is FeedbackKind.APRESIASI:
        feedback_repo.set_status(
            session,
            feedback_id,
            "SELESAI",
            min(today, received + timedelta(days=3)),
            "Apresiasi disampaikan kepada petugas dan diumumkan pada apel pagi.",
        )
        return
    verified = min(today, received + timedelta(days=rng.randrange(1, 12)))
    feedback_repo.set_status(session, feedback_id, "DIVERIFIKASI", verified)
    if status is FeedbackStatus.DIVERIFIKASI:
        return
    follow = min(today, verified + timedelta(days=rng.randrange(1, 10)))
    feedback_repo.set_status(session, feedback_id, "DITINDAKLANJUTI", follow)
    if status is FeedbackStatus.DITINDAKLANJUTI:
        return
    closed = min(today, follow + timedelta(days=rng.choice((3, 10, 20, 30, 55))))
    feedback_repo.set_status(
        session,
        feedback_id,
        "SELESAI",
        closed,
        "Pelapor dihubungi dan diberi penjelasan; petugas dibina dan prosedur diperbaiki.",
    )


def _current_period_start(today: date) -> date:
    """The first day of the current triwulan (not yet evaluated by the behaviour demo)."""
    return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def _safe_for_negative(ctx: DemoContext, start: date) -> set[int]:
    """People without negative Berorientasi Pelayanan entries this year."""
    negative = set(
        ctx.session.scalars(
            select(ObservationRow.employee_id).where(
                ObservationRow.value_code == "BERORIENTASI_PELAYANAN",
                ObservationRow.sign == "NEGATIF",
                ObservationRow.observed_on >= date(start.year, 1, 1),
            )
        )
    )
    return set(ctx.employee_ids.values()) - negative


# --- surveys ------------------------------------------------------------------------------------


def _rounds(today: date) -> tuple[str, str]:
    """The previous semester and the current one."""
    if today.month <= 6:
        return f"{today.year - 1}-S2", f"{today.year}-S1"
    return f"{today.year}-S1", f"{today.year}-S2"


def _answer(rng: random.Random, mean: float) -> int | None:
    if rng.random() < 0.02:
        return None
    return max(1, min(4, round(rng.gauss(mean, 0.6))))


def _write_surveys(ctx: DemoContext, units: list[_Unit]) -> int:
    rng = ctx.rng("supervision-surveys")
    total = 0
    for round_number, code in enumerate(_rounds(ctx.today)):
        period = parse_survey_period(code)
        running = period.end >= ctx.today
        last_day = min(period.end, ctx.today)
        days = max(1, (last_day - period.start).days + 1)
        for unit in units:
            survey_id = survey_repo.add_survey(ctx.session, unit.id, code, period.start)
            if not running:
                survey_repo.set_closed(ctx.session, survey_id, period.end)
            # The second round is a little better where the first was weakest.
            mean = unit.mean + (0.12 if round_number and unit.mean < 3.2 else 0.03 * round_number)
            count = max(20, rng.randrange(220, 360) * days // 182)
            rows = []
            for _ in range(count):
                answers = tuple(_answer(rng, mean + shift) for shift in ITEM_SHIFT)
                if all(answer is None for answer in answers):
                    answers = (3, *answers[1:])
                rows.append(
                    survey_repo.ResponseData(
                        answers,
                        source=rng.choice(("KETIK", "KETIK", "IMPOR", "KIOS")),
                        gender=rng.choice(("L", "P", "P", "")),
                        age=rng.randrange(17, 75) if rng.random() < 0.8 else None,
                        education=rng.choice(("SD", "SMP", "SMA", "D3", "S1", "")),
                        occupation=rng.choice(
                            ("Wiraswasta", "Ibu rumah tangga", "Pelajar", "Karyawan", "")
                        ),
                        answered_on=period.start + timedelta(days=rng.randrange(days)),
                    )
                )
            total += survey_repo.add_responses(ctx.session, survey_id, rows)
            if not running:
                _write_report_details(ctx.session, survey_id, period.start, period.end, count)
    return total


#: The closed round's rencana tindak lanjut: unsur, program, when, who (the weakest unsur).
_ACTION_PLANS = (
    ("U3", "Menerapkan nomor antrean dan menambah petugas loket pada jam sibuk", "Kepala unit"),
    ("U9", "Memperbaiki ruang tunggu: kursi, kipas angin dan papan informasi", "Subbagian TU"),
)


def _write_report_details(
    session: Session, survey_id: int, start: date, end: date, respondents: int
) -> None:
    """Population, method, fieldwork and RTL of a closed round (what its report prints)."""
    # A small population is reached easily; the larger ones leave a unit short of its sample.
    population = respondents * 4 if respondents < 300 else respondents * 40
    survey_repo.set_details(
        session, survey_id, survey_repo.StoredDetails(population, "TATAP_MUKA,KIOS", start, end)
    )
    after = end + timedelta(days=1)
    when = f"{month_name_id(after.month)} {after.year}"
    for item, program, responsible in _ACTION_PLANS:
        survey_repo.add_action(
            session, survey_id, survey_repo.ActionData(item, program, when, responsible)
        )


# --- audit findings -----------------------------------------------------------------------------

_FINDINGS = (
    # source, days ago found, due in days, title, condition, recommendation, status, follow-ups
    (
        "INSPEKTORAT",
        200,
        60,
        "Obat kedaluwarsa belum dipisahkan dari stok pelayanan",
        "Pada pemeriksaan gudang farmasi ditemukan 14 jenis obat kedaluwarsa di rak pelayanan.",
        "Pisahkan obat kedaluwarsa, buat berita acara, dan usulkan pemusnahan.",
        "SELESAI",
        2,
    ),
    (
        "INSPEKTORAT",
        150,
        45,
        "Kas kecil tanpa bukti pengeluaran lengkap",
        "Tiga pengeluaran kas kecil tidak dilengkapi kuitansi bermeterai.",
        "Lengkapi bukti pengeluaran dan tertibkan buku kas.",
        "PROSES",
        1,
    ),
    (
        "EVALUASI_INTERNAL",
        40,
        60,
        "Standar pelayanan belum dipajang di loket",
        "Maklumat dan standar pelayanan tidak terlihat oleh pengguna layanan.",
        "Pasang maklumat dan standar pelayanan di ruang tunggu dan loket.",
        "PROSES",
        1,
    ),
    (
        "BPKP",
        120,
        30,
        "Aset tetap belum diberi label inventaris",
        "Dua puluh unit komputer dan meja belum berlabel inventaris.",
        "Beri label inventaris dan mutakhirkan Kartu Inventaris Barang.",
        "BELUM",
        0,
    ),
    (
        "INSPEKTORAT",
        20,
        60,
        "Jadwal piket pelayanan tidak dipatuhi",
        "Loket kosong pada jam pelayanan di dua hari pemeriksaan.",
        "Tetapkan jadwal piket dan pantau kehadiran petugas loket.",
        "BELUM",
        0,
    ),
    (
        "EVALUASI_INTERNAL",
        250,
        60,
        "Alat sterilisasi tidak dikalibrasi",
        "Autoklaf poli gigi belum dikalibrasi sejak pengadaannya.",
        "Kalibrasi alat oleh lembaga terakreditasi.",
        "TIDAK_DAPAT",
        1,
    ),
)


def _write_findings(ctx: DemoContext, units: list[_Unit]) -> int:
    written = 0
    for index, (source, ago, due, title, condition, advice, status, follow_ups) in enumerate(
        _FINDINGS
    ):
        unit = units[index % len(units)]
        found_on = ctx.today - timedelta(days=ago)
        finding_id = findings_repo.add(
            ctx.session,
            findings_repo.FindingData(
                source=source,
                found_on=found_on,
                title=title,
                condition=condition,
                recommendation=advice,
                due_on=found_on + timedelta(days=due),
                criterion="Standar operasional prosedur unit dan peraturan yang berlaku.",
                cause="Pengawasan atasan langsung belum rutin.",
                reference=f"LHP-700/{index + 11}/{found_on.year}",
                unit_id=unit.id,
                employee_id=unit.people[0] if unit.people else None,
            ),
            status=status,
        )
        last = found_on
        for step in range(follow_ups):
            last = min(ctx.today, found_on + timedelta(days=10 + 15 * step))
            findings_repo.add_follow_up(
                ctx.session,
                finding_id,
                findings_repo.FollowUpData(
                    done_on=last,
                    action=(
                        "Berita acara disusun dan disampaikan kepada Inspektorat."
                        if step
                        else "Rapat tindak lanjut dengan penanggung jawab; langkah perbaikan "
                        "disepakati."
                    ),
                    evidence_text=f"Arsip tindak lanjut no. {index + 1}.{step + 1}",
                ),
            )
        if status in ("SELESAI", "TIDAK_DAPAT"):
            note = (
                "Alat rusak berat dan sudah diusulkan penghapusan; kalibrasi tidak mungkin."
                if status == "TIDAK_DAPAT"
                else "Dinyatakan sesuai rekomendasi oleh Inspektorat."
            )
            findings_repo.set_status(ctx.session, finding_id, status, note, last)
        written += 1
    return written
