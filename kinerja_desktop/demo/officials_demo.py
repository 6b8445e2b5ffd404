"""The demo's appraisers outside the register: the camat's and the kepala puskesmas's.

A camat is appraised by the sekretaris daerah, a kepala puskesmas by the kepala dinas
kesehatan, whose own atasan is the sekretaris daerah; none of them works in the office, so
they are recorded as officials outside the register and the heads' forms print them. The
camat's atasan is the wali kota, a pejabat negara without NIP or golongan: the forms print the
name and jabatan only.
"""

from __future__ import annotations

from kinerja_desktop.data.repositories import officials
from kinerja_desktop.demo.steps import DemoContext
from kinerja_desktop.domain.officials import OfficialFields, OfficialKind, validate_official_fields

#: Fictional officials of the demo city, checked as typed input is.
SEKDA = OfficialFields(
    nip="196905121994031004",
    name="Hendra Kurniawan",
    golongan="IV/d",
    jabatan="Sekretaris Daerah",
    instansi="Sekretariat Daerah Kota Palembang",
    gelar_depan="Drs. H.",
    gelar_belakang="M.Si.",
)
KADINKES = OfficialFields(
    nip="197303082000032005",
    name="Lestari Wulandari",
    golongan="IV/c",
    jabatan="Kepala Dinas Kesehatan",
    instansi="Dinas Kesehatan Kota Palembang",
    gelar_depan="dr.",
    gelar_belakang="M.Kes.",
)

#: A kepala daerah is a pejabat negara: no NIP, no pangkat or golongan.
WALI_KOTA = OfficialFields(
    nip="",
    name="Yudha Pratama",
    golongan="",
    jabatan="Wali Kota Palembang",
    instansi="Pemerintah Kota Palembang",
    gelar_depan="H.",
    gelar_belakang="S.H., M.H.",
    kind=OfficialKind.PEJABAT_NEGARA.value,
)


def write_outside_officials(ctx: DemoContext) -> None:
    """Record the three officials and choose them for the heads appraised from outside."""
    sekda = officials.add_official(ctx.session, validate_official_fields(SEKDA))
    kadinkes = officials.add_official(ctx.session, validate_official_fields(KADINKES))
    wali_kota = officials.add_official(ctx.session, validate_official_fields(WALI_KOTA))
    choices: list[tuple[int, int | None, int | None]] = []
    for person in ctx.plan.people:
        if person.penilai is not None or person.key not in ctx.employee_ids:
            continue
        employee_id = ctx.employee_ids[person.key]
        if person.role == "camat":
            choices.append((employee_id, sekda.id, wali_kota.id))
        elif person.role == "kapus":
            choices.append((employee_id, kadinkes.id, sekda.id))
    officials.choose_for_many(ctx.session, choices, ctx.stamp)
