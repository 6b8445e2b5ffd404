"""ORM table of printed documents: what each verification code on a sheet stands for."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.data.schema import Base

FORMS = "('skp', 'evaluasi', 'dokumen', 'pengembangan', 'distribusi', 'kompetensi', 'survei')"


class PrintedDocumentRow(Base):
    """One printed (or saved) document: its code, what it was printed from, and its content.

    ``content_json`` is the canonical JSON of what the sheet shows and ``digest`` its SHA-256;
    `kinerja-desktop verify CODE` rebuilds the content from the records and compares.
    """

    __tablename__ = "printed_documents"
    __table_args__ = (
        CheckConstraint(f"form IN {FORMS}", name="form"),
        CheckConstraint("paper IN ('a4', 'f4')", name="paper"),
        CheckConstraint("length(digest) = 64", name="digest_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    form: Mapped[str] = mapped_column(String(20))
    employee_id: Mapped[int | None] = mapped_column(
        ForeignKey("employees.id", ondelete="RESTRICT"), index=True
    )
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    period_code: Mapped[str] = mapped_column(String(10), default="")
    paper: Mapped[str] = mapped_column(String(4))
    printed_on: Mapped[date] = mapped_column(Date)
    digest: Mapped[str] = mapped_column(String(64))
    content_json: Mapped[str] = mapped_column(Text)
    printed_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
