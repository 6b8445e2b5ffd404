"""The domain checks a hand-over package's records must pass before anything is written.

A package is signed, but by whichever key made it: a package re-signed with another key can
carry anything. So its records go through the same checks as typed input: people (NIP,
golongan for the status, names and lengths via :func:`domain.staff.validate_staff_fields`),
SKP, period decisions and journal entries (``domain.handover_appraisal_checks``), surveys,
complaints and audit findings (``domain.handover_register_checks``). Evidence names must be
names the evidence store gives (never ``..``, an absolute path, a backslash or a drive letter),
and a name that starts like a spreadsheet formula is refused. A failing record refuses the
package whole; the message names the record's kind, key and field.

Formula-looking text: names (a person's name, degrees, jabatan, a unit's name) are identity
fields printed on forms and exported to e-Kinerja workbooks; none legitimately starts with
``=``, ``+`` or ``@``, so they are refused. Free text (observations, notes, complaints) is kept
as written: it may well start with "-" or "+" (a list, a phone number), it is stored as plain
text in SQLite, and every workbook the app writes stores text cells as text, never as formulas
(``services.xlsx_writing.put_cell``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.handover_aggregate import Aggregate, Kind
from kinerja_desktop.domain.handover_appraisal_checks import (
    observation_problems,
    period_problems,
    skp_problems,
)
from kinerja_desktop.domain.handover_development_checks import (
    competence_rating_problems,
    development_item_problems,
    job_standard_problems,
)
from kinerja_desktop.domain.handover_fields import Problem
from kinerja_desktop.domain.handover_office_checks import (
    acting_problems,
    appraisal_year_problems,
    official_problems,
    org_predikat_problems,
)
from kinerja_desktop.domain.handover_progress_checks import (
    leave_day_problems,
    office_day_off_problems,
    progress_entry_problems,
)
from kinerja_desktop.domain.handover_records import OFFICIAL_REFERENCES
from kinerja_desktop.domain.handover_register_checks import (
    feedback_problems,
    finding_problems,
    survey_problems,
)
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.staff import StaffFields, validate_staff_fields

#: The only evidence names the evidence store gives: ``ab/<sha256>.pdf``.
_STORED_NAME = re.compile(r"[0-9a-f]{2}/[0-9a-f]{64}(?:\.[a-z0-9]{1,10})?")
#: What a spreadsheet takes as the start of a formula in a name field.
_FORMULA_START = ("=", "+", "@")
_STAFF_FIELDS = (
    "nip",
    "name",
    "status",
    "golongan",
    "jabatan",
    "jabatan_kind",
    "gelar_depan",
    "gelar_belakang",
)
_NAME_FIELDS = ("name", "gelar_depan", "gelar_belakang", "jabatan")


#: The content checks per kind: (content, the day the package was made) -> problems.
_CONTENT_CHECKS: dict[Kind, Callable[[Mapping[str, Any], date | None], list[Problem]]] = {
    Kind.JOB_STANDARD: job_standard_problems,
    Kind.APPRAISAL_YEAR: appraisal_year_problems,
    Kind.ACTING: acting_problems,
    Kind.EXTERNAL_OFFICIAL: official_problems,
    Kind.ORG_PREDIKAT: org_predikat_problems,
    Kind.SKP: skp_problems,
    Kind.OBSERVATION: observation_problems,
    Kind.COMPETENCE_RATING: competence_rating_problems,
    Kind.DEVELOPMENT_ITEM: development_item_problems,
    Kind.SURVEY: survey_problems,
    Kind.PUBLIC_FEEDBACK: feedback_problems,
    Kind.AUDIT_FINDING: finding_problems,
    Kind.OFFICE_DAY_OFF: office_day_off_problems,
    Kind.LEAVE_DAY: leave_day_problems,
    Kind.PROGRESS_ENTRY: progress_entry_problems,
}


def record_problems(aggregates: Iterable[Aggregate], exported_on: date | None = None) -> list[str]:
    """Return one Indonesian message per failing field of the package's records.

    Args:
        aggregates: The package's records.
        exported_on: The day the package was made: a record dated later is refused. None
            checks no date against it.
    """
    problems: list[str] = []
    for aggregate in aggregates:
        for field, message in _field_problems(aggregate, exported_on):
            problems.append(
                f"Paket ditolak: {_describe(aggregate)} kolom {field}: {message}".rstrip()
            )
    return problems


def _describe(aggregate: Aggregate) -> str:
    if aggregate.kind is Kind.EMPLOYEE:
        return f"pegawai NIP {aggregate.content.get('nip')}"
    return f"{aggregate.kind.label.lower()} {aggregate.key}"


def _field_problems(aggregate: Aggregate, exported_on: date | None) -> list[Problem]:
    content = aggregate.content
    found: list[Problem] = []
    if aggregate.kind is Kind.EMPLOYEE:
        found += _employee(content)
    elif aggregate.kind is Kind.PERIOD:
        found += period_problems(content, json.loads(aggregate.key), exported_on)
    elif aggregate.kind in _CONTENT_CHECKS:
        found += _CONTENT_CHECKS[aggregate.kind](content, exported_on)
    if aggregate.kind is Kind.EXTERNAL_OFFICIAL:
        found += _formula_names(content)
    elif aggregate.kind is Kind.UNIT:
        path = content.get("path")
        for part in path if isinstance(path, list) else []:
            if isinstance(part, str) and part.strip().startswith(_FORMULA_START):
                found.append(("name", _formula_message(part)))
    for field, name in _evidence_names(aggregate):
        if name and not _STORED_NAME.fullmatch(name):
            found.append(
                (
                    field,
                    f"nama berkas bukti dukung '{name}' tidak sah (hanya nama simpanan "
                    "aplikasi, tanpa '..', jalur mutlak, garis miring terbalik atau huruf drive).",
                )
            )
    return found


def _employee(content: Mapping[str, Any]) -> list[tuple[str, str]]:
    fields = {name: _text(content.get(name)) for name in _STAFF_FIELDS}
    found: list[tuple[str, str]] = []
    try:
        validate_staff_fields(StaffFields(**fields))
    except ValidationErrors as errors:
        found += [(error.field or "", error.message) for error in errors.errors]
    found += _formula_names(content)
    for name in ("penilai", *(key for _, key in OFFICIAL_REFERENCES)):
        reference = content.get(name)
        if name != "penilai" and _names_pejabat_negara(reference):
            continue  # a pejabat negara has no NIP: named by name, jabatan and instansi
        if reference is not None:
            try:
                Nip.parse(_text(reference))
            except ValidationError as error:
                found.append((name, error.message))
    if content.get("penilai") is not None and content.get("penilai_official") is not None:
        found.append(
            ("penilai_official", "Pejabat Penilai di daftar dan di luar kantor sekaligus.")
        )
    return found


def _names_pejabat_negara(reference: Any) -> bool:
    """A reference to an official without NIP: [name, jabatan, instansi], all text."""
    return (
        isinstance(reference, list)
        and len(reference) == 3
        and all(isinstance(part, str) and part.strip() for part in reference)
    )


def _formula_names(content: Mapping[str, Any]) -> list[Problem]:
    found: list[Problem] = []
    for name in _NAME_FIELDS:
        text = _text(content.get(name))
        if text.strip().startswith(_FORMULA_START):
            found.append((name, _formula_message(text)))
    return found


def _formula_message(text: str) -> str:
    return (
        f"'{text[:40]}' diawali '{text.strip()[0]}' seperti rumus spreadsheet; nama tidak "
        "boleh diawali =, + atau @."
    )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else "" if value is None else str(value)


def _evidence_names(aggregate: Aggregate) -> list[tuple[str, str]]:
    """Every evidence file name the record holds, with its field."""
    content = aggregate.content
    names: list[tuple[str, Any]] = []
    if aggregate.kind is Kind.SKP:
        for rhk in _dicts(content.get("rhks")):
            for iki in _dicts(rhk.get("ikis")):
                names += [
                    ("stored_name", e.get("stored_name")) for e in _dicts(iki.get("evidence"))
                ]
    elif aggregate.kind is Kind.OBSERVATION:
        names.append(("evidence_file", content.get("evidence_file")))
    elif aggregate.kind is Kind.AUDIT_FINDING:
        names += [
            ("evidence_file", item.get("evidence_file"))
            for item in _dicts(content.get("follow_ups"))
        ]
    elif aggregate.kind is Kind.PROGRESS_ENTRY:
        names.append(("evidence_file", content.get("evidence_file")))
    return [(field, _text(name)) for field, name in names]


def _dicts(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []
