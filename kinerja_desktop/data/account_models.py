"""ORM table of the local accounts (sign-in, role, link to a person in the register)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.data.schema import Base


class AccountRow(Base):
    """A local account. The password is stored only as an Argon2id hash (PHC string)."""

    __tablename__ = "accounts"
    __table_args__ = (
        CheckConstraint("role IN ('ADMIN', 'KEPALA_UNIT', 'PENILAI')", name="role"),
        CheckConstraint("failed_attempts >= 0", name="failed_attempts"),
        CheckConstraint("password_hash LIKE '$argon2id$%'", name="argon2id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Lower case (`domain.accounts.normalise_user_name`), so uniqueness ignores case.
    user_name: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(12))
    #: Whose staff the account sees; a person leaving the register unlinks the account.
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="SET NULL"), index=True
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_sign_in: Mapped[datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp()
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
