"""Officials outside the register (pejabat di luar kantor): list, add, correct, delete.

They are chosen as a person's Pejabat Penilai or Atasan Pejabat Penilai in the person dialog
(`StaffService.create`/`update`); this service keeps the list itself. Each action is one
transaction; writing ``external_officials`` reports the staff topic.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import officials as repo
from kinerja_desktop.data.repositories import staff as staff_repo
from kinerja_desktop.data.repositories.officials import ChosenOfficials
from kinerja_desktop.domain.access import AccessDeniedError, Action
from kinerja_desktop.domain.errors import (
    NotFoundError,
    StaleEditError,
    ValidationError,
    ValidationErrors,
)
from kinerja_desktop.domain.officials import (
    ExternalOfficial,
    OfficialFields,
    ValidOfficialFields,
    validate_official_fields,
)
from kinerja_desktop.services.accounts.access_guard import AccessGuard

__all__ = ["ChosenOfficials", "OfficialService"]

_GONE = "Pejabat di luar kantor ini tidak ditemukan; mungkin sudah dihapus."


class OfficialService:
    """The list of external officials; admin and kepala unit keep it, everyone reads it."""

    def __init__(self, database: Database, access: AccessGuard) -> None:
        self._db = database
        self._access = access

    def officials(self) -> list[ExternalOfficial]:
        """Every external official by name (offered in every account's penilai chooser)."""
        with self._db.reading() as session:
            return repo.all_officials(session)

    def get(self, official_id: int) -> ExternalOfficial:
        with self._db.reading() as session:
            found = repo.official(session, official_id)
        if found is None:
            raise NotFoundError(_GONE)
        return found

    def chosen_by(self, employee_id: int) -> ChosenOfficials:
        """The officials outside the register a person chose as penilai and atasan."""
        with self._db.reading() as session:
            self._access.require_person(session, employee_id, Action.VIEW)
            return repo.chosen_by(session, employee_id)

    def add(self, fields: OfficialFields) -> ExternalOfficial:
        """Record an official; the NIP may not be one already recorded or in the register.

        A pejabat negara (no NIP) may not have the name, jabatan and instansi of one recorded.

        Raises:
            ValidationErrors: each wrong field with its message.
        """
        valid = validate_official_fields(fields)

        def work(session: Session) -> ExternalOfficial:
            self._require_keeper(session)
            self._check_unique(session, valid, None)
            return repo.add_official(session, valid)

        return self._db.run(work)

    def update(self, official_id: int, version: int, fields: OfficialFields) -> ExternalOfficial:
        """Correct an official; every form printed from now on shows the correction.

        Raises:
            StaleEditError: the official changed since ``version`` was read.
        """
        valid = validate_official_fields(fields)

        def work(session: Session) -> ExternalOfficial:
            self._require_keeper(session)
            current = repo.official(session, official_id)
            if current is None:
                raise NotFoundError(_GONE)
            if current.version != version:
                raise StaleEditError(
                    "Data pejabat ini sudah diubah di tempat lain sejak dibuka. "
                    "Tutup formulir dan buka kembali untuk melihat data terbaru."
                )
            self._check_unique(session, valid, official_id)
            updated = repo.update_official(session, official_id, valid)
            assert updated is not None  # read above in this transaction
            return updated

        return self._db.run(work)

    def delete(self, official_id: int) -> None:
        """Delete an official nobody has chosen.

        Raises:
            ValidationError: someone still has them as penilai or atasan (named).
        """

        def work(session: Session) -> None:
            self._require_keeper(session)
            found = repo.official(session, official_id)
            if found is None:
                return
            uses = repo.uses_of(session, official_id)
            if uses:
                listed = "; ".join(f"{use.name} (NIP {use.nip}) sebagai {use.role}" for use in uses)
                raise ValidationError(
                    f"{found.full_name} tidak dapat dihapus karena masih dipilih oleh: {listed}. "
                    "Ganti pilihan pada data pegawai tersebut terlebih dahulu.",
                    field="official",
                )
            repo.delete_official(session, official_id)

        self._db.run(work)

    # --- rules -----------------------------------------------------------------------------

    def _require_keeper(self, session: Session) -> None:
        """Admin, or a kepala unit: the people who set who appraises the unit's staff."""
        units = self._access.units(session)
        if units is not None and not units:
            raise AccessDeniedError(
                "Pejabat di luar kantor dicatat oleh admin atau kepala unit; akun Anda tidak "
                "berwenang mengubahnya."
            )

    @staticmethod
    def _check_unique(
        session: Session, valid: ValidOfficialFields, official_id: int | None
    ) -> None:
        """The NIP (or a pejabat negara's name, jabatan and instansi) is not recorded yet."""
        same = repo.same_official(session, valid)
        if same is not None and same.id != official_id:
            if valid.nip is None:
                raise ValidationErrors(
                    [
                        ValidationError(
                            f"{same.full_name}, {same.jabatan} ({same.instansi}) sudah dicatat "
                            "sebagai pejabat negara.",
                            field="name",
                        )
                    ]
                )
            raise ValidationErrors(
                [ValidationError(f"NIP ini sudah dicatat untuk {same.full_name}.", field="nip")]
            )
        person = staff_repo.employee_by_nip(session, str(valid.nip)) if valid.nip else None
        if person is not None:
            raise ValidationErrors(
                [
                    ValidationError(
                        f"NIP ini milik {person.full_name}, pegawai di daftar kantor ini; "
                        "pilih dia langsung sebagai Pejabat Penilai.",
                        field="nip",
                    )
                ]
            )
