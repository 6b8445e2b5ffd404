"""Export an SKP to .xlsx and import one back into a draft SKP: the use cases."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from kinerja_desktop.data.database import Database
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.skp import IkiDraft, Pendekatan, RhkDraft, SkpDraft, SkpLayout
from kinerja_desktop.domain.skp_records import RhkOption, SkpView
from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.services.accounts.access_guard import AccessGuard
from kinerja_desktop.services.platform.xlsx_writing import save_workbook
from kinerja_desktop.services.skp.plans import PlanService, SkpPlanSet
from kinerja_desktop.services.skp.service import LOCKED_MESSAGE, SkpService
from kinerja_desktop.services.skp.xlsx.export import build_workbook
from kinerja_desktop.services.skp.xlsx.plans_store import signed_period_issues, store_sheet_plans
from kinerja_desktop.services.skp.xlsx.reader import read_skp_workbook
from kinerja_desktop.services.skp.xlsx.results import (
    SkpImportIssue,
    SkpImportPreview,
    SkpImportRefusedError,
)
from kinerja_desktop.services.staff.service import StaffService


class SkpXlsxService:
    """Export an SKP to .xlsx and import one back into a draft SKP."""

    def __init__(self, database: Database, access: AccessGuard) -> None:
        # The SKP service checks the signed-in account on every read and save.
        self._skp = SkpService(database, access)
        self._staff = StaffService(database, access)
        self._plans = PlanService(database, access)

    def export(self, skp_id: int, path: Path) -> Path:
        """Write the SKP (draft or agreed) to an .xlsx file and return the path written.

        ".xlsx" is added to a name without it. The file is written beside the target first and
        then moved over it, so a failed export never leaves half a file.

        Raises:
            NotFoundError: The SKP does not exist.
            ValidationError: The file cannot be written (the message says why).
        """
        view = self._skp.by_id(skp_id)
        person = self._staff.get(view.employee_id)
        target = path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
        save_workbook(build_workbook(view, person, self._plan_set(skp_id)), target)
        return target

    def suggested_file_name(self, skp_id: int) -> str:
        """A file name for the export dialog: "SKP 2026 - Ahmad Fauzi.xlsx"."""
        view = self._skp.by_id(skp_id)
        name = re.sub(r'[\\/:*?"<>|]+', " ", self._staff.get(view.employee_id).name)
        return f"SKP {view.year} - {' '.join(name.split())}.xlsx"

    def read(
        self,
        path: Path,
        *,
        pendekatan: Pendekatan,
        layout: SkpLayout,
        parent_options: Sequence[RhkOption],
    ) -> SkpDraft:
        """Read an SKP workbook into a draft without ids (see :func:`read_skp_workbook`).

        Raises:
            SkpImportRefusedError: The file has problems; every one is listed.
        """
        preview = read_skp_workbook(
            path, pendekatan=pendekatan, layout=layout, parent_options=parent_options
        )
        if not preview.valid or preview.draft is None:
            raise SkpImportRefusedError(preview)
        return preview.draft

    def preview_import(self, skp_id: int, path: Path) -> SkpImportPreview:
        """Read a file for an SKP, against its layout and its Pejabat Penilai's RHK; no writes.

        The draft keeps the ids of the RHK whose Jenis and text are unchanged, and of their
        indicators whose wording is unchanged, so that their realisation records stay theirs.

        Raises:
            NotFoundError: The SKP does not exist.
        """
        view = self._skp.by_id(skp_id)
        plan_set = self._plan_set(skp_id)
        preview = read_skp_workbook(
            path,
            pendekatan=view.pendekatan,
            layout=view.layout,
            parent_options=self._skp.supervisor_options(view.employee_id, view.year),
            periods=plan_set.periods if plan_set else None,
        )
        issues = preview.issues
        if view.locked:
            issues = (SkpImportIssue(None, None, None, LOCKED_MESSAGE), *issues)
        draft = _with_ids(preview.draft, view) if preview.draft is not None else None
        if draft is not None and preview.plans is not None and plan_set is not None:
            issues = (*issues, *signed_period_issues(preview.plans, draft, plan_set))
        return replace(preview, draft=draft, issues=issues)

    def import_into(self, skp_id: int, version: int, path: Path) -> SkpView:
        """Replace a draft SKP's content with the file's, in one transaction.

        Raises:
            ValidationError: The SKP is agreed (``LOCKED_MESSAGE``), or saving breaks a rule
                checked against the database (a parent RHK gone, an RHK with realisation data
                would be deleted); nothing was saved.
            SkpImportRefusedError: The file has problems; every one is listed, nothing saved.
            StaleEditError: The SKP changed since ``version`` was read.
        """
        if self._skp.by_id(skp_id).locked:
            raise ValidationError(LOCKED_MESSAGE)
        preview = self.preview_import(skp_id, path)
        if not preview.valid or preview.draft is None:
            raise SkpImportRefusedError(preview)
        plans, plan_set = preview.plans, self._plan_set(skp_id)
        if plans is None or plan_set is None:
            return self._skp.save(skp_id, version, preview.draft)
        return self._skp.save(
            skp_id,
            version,
            preview.draft,
            also=lambda session, saved: store_sheet_plans(session, saved, plans, plan_set),
        )

    def _plan_set(self, skp_id: int) -> SkpPlanSet | None:
        """The SKP's plans; None when the person has no periodic period that year."""
        try:
            return self._plans.plan_set(skp_id)
        except ValidationError:
            return None


def _with_ids(draft: SkpDraft, current: SkpView) -> SkpDraft:
    free_rhks = list(current.rhks)
    rhks: list[RhkDraft] = []
    for rhk in draft.rhks:
        match = next(
            (old for old in free_rhks if old.kind is rhk.kind and old.text == clean_text(rhk.text)),
            None,
        )
        if match is None:
            rhks.append(rhk)
            continue
        free_rhks.remove(match)
        free_ikis = list(match.indicators)
        indicators: list[IkiDraft] = []
        for iki in rhk.indicators:
            same = next(
                (old for old in free_ikis if old.indicator == clean_text(iki.indicator)), None
            )
            if same is not None:
                free_ikis.remove(same)
            indicators.append(replace(iki, id=same.id if same else None))
        rhks.append(replace(rhk, id=match.id, indicators=tuple(indicators)))
    return replace(draft, rhks=tuple(rhks))
