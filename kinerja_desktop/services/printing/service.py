"""The printing service: build a form's content in one read transaction, then render it."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from kinerja_desktop.data.database import Database
from kinerja_desktop.data.repositories import printed as repo
from kinerja_desktop.data.repositories.printed import StoredPrint
from kinerja_desktop.domain.access import Action
from kinerja_desktop.domain.errors import DomainError, ValidationError
from kinerja_desktop.domain.paper_seal import signed_message
from kinerja_desktop.paths import resource_path
from kinerja_desktop.reports.canvas import Verification
from kinerja_desktop.reports.content import FormContent, FormKind, canonical_json, digest_of
from kinerja_desktop.reports.fonts import register_fonts
from kinerja_desktop.reports.paper import Paper
from kinerja_desktop.reports.render import render_pdf
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.signing import SigningKey, load_or_create_key
from kinerja_desktop.services.printing.development_print import (
    build_competence,
    build_development,
)
from kinerja_desktop.services.printing.differences import MAX_LINES, differences
from kinerja_desktop.services.printing.distribution_print import build_distribution
from kinerja_desktop.services.printing.evaluation_print import build_document, build_evaluation
from kinerja_desktop.services.printing.people import read_logo
from kinerja_desktop.services.printing.request import PrintRequest
from kinerja_desktop.services.printing.skp_print import build_skp
from kinerja_desktop.services.printing.snapshot import Sources
from kinerja_desktop.services.printing.survey_print import build_survey
from kinerja_desktop.services.printing.verification import (
    VerificationResult,
    normal_code,
    printed_content,
)

Builder = Callable[[Sources, PrintRequest, bytes | None], FormContent]

BUILDERS: dict[FormKind, Builder] = {
    FormKind.SKP: build_skp,
    FormKind.EVALUASI: build_evaluation,
    FormKind.DOKUMEN: build_document,
    FormKind.PENGEMBANGAN: build_development,
    FormKind.DISTRIBUSI: build_distribution,
    FormKind.KOMPETENSI: build_competence,
    FormKind.SURVEI: build_survey,
}

#: Letters of the short code: no 0/O, 1/I/L, so it can be read off paper and typed back.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_code() -> str:
    """A short code such as "K7QX-M2PA-9R": random, about 50 bits."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@dataclass(frozen=True)
class PreparedDocument:
    """A form's content with its canonical JSON, digest, verification code and signature.

    Attributes:
        signature: The installation key's Ed25519 signature of the code and digest
            (:func:`kinerja_desktop.domain.paper_seal.signed_message`); printed in the QR code.
        key_fingerprint: The fingerprint of that key, printed under the code.
    """

    request: PrintRequest
    content: FormContent
    canonical: str
    digest: str
    code: str
    signature: bytes = b""
    key_fingerprint: str = ""

    @property
    def verification(self) -> Verification:
        return Verification(self.code, self.digest, self.signature, self.key_fingerprint)

    @property
    def issued(self) -> IssuedDocument:
        """What is recorded of it once its sheet is written (without the content objects)."""
        return IssuedDocument(self.request, self.canonical, self.digest, self.code)


@dataclass(frozen=True)
class IssuedDocument:
    """A written document as it is recorded: small enough to pass between processes."""

    request: PrintRequest
    canonical: str
    digest: str
    code: str


@dataclass(frozen=True)
class WorkerSetup:
    """What a batch's worker process needs to open the same office and sign as this service."""

    database: Path
    fonts_dir: Path | None
    key_folder: Path
    #: The server database's URL (with its password, handed to the worker over its pipe,
    #: never written anywhere) when the office is on a server; None for a file.
    server_url: str | None = None


class PrintingService:
    """Printed forms: build, render, record, verify; sheets are signed with the installation key.

    Args:
        database: The open database.
        access: The signed-in account; a person's form needs the right to see that person.
        fonts_dir: Where the TrueType family is (the shipped resources by default).
        key_folder: Where the installation key is (the app data folder's ``keys`` by default,
            the same key as the hand-over packages); created on first use.
    """

    def __init__(
        self,
        database: Database,
        access: AccessGuard,
        fonts_dir: Path | None = None,
        key_folder: Path | None = None,
    ) -> None:
        self._db = database
        self._fonts_dir = fonts_dir
        self._key_folder = key_folder
        self._access = access
        self._key: SigningKey | None = None

    def signing_key(self) -> SigningKey:
        """The installation key, loaded (or created) on first use.

        Raises:
            DomainError: the key cannot be read or created.
        """
        if self._key is None:
            self._key = load_or_create_key(self._key_place())
        return self._key

    def _key_place(self) -> Path:
        if self._key_folder is not None:
            return self._key_folder
        from kinerja_desktop.services.handover import default_key_folder

        return default_key_folder()

    def worker_setup(self) -> WorkerSetup:
        """The office file, fonts and key folder, for a worker process that prints a batch.

        The key is loaded (or created) here first, so workers only read it.

        Raises:
            DomainError: the installation key cannot be used.
        """
        self.signing_key()
        server = (
            self._db.engine.url.render_as_string(hide_password=False) if self._db.server else None
        )
        return WorkerSetup(Path(self._db.path), self._fonts_dir, self._key_place(), server)

    def refused(self, requests: Sequence[PrintRequest]) -> list[DomainError | None]:
        """For each request, why the account may not print it (None when it may), in one read.

        A batch's worker processes read as the system, so the account is checked here first.
        """
        out: list[DomainError | None] = []
        with self._db.reading() as session:
            for request in requests:
                try:
                    self._require_access(session, request)
                except DomainError as error:
                    out.append(error)
                else:
                    out.append(None)
        return out

    def public_key(self) -> tuple[bytes, str]:
        """The installation's public key (raw 32 bytes) and its fingerprint, for other offices."""
        key = self.signing_key()
        return key.export_public_key(), key.fingerprint

    def people(self, year: int) -> list[tuple[int, str, str]]:
        """(employee id, NIP, name with degrees) of everyone with an SKP in ``year``."""
        with self._db.reading() as session:
            holders = Sources(self._db, session).evaluation.people(year)
            holders = self._access.keep(session, holders, lambda holder: holder.employee_id)
        return [(holder.employee_id, holder.nip, holder.name) for holder in holders]

    def units_with_org_predikat(self, year: int, period_code: str) -> list[tuple[int, str]]:
        """Units (id, name) whose organisation predikat is recorded for the period."""
        with self._db.reading() as session:
            sources = Sources(self._db, session)
            headed = self._access.units(session)
            return [
                (unit.id, unit.name)
                for unit in sources.staff.units()
                if (headed is None or unit.id in headed)
                and sources.distribution.org_predikat(unit.id, year, period_code) is not None
            ]

    def surveys(self, period_code: str) -> list[tuple[int, str]]:
        """Service units (id, label) with a satisfaction survey of the period ("2026-S1")."""
        with self._db.reading() as session:
            found = Sources(self._db, session).surveys.surveys()
        return [
            (info.unit_id, info.unit_label) for info in found if info.period.code == period_code
        ]

    def build(self, request: PrintRequest) -> FormContent:
        """Read the records for one form in one read transaction.

        Raises:
            NotFoundError: the person, SKP or unit does not exist.
            ValidationError: nothing to print (no SKP, unknown period, no org predikat ...).
        """
        logo = read_logo(Path(self._db.path))
        with self._db.reading() as session:
            self._require_access(session, request)
            return BUILDERS[request.form](Sources(self._db, session), request, logo)

    def _require_access(self, session: Session, request: PrintRequest) -> None:
        """A person's form is theirs to see; a unit's sheet belongs to its unit head."""
        if request.employee_id is not None:
            self._access.require_person(session, request.employee_id, Action.VIEW)
        if request.unit_id is not None:
            self._access.require_unit(session, request.unit_id)

    def prepare(self, request: PrintRequest) -> PreparedDocument:
        """Build the content, its digest and a new code, and sign the code and digest.

        Raises:
            DomainError: as :meth:`build`, or the installation key cannot be used.
        """
        return self._sealed(request, self.build(request))

    def prepare_many(
        self, requests: Sequence[PrintRequest]
    ) -> list[PreparedDocument | DomainError]:
        """:meth:`prepare` for several documents in one read transaction (a batch's chunk).

        The unit tree and the logo are read once for all of them. A document that cannot be
        built gives its error in its place; the others are still prepared.

        Raises:
            DomainError: the installation key cannot be used.
        """
        key = self.signing_key()
        logo = read_logo(Path(self._db.path))
        out: list[PreparedDocument | DomainError] = []
        with self._db.reading() as session:
            sources = Sources(self._db, session)
            sources.preload(requests)
            for request in requests:
                try:
                    self._require_access(session, request)
                    content = BUILDERS[request.form](sources, request, logo)
                except DomainError as error:
                    out.append(error)
                    continue
                out.append(self._sealed(request, content, key))
        return out

    def _sealed(
        self, request: PrintRequest, content: FormContent, key: SigningKey | None = None
    ) -> PreparedDocument:
        key = key or self.signing_key()
        canonical = canonical_json(content)
        digest = digest_of(canonical)
        code = new_code()
        signature = key.sign(signed_message(code, digest))
        return PreparedDocument(
            request, content, canonical, digest, code, signature, key.fingerprint
        )

    def render(
        self, prepared: PreparedDocument, paper: Paper = Paper.A4, out: BinaryIO | None = None
    ) -> bytes:
        """The PDF's bytes, or b"" after writing them to ``out``."""
        # Registered on first use, so opening the app does not parse four fonts.
        register_fonts(self._fonts_dir or resource_path("fonts"))
        return render_pdf(prepared.content, paper, prepared.verification, out)

    def record(self, prepared: PreparedDocument, paper: Paper = Paper.A4) -> None:
        """Keep the document's code, digest and content, so the sheet can be verified later."""
        self.record_many([prepared], paper)

    def record_many(
        self, documents: Sequence[PreparedDocument | IssuedDocument], paper: Paper = Paper.A4
    ) -> None:
        """:meth:`record` for several documents in one write transaction (all or none)."""
        if not documents:
            return

        stored = [
            StoredPrint(
                code=prepared.code,
                form=prepared.request.form.value,
                employee_id=prepared.request.employee_id,
                unit_id=prepared.request.unit_id,
                year=prepared.request.year,
                period_code=prepared.request.period_code,
                paper=paper.value,
                printed_on=prepared.request.printed_on,
                digest=prepared.digest,
                content_json=prepared.canonical,
            )
            for prepared in documents
        ]
        self._db.run(lambda session: repo.add_many(session, stored))

    def issue(
        self, request: PrintRequest, paper: Paper = Paper.A4, out: BinaryIO | None = None
    ) -> tuple[PreparedDocument, bytes]:
        """Build, render and record one document; the PDF goes to ``out`` or is returned."""
        prepared = self.prepare(request)
        pdf = self.render(prepared, paper, out)
        self.record(prepared, paper)
        return prepared, pdf

    def verify(self, code: str) -> VerificationResult:
        """Rebuild a printed document's content from the records now and compare.

        Raises:
            ValidationError: ``code`` is not shaped like a code (field "code").
        """
        wanted = normal_code(code)
        if wanted is None:
            raise ValidationError(
                f"'{code.strip()}' bukan kode verifikasi (contoh: K7QX-M2PA-9R).", field="code"
            )
        with self._db.reading() as session:
            stored = repo.by_code(session, wanted)
        if stored is None:
            return VerificationResult(code=wanted, found=False, matches=False)
        form = FormKind(stored.form)
        request = PrintRequest(
            form=form,
            year=stored.year,
            printed_on=stored.printed_on,
            period_code=stored.period_code,
            employee_id=stored.employee_id,
            unit_id=stored.unit_id,
        )
        printed = printed_content(stored.content_json)
        description = _describe(form, printed, stored)
        try:
            canonical = canonical_json(self.build(request), shaped_like=printed.get("content"))
        except DomainError as error:
            return VerificationResult(
                wanted,
                True,
                False,
                form,
                stored.printed_on,
                description,
                (f"Isi tidak dapat disusun lagi dari catatan: {error.message}",),
            )
        if digest_of(canonical) == stored.digest:
            return VerificationResult(wanted, True, True, form, stored.printed_on, description)
        changed = differences(printed, json.loads(canonical))
        if len(changed) > MAX_LINES:
            changed = [*changed[:MAX_LINES], f"... dan {len(changed) - MAX_LINES} perubahan lain"]
        return VerificationResult(
            wanted, True, False, form, stored.printed_on, description, tuple(changed)
        )


def _describe(form: FormKind, printed: dict[str, object], stored: StoredPrint) -> str:
    content = printed.get("content")
    who = ""
    if isinstance(content, dict):
        pegawai = content.get("pegawai")
        if isinstance(pegawai, dict):
            who = f"{pegawai.get('name', '')} (NIP {pegawai.get('nip', '')})"
        elif isinstance(content.get("unit"), str):
            who = str(content["unit"])
    period = f" {stored.period_code}" if stored.period_code else ""
    return f"{form.label}, tahun {stored.year}{period}, {who}".rstrip(", ")
