"""SKP planning through SkpService, on a real SQLite file: create, save, agree, revise."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest

from kinerja_desktop.data.skp_models import RealisationRow, RhkFeedbackRow
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.errors import (
    NotFoundError,
    StaleEditError,
    ValidationError,
    ValidationErrors,
)
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    LampiranKind,
    Pendekatan,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
    SkpStatus,
)
from kinerja_desktop.domain.skp_records import SkpView
from kinerja_desktop.domain.staff import StaffFields
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.skp.service import LOCKED_MESSAGE
from kinerja_desktop.services.staff.service import StaffInput

YEAR = 2026


@dataclass(frozen=True)
class Office:
    camat: int
    kasi: int
    staf: int
    jpt: int
    joiner: int


def _add(
    services: AppServices,
    unit_id: int,
    fields: StaffFields,
    penilai: int | None,
    joined: date = date(2020, 1, 2),
) -> int:
    return services.staff.create(
        StaffInput(fields=fields, unit_id=unit_id, penilai_id=penilai, effective_date=joined)
    ).id


@pytest.fixture
def office(services: AppServices) -> Office:
    root = services.staff.add_unit("Pemerintah Kota Palembang", None, "Palembang")
    unit = services.staff.add_unit("Kecamatan Kertapati", root.id)
    jpt = _add(
        services,
        root.id,
        StaffFields("197001012000031001", "Hasan Basri", "PNS", "IV/c", "Sekretaris Daerah", "JPT"),
        None,
    )
    camat = _add(
        services,
        unit.id,
        StaffFields(
            "197805122003121002", "Ahmad Fauzi", "PNS", "IV/a", "Camat Kertapati", "Administrator"
        ),
        None,
    )
    kasi = _add(
        services,
        unit.id,
        StaffFields(
            "198103042006042011",
            "Siti Rahmawati",
            "PNS",
            "III/d",
            "Kepala Seksi Pelayanan Umum",
            "Pengawas",
        ),
        camat,
    )
    staf = _add(
        services,
        unit.id,
        StaffFields(
            "198906152014031001", "Rizky Pratama", "PNS", "III/b", "Analis Pelayanan", "Pelaksana"
        ),
        kasi,
    )
    joiner = _add(
        services,
        unit.id,
        StaffFields(
            "199801012022031003", "Dimas Saputra", "PNS", "II/c", "Pengolah Data", "Pelaksana"
        ),
        kasi,
        joined=date(YEAR, 6, 15),
    )
    return Office(camat=camat, kasi=kasi, staf=staf, jpt=jpt, joiner=joiner)


def iki(**changes: object) -> IkiDraft:
    values: dict[str, object] = {
        "indicator": "Jumlah dokumen laporan yang disusun",
        "target": "2",
        "unit": "Dokumen",
        "aspek": Aspek.KUANTITAS,
    }
    values.update(changes)
    return IkiDraft(**values)  # type: ignore[arg-type]


def rhk(
    text: str = "Tersusunnya laporan pelayanan", *indicators: IkiDraft, **changes: object
) -> RhkDraft:
    values: dict[str, object] = {"text": text, "indicators": indicators or (iki(),)}
    values.update(changes)
    return RhkDraft(**values)  # type: ignore[arg-type]


def skp_with(services: AppServices, employee_id: int, *rhks: RhkDraft, **draft: object) -> SkpView:
    created = services.skp.create(employee_id, YEAR)
    content = SkpDraft(pendekatan=Pendekatan.KUANTITATIF, rhks=rhks, **draft)  # type: ignore[arg-type]
    return services.skp.save(created.id, created.version, content)


def top_skp(services: AppServices, employee_id: int, *texts: str) -> SkpView:
    """An SKP at the top of the tree: main RHK serving a free-text target."""
    rhks = [rhk(text, parent_text="Renstra Kecamatan 2024-2026") for text in texts]
    return skp_with(services, employee_id, *rhks)


# --- create ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "layout", "start", "end"),
    [
        ("camat", SkpLayout.JA_JF, date(YEAR, 1, 1), date(YEAR, 12, 31)),
        ("staf", SkpLayout.JA_JF, date(YEAR, 1, 1), date(YEAR, 12, 31)),
        ("jpt", SkpLayout.JPT, date(YEAR, 1, 1), date(YEAR, 12, 31)),
        # A mid-year joiner is appraised over their partial period only.
        ("joiner", SkpLayout.JA_JF, date(YEAR, 6, 15), date(YEAR, 12, 31)),
    ],
)
def test_create_starts_an_empty_draft_over_the_persons_period(
    services: AppServices, office: Office, *, who: str, layout: SkpLayout, start: date, end: date
) -> None:
    created = services.skp.create(getattr(office, who), YEAR)

    assert (created.layout, created.period_start, created.period_end) == (layout, start, end)
    assert created.status is SkpStatus.DRAFT
    assert created.pendekatan is Pendekatan.KUANTITATIF
    assert (created.revision, created.agreed_on, created.rhks) == (1, None, ())
    assert not created.locked
    assert services.skp.get(getattr(office, who), YEAR) == created
    assert services.skp.by_id(created.id) == created


def test_create_keeps_the_chosen_pendekatan(services: AppServices, office: Office) -> None:
    created = services.skp.create(office.staf, YEAR, Pendekatan.KUALITATIF)
    assert created.pendekatan is Pendekatan.KUALITATIF


def test_second_skp_for_the_same_year_is_refused(services: AppServices, office: Office) -> None:
    services.skp.create(office.staf, YEAR)
    with pytest.raises(ValidationError) as raised:
        services.skp.create(office.staf, YEAR)
    assert raised.value.message == f"Rizky Pratama sudah memiliki SKP tahun {YEAR}."
    services.skp.create(office.staf, YEAR + 1)  # another year is fine


def test_create_refuses_a_year_the_person_did_not_serve(
    services: AppServices, office: Office
) -> None:
    # Joined on 15 June: no day of service in the year before.
    with pytest.raises(ValidationError) as raised:
        services.skp.create(office.joiner, YEAR - 1)
    assert raised.value.message == (
        f"Dimas Saputra tidak bertugas pada tahun {YEAR - 1}, jadi tidak ada SKP."
    )


def test_unknown_people_and_skps_are_not_found(services: AppServices, office: Office) -> None:
    with pytest.raises(NotFoundError):
        services.skp.create(9999, YEAR)
    with pytest.raises(NotFoundError):
        services.skp.by_id(9999)
    assert services.skp.get(office.staf, YEAR) is None


# --- save -----------------------------------------------------------------------------------


def test_save_stores_the_whole_content(services: AppServices, office: Office) -> None:
    saved = skp_with(
        services,
        office.camat,
        rhk(
            "Meningkatnya kualitas pelayanan",
            iki(target="12,5"),
            iki(indicator="Persentase layanan tepat waktu", target="100", unit="%"),
            parent_text="Renstra Kecamatan",
        ),
        rhk("Terlaksananya kegiatan sosial", kind=RhkKind.TAMBAHAN),
        lampiran={LampiranKind.KONSEKUENSI: ("Penghargaan bila ekspektasi tercapai", "  ")},
        expectations={BehaviourValue.AKUNTABEL: "Laporan tepat waktu", BehaviourValue.LOYAL: " "},
    )

    assert [(r.text, r.kind) for r in saved.rhks] == [
        ("Meningkatnya kualitas pelayanan", RhkKind.UTAMA),
        ("Terlaksananya kegiatan sosial", RhkKind.TAMBAHAN),
    ]
    first = saved.rhks[0]
    assert first.parent_text == "Renstra Kecamatan"
    assert [i.target for i in first.indicators] == [Decimal("12.5"), Decimal("100")]
    assert [i.target_display for i in first.indicators] == ["12,5 Dokumen", "100%"]
    # Empty lampiran items and expectations are dropped.
    assert saved.lampiran == {LampiranKind.KONSEKUENSI: ("Penghargaan bila ekspektasi tercapai",)}
    assert saved.expectations == {BehaviourValue.AKUNTABEL: "Laporan tepat waktu"}
    assert saved.version > 1
    assert services.skp.by_id(saved.id) == saved


@pytest.mark.parametrize(
    ("draft_rhk", "field", "message"),
    [
        (
            rhk(indicators=(iki(target="dua"),)),
            "rhk[0].iki[0].target",
            "RHK 1, indikator 1: target harus angka, mis. 12 atau 12,5; yang diisi 'dua'.",
        ),
        (
            rhk(indicators=(iki(), iki(target="0"))),
            "rhk[0].iki[1].target",
            "RHK 1, indikator 2: target harus lebih dari 0. Target 0 hanya untuk indikator "
            "yang makin kecil makin baik (mis. 0 temuan).",
        ),
        (
            rhk(indicators=(iki(target=""),)),
            "rhk[0].iki[0].target",
            "RHK 1, indikator 1: pendekatan kuantitatif membutuhkan target berupa angka.",
        ),
        (
            rhk(indicators=(iki(indicator="  "),)),
            "rhk[0].iki[0].indicator",
            "RHK 1, indikator 1: indikator wajib diisi.",
        ),
        (
            rhk("x" * 1001),
            "rhk[0].text",
            "RHK 1 paling banyak 1000 karakter (sekarang 1001).",
        ),
    ],
)
def test_save_checks_values_names_the_cell_and_saves_nothing(
    services: AppServices, office: Office, draft_rhk: RhkDraft, field: str, message: str
) -> None:
    before = skp_with(services, office.staf, rhk("RHK yang sudah tersimpan"))
    draft = SkpDraft(
        pendekatan=Pendekatan.KUANTITATIF,
        rhks=(rhk("RHK baru yang benar"), draft_rhk),
    )
    shifted = field.replace("rhk[0]", "rhk[1]")
    with pytest.raises(ValidationErrors) as raised:
        services.skp.save(before.id, before.version, draft)

    assert raised.value.by_field() == {shifted: message.replace("RHK 1", "RHK 2")}
    assert services.skp.by_id(before.id) == before


def test_save_lists_every_wrong_value_at_once(services: AppServices, office: Office) -> None:
    created = services.skp.create(office.staf, YEAR)
    draft = SkpDraft(
        pendekatan=Pendekatan.KUANTITATIF,
        rhks=(rhk(indicators=(iki(target="-1"), iki(unit="u" * 61))),),
    )
    with pytest.raises(ValidationErrors) as raised:
        services.skp.save(created.id, created.version, draft)
    assert [error.field for error in raised.value.errors] == [
        "rhk[0].iki[0].target",
        "rhk[0].iki[1].unit",
    ]


def test_save_keeps_ids_so_realisation_survives(services: AppServices, office: Office) -> None:
    saved = skp_with(services, office.staf, rhk("Laporan bulanan", iki(), iki(target="3")))
    first_iki = saved.rhks[0].indicators[0]
    _add_realisation(services, first_iki.id)

    draft = saved.to_draft()
    edited_rhk = replace(
        draft.rhks[0],
        text="Laporan bulanan yang lengkap",
        indicators=(
            replace(draft.rhks[0].indicators[0], target="4"),
            *draft.rhks[0].indicators[1:],
        ),
    )
    again = services.skp.save(saved.id, saved.version, replace(draft, rhks=(edited_rhk,)))

    assert again.rhks[0].id == saved.rhks[0].id
    assert [i.id for i in again.rhks[0].indicators] == [i.id for i in saved.rhks[0].indicators]
    assert again.rhks[0].indicators[0].target == Decimal(4)
    with services.database.reading() as session:
        kept = session.get(RealisationRow, 1)
        assert kept is not None and kept.iki_id == first_iki.id


def test_deleting_an_indicator_with_realisation_is_refused(
    services: AppServices, office: Office
) -> None:
    saved = skp_with(
        services,
        office.staf,
        rhk("Laporan bulanan", iki(), iki(indicator="Ketepatan waktu laporan", target="12")),
    )
    _add_realisation(services, saved.rhks[0].indicators[1].id)
    draft = saved.to_draft()
    without = replace(draft.rhks[0], indicators=draft.rhks[0].indicators[:1])

    with pytest.raises(ValidationError) as raised:
        services.skp.save(saved.id, saved.version, replace(draft, rhks=(without,)))
    assert raised.value.message == (
        "Indikator 'Ketepatan waktu laporan' sudah memiliki realisasi atau bukti dukung, "
        "jadi tidak dapat dihapus."
    )
    assert services.skp.by_id(saved.id) == saved


@pytest.mark.parametrize("record", ["realisation", "feedback"])
def test_deleting_an_rhk_with_records_is_refused(
    services: AppServices, office: Office, record: str
) -> None:
    saved = skp_with(services, office.staf, rhk("Laporan bulanan"), rhk("Arsip tertata"))
    target = saved.rhks[1]
    if record == "realisation":
        _add_realisation(services, target.indicators[0].id)
    else:
        with services.database.transaction() as session:
            session.add(RhkFeedbackRow(rhk_id=target.id, period_code="TW1", feedback="Baik"))
    draft = saved.to_draft()

    with pytest.raises(ValidationError) as raised:
        services.skp.save(saved.id, saved.version, replace(draft, rhks=draft.rhks[:1]))
    assert raised.value.message == (
        "RHK 'Arsip tertata' sudah memiliki realisasi atau umpan balik, jadi tidak dapat dihapus."
    )
    assert services.skp.by_id(saved.id) == saved


def test_deleting_an_rhk_without_records_is_allowed(services: AppServices, office: Office) -> None:
    saved = skp_with(services, office.staf, rhk("Laporan bulanan"), rhk("Arsip tertata"))
    draft = saved.to_draft()
    again = services.skp.save(saved.id, saved.version, replace(draft, rhks=draft.rhks[1:]))
    assert [r.id for r in again.rhks] == [saved.rhks[1].id]


# --- the cascade link -----------------------------------------------------------------------


def test_parent_must_be_one_of_the_penilais_rhk(services: AppServices, office: Office) -> None:
    camat = top_skp(services, office.camat, "Meningkatnya pelayanan kecamatan")
    kasi = skp_with(services, office.kasi, rhk("Layanan cepat", parent_rhk_id=camat.rhks[0].id))
    staf = services.skp.create(office.staf, YEAR)

    # The camat is not the staff member's penilai: his RHK cannot be served directly.
    wrong = SkpDraft(Pendekatan.KUANTITATIF, (rhk(parent_rhk_id=camat.rhks[0].id),))
    with pytest.raises(ValidationError) as raised:
        services.skp.save(staf.id, staf.version, wrong)
    assert raised.value.message == (
        f"RHK 1: RHK atasan yang dipilih tidak ada di SKP Pejabat Penilai tahun {YEAR}."
    )
    assert raised.value.field == "rhk[0].parent"

    assert [o.id for o in services.skp.supervisor_options(office.staf, YEAR)] == [kasi.rhks[0].id]
    right = SkpDraft(Pendekatan.KUANTITATIF, (rhk(parent_rhk_id=kasi.rhks[0].id),))
    saved = services.skp.save(staf.id, staf.version, right)
    assert saved.rhks[0].parent_rhk_id == kasi.rhks[0].id
    assert saved.rhks[0].parent_label == "Layanan cepat"
    assert kasi.rhks[0].parent_label == "Meningkatnya pelayanan kecamatan"


def test_no_supervisor_options_without_the_penilais_skp(
    services: AppServices, office: Office
) -> None:
    assert services.skp.supervisor_options(office.staf, YEAR) == []
    assert services.skp.supervisor_options(office.camat, YEAR) == []  # no penilai at all
    top_skp(services, office.kasi, "Layanan cepat")
    assert services.skp.supervisor_options(office.staf, YEAR - 1) == []  # other year


# --- agree ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rhks", "gaps"),
    [
        ((), {"rhk": "SKP harus memiliki paling sedikit satu RHK utama."}),
        (
            (rhk(indicators=(), parent_text="Renstra"),),
            {"rhk[0].text": "RHK 1: tambahkan paling sedikit satu indikator."},
        ),
        (
            (rhk(),),
            {"rhk[0].parent": "RHK 1: tuliskan sasaran pimpinan atau instansi yang didukung."},
        ),
        (
            (rhk(indicators=(iki(aspek=None, unit=""),), parent_text="Renstra"),),
            {
                "rhk[0].iki[0].aspek": "RHK 1, indikator 1: pilih aspek.",
                "rhk[0].iki[0].unit": "RHK 1, indikator 1: satuan target wajib diisi.",
            },
        ),
    ],
)
def test_agree_lists_what_is_missing(
    services: AppServices, office: Office, rhks: tuple[RhkDraft, ...], gaps: dict[str, str]
) -> None:
    saved = skp_with(services, office.camat, *rhks)
    with pytest.raises(ValidationErrors) as raised:
        services.skp.agree(saved.id, saved.version, date(YEAR, 1, 20))
    assert raised.value.by_field() == gaps
    assert services.skp.by_id(saved.id).status is SkpStatus.DRAFT


def test_jpt_layout_asks_for_perspektif(services: AppServices, office: Office) -> None:
    saved = skp_with(services, office.jpt, rhk(parent_text="RPJMD"))
    with pytest.raises(ValidationErrors) as raised:
        services.skp.agree(saved.id, saved.version, date(YEAR, 1, 20))
    assert raised.value.by_field() == {
        "rhk[0].iki[0].perspektif": "RHK 1, indikator 1: pilih perspektif."
    }


def test_agree_needs_the_cascade_when_the_penilai_has_an_skp(
    services: AppServices, office: Office
) -> None:
    # Without the kasi's SKP, free text stands in for the supervisor's RHK.
    free = skp_with(services, office.staf, rhk(parent_text="Program pelayanan kecamatan"))
    kasi = top_skp(services, office.kasi, "Layanan cepat")

    with pytest.raises(ValidationErrors) as raised:
        services.skp.agree(free.id, free.version, date(YEAR, 1, 20))
    assert raised.value.by_field() == {
        "rhk[0].parent": "RHK 1: pilih RHK atasan yang diintervensi."
    }

    draft = free.to_draft()
    linked = replace(draft.rhks[0], parent_rhk_id=kasi.rhks[0].id)
    saved = services.skp.save(free.id, free.version, replace(draft, rhks=(linked,)))
    agreed = services.skp.agree(saved.id, saved.version, date(YEAR, 1, 20))
    assert agreed.status is SkpStatus.DISEPAKATI


def test_tambahan_rhk_needs_no_cascade(services: AppServices, office: Office) -> None:
    kasi = top_skp(services, office.kasi, "Layanan cepat")
    saved = skp_with(
        services,
        office.staf,
        rhk(parent_rhk_id=kasi.rhks[0].id),
        rhk("Menjadi panitia kegiatan", kind=RhkKind.TAMBAHAN),
    )
    assert services.skp.agree(saved.id, saved.version, date(YEAR, 1, 20)).locked


def test_agree_locks_the_skp(services: AppServices, office: Office) -> None:
    saved = top_skp(services, office.camat, "Meningkatnya pelayanan")
    agreed = services.skp.agree(saved.id, saved.version, date(YEAR, 1, 20))

    assert (agreed.status, agreed.agreed_on, agreed.locked) == (
        SkpStatus.DISEPAKATI,
        date(YEAR, 1, 20),
        True,
    )
    assert [(v.revision, v.agreed_on, v.reason) for v in services.skp.versions(saved.id)] == [
        (1, date(YEAR, 1, 20), "")
    ]
    with pytest.raises(ValidationError) as raised:
        services.skp.save(agreed.id, agreed.version, agreed.to_draft())
    assert raised.value.message == LOCKED_MESSAGE
    with pytest.raises(ValidationError) as twice:
        services.skp.agree(agreed.id, agreed.version, date(YEAR, 1, 21))
    assert twice.value.message == LOCKED_MESSAGE
    assert services.skp.by_id(saved.id) == agreed


# --- revisions ------------------------------------------------------------------------------


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_a_revision_needs_a_reason(services: AppServices, office: Office, reason: str) -> None:
    saved = top_skp(services, office.camat, "Meningkatnya pelayanan")
    agreed = services.skp.agree(saved.id, saved.version, date(YEAR, 1, 20))
    with pytest.raises(ValidationError) as raised:
        services.skp.start_revision(agreed.id, agreed.version, reason)
    assert (raised.value.message, raised.value.field) == (
        "Alasan revisi SKP wajib diisi.",
        "reason",
    )
    assert services.skp.by_id(saved.id).locked


def test_a_draft_needs_no_revision(services: AppServices, office: Office) -> None:
    saved = top_skp(services, office.camat, "Meningkatnya pelayanan")
    with pytest.raises(ValidationError) as raised:
        services.skp.start_revision(saved.id, saved.version, "Perubahan target")
    assert raised.value.message == "SKP ini masih draf; ubah saja tanpa revisi."


def test_revision_keeps_the_agreed_version_readable(services: AppServices, office: Office) -> None:
    saved = top_skp(services, office.camat, "Meningkatnya pelayanan")
    agreed = services.skp.agree(saved.id, saved.version, date(YEAR, 1, 20))
    first = services.skp.version(saved.id, 1)
    assert first == agreed

    revising = services.skp.start_revision(agreed.id, agreed.version, "  Target naik  ")
    assert (revising.status, revising.revision, revising.revision_reason) == (
        SkpStatus.DRAFT,
        2,
        "Target naik",
    )
    assert revising.agreed_on is None

    draft = revising.to_draft()
    edited = replace(
        draft.rhks[0],
        text="Meningkatnya pelayanan prima",
        indicators=(replace(draft.rhks[0].indicators[0], target="5"),),
    )
    edited_view = services.skp.save(revising.id, revising.version, replace(draft, rhks=(edited,)))

    # Only the optimistic-lock value follows the live row; the content is as agreed.
    assert replace(services.skp.version(saved.id, 1), version=first.version) == first
    assert first.rhks[0].text == "Meningkatnya pelayanan"
    assert first.rhks[0].indicators[0].target == Decimal(2)
    assert (first.revision, first.status, first.agreed_on) == (
        1,
        SkpStatus.DISEPAKATI,
        date(YEAR, 1, 20),
    )

    again = services.skp.agree(edited_view.id, edited_view.version, date(YEAR, 7, 1))
    assert [(v.revision, v.agreed_on, v.reason) for v in services.skp.versions(saved.id)] == [
        (1, date(YEAR, 1, 20), ""),
        (2, date(YEAR, 7, 1), "Target naik"),
    ]
    second = services.skp.version(saved.id, 2)
    assert second.rhks[0].text == "Meningkatnya pelayanan prima"
    assert second.revision_reason == "Target naik"
    assert again.revision == 2
    with pytest.raises(NotFoundError, match=r"Versi 3 SKP ini tidak ada\."):
        services.skp.version(saved.id, 3)


# --- stale edits ----------------------------------------------------------------------------


def test_stale_edits_are_refused(services: AppServices, office: Office) -> None:
    created = services.skp.create(office.camat, YEAR)
    content = SkpDraft(Pendekatan.KUANTITATIF, (rhk(parent_text="Renstra"),))
    saved = services.skp.save(created.id, created.version, content)
    assert saved.version > created.version

    for stale_call in (
        lambda: services.skp.save(created.id, created.version, content),
        lambda: services.skp.agree(created.id, created.version, date(YEAR, 1, 20)),
    ):
        with pytest.raises(StaleEditError, match="sudah diubah di tempat lain"):
            stale_call()

    agreed = services.skp.agree(saved.id, saved.version, date(YEAR, 1, 20))
    with pytest.raises(StaleEditError):
        services.skp.start_revision(saved.id, saved.version, "Alasan")
    # Agreeing twice from the same (now old) screen is stale, not a second agreement.
    with pytest.raises(StaleEditError):
        services.skp.agree(saved.id, saved.version, date(YEAR, 1, 21))
    assert services.skp.versions(agreed.id) == services.skp.versions(saved.id)
    assert len(services.skp.versions(saved.id)) == 1


# --- helpers ----------------------------------------------------------------------------------


def _add_realisation(services: AppServices, iki_id: int) -> None:
    with services.database.transaction() as session:
        session.add(RealisationRow(iki_id=iki_id, period_code="TW1", value=Decimal(1)))
