"""ORM tables of the staff register.

Enum-like columns hold the codes of the domain enums as plain strings (portable to PostgreSQL);
CHECK constraints keep raw SQL from storing anything else.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.data.schema import Base

#: The kinds of official outside the register (`domain.officials.OfficialKind`).
OFFICIAL_KINDS = "('ASN', 'PEJABAT_NEGARA')"
OFFICIAL_KIND_FIELDS = (
    "(kind = 'ASN' AND nip IS NOT NULL AND status IS NOT NULL AND golongan IS NOT NULL) OR "
    "(kind = 'PEJABAT_NEGARA' AND nip IS NULL AND status IS NULL AND golongan IS NULL)"
)


class UnitRow(Base):
    """A node of the organisation tree: instansi, unit or sub-unit."""

    __tablename__ = "units"
    __table_args__ = (
        CheckConstraint("kind IN ('INSTANSI', 'UNIT', 'SUB_UNIT')", name="kind"),
        UniqueConstraint("parent_id", "name", name="uq_units_parent_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("units.id", ondelete="RESTRICT"), index=True
    )
    #: Town printed in the place-and-date line of forms ("Palembang, 28 November 2026").
    city: Mapped[str] = mapped_column(String(100), default="")


class EmployeeRow(Base):
    __tablename__ = "employees"
    __table_args__ = (
        CheckConstraint("status IN ('PNS', 'PPPK')", name="status"),
        CheckConstraint("length(nip) = 18", name="nip_length"),
        CheckConstraint(
            "jabatan_kind IN ('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL')",
            name="jabatan_kind",
        ),
        CheckConstraint("penilai_id IS NULL OR penilai_id <> id", name="not_own_penilai"),
        # A penilai is either a person of the register or an official outside it, never both.
        CheckConstraint(
            "penilai_id IS NULL OR penilai_official_id IS NULL", name="one_kind_of_penilai"
        ),
        Index("ix_employees_name", "name"),
        # The staff list's default query (active people by name) reads only this index.
        Index("ix_employees_active_name", "active", "name"),
        # Its search (words in name, jabatan, unit and NIP) reads only this one, no table rows.
        Index("ix_employees_search", "active", "name", "id", "jabatan", "unit_id", "nip"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    gelar_depan: Mapped[str] = mapped_column(String(60), default="")
    gelar_belakang: Mapped[str] = mapped_column(String(60), default="")
    status: Mapped[str] = mapped_column(String(4))
    golongan: Mapped[str] = mapped_column(String(8))
    jabatan: Mapped[str] = mapped_column(String(200))
    jabatan_kind: Mapped[str] = mapped_column(String(15))
    jenjang: Mapped[str | None] = mapped_column(String(15))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"), index=True)
    penilai_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    #: The Pejabat Penilai when they are outside the register (`ExternalOfficialRow`).
    penilai_official_id: Mapped[int | None] = mapped_column(
        ForeignKey("external_officials.id", ondelete="RESTRICT"), index=True
    )
    #: The Atasan Pejabat Penilai chosen outside the register; when empty it is the penilai's
    #: own penilai, as before.
    atasan_official_id: Mapped[int | None] = mapped_column(
        ForeignKey("external_officials.id", ondelete="RESTRICT"), index=True
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )
    #: Optimistic lock: an edit based on an older version is refused, never silently applied.
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ExternalOfficialRow(Base):
    """An official outside the register who appraises someone in it (a sekda, a kepala dinas)."""

    __tablename__ = "external_officials"
    __table_args__ = (
        CheckConstraint("status IN ('PNS', 'PPPK')", name="status"),
        CheckConstraint("length(nip) = 18", name="nip_length"),
        CheckConstraint(f"kind IN {OFFICIAL_KINDS}", name="kind"),
        # An ASN has a NIP, a status and a golongan; a pejabat negara (a wali kota) none.
        CheckConstraint(OFFICIAL_KIND_FIELDS, name="kind_fields"),
        # Without a NIP a pejabat negara is told apart by name, jabatan and instansi (the
        # hand-over packages' natural key for them).
        Index(
            "uq_external_officials_pejabat_negara",
            "name",
            "jabatan",
            "instansi",
            unique=True,
            sqlite_where=text("nip IS NULL"),
            postgresql_where=text("nip IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: `domain.officials.OfficialKind`: ASN, or a pejabat negara without NIP and golongan.
    kind: Mapped[str] = mapped_column(String(16), default="ASN", server_default="ASN")
    nip: Mapped[str | None] = mapped_column(String(18), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    gelar_depan: Mapped[str] = mapped_column(String(60), default="")
    gelar_belakang: Mapped[str] = mapped_column(String(60), default="")
    #: Read from the NIP (digit 13) when typed; the golongan belongs to it.
    status: Mapped[str | None] = mapped_column(String(4))
    golongan: Mapped[str | None] = mapped_column(String(8))
    jabatan: Mapped[str] = mapped_column(String(200))
    #: Printed where a register person's unit is.
    instansi: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class EmploymentEventRow(Base):
    """History of a person's employment: joined, moved, retired, left, came back."""

    __tablename__ = "employment_events"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('MASUK', 'MUTASI', 'PENSIUN', 'BERHENTI', 'AKTIF_KEMBALI')", name="kind"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    event_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(15))
    from_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    to_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    note: Mapped[str] = mapped_column(String(500), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class ActingAssignmentRow(Base):
    """A Plt/Plh who appraises on behalf of an absent or vacant supervisor for a date range."""

    __tablename__ = "acting_assignments"
    __table_args__ = (
        CheckConstraint("kind IN ('PLT', 'PLH')", name="kind"),
        CheckConstraint("end_date >= start_date", name="date_order"),
        CheckConstraint("acting_employee_id <> for_employee_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(3))
    acting_employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    for_employee_id: Mapped[int] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(500), default="")


class AppraisalYearRow(Base):
    """An appraisal year of an instansi and the periodic evaluation scheme it uses."""

    __tablename__ = "appraisal_years"
    __table_args__ = (
        UniqueConstraint("instansi_id", "year", name="uq_appraisal_years_instansi_year"),
        CheckConstraint("scheme IN ('TRIWULAN', 'SEMESTER', 'BULANAN')", name="scheme"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    scheme: Mapped[str] = mapped_column(String(10), default="TRIWULAN")


# The SKP tables live in their own module; importing it here puts every table on Base.metadata
# wherever the staff models are loaded (migrations, tests, the app).
from kinerja_desktop.data import (  # noqa: E402, F401
    account_models,
    behaviour_models,
    competence_models,
    evidence_models,
    handover_ledger_models,
    printing_models,
    progress_models,
    seal_chain_models,
    skp_models,
    supervision_models,
)
