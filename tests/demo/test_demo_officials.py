"""The demo office's heads are appraised by officials outside the register, as in a real city."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.demo import write_demo
from kinerja_desktop.domain.officials import OfficialKind
from kinerja_desktop.services.app_services import AppServices

TODAY = date(2026, 11, 28)


def test_the_camat_and_the_kepala_puskesmas_have_their_appraisers_from_outside(
    services: AppServices,
) -> None:
    write_demo(services.database, today=TODAY)
    wali_kota, sekda, kadinkes = sorted(
        services.officials.officials(), key=lambda o: o.jabatan, reverse=True
    )
    assert (wali_kota.jabatan, sekda.jabatan, kadinkes.jabatan) == (
        "Wali Kota Palembang",
        "Sekretaris Daerah",
        "Kepala Dinas Kesehatan",
    )
    # The wali kota is a pejabat negara: no NIP, no golongan.
    assert (wali_kota.kind, wali_kota.nip, wali_kota.golongan) == (
        OfficialKind.PEJABAT_NEGARA,
        None,
        None,
    )
    heads = {
        person.jabatan.split()[0]: person
        for person in services.staff.search_people("", 100)
        if person.penilai_id is None
    }
    camat = services.staff.appraisers(heads["Camat"].id, TODAY)
    assert (camat.penilai_official, camat.atasan_official) == (sekda, wali_kota)
    kapus = services.staff.appraisers(heads["Kepala"].id, TODAY)
    assert (kapus.penilai_official, kapus.atasan_official) == (kadinkes, sekda)
    # Below the camat, the atasan of the camat's staff is the sekda.
    sekcam = next(p for p in services.staff.subordinates(heads["Camat"].id))
    assert services.staff.appraisers(sekcam.id, TODAY).atasan_official == sekda
