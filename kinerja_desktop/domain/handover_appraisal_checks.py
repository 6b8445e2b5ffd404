"""The domain checks of a package's appraisal records: SKP, period decisions, journal entries.

Each function reads one aggregate's content (as ``domain.handover_records`` writes it) and
returns its problems as (field, message). It calls the same checks the services apply when a
user types the record: :func:`domain.skp.validate_skp` for an SKP's texts and targets,
:func:`domain.evaluation_inputs.parse_realisation` for realisation values,
:func:`domain.predikat.decide_predikat` for the predikat matrix and
:func:`domain.journal_entry.check_observation` for a journal entry.

``today`` is the day the package was exported: nothing it carries can have happened later.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.evaluation_inputs import (
    evaluation_notes,
    feedback_text,
    optional_text,
    parse_realisation,
    reason_text,
)
from kinerja_desktop.domain.handover_fields import FieldReader, Problem, period_of
from kinerja_desktop.domain.handover_office_checks import FIRST_YEAR, LAST_YEAR
from kinerja_desktop.domain.handover_plans import iki_plan_problems, rhk_plan_problems
from kinerja_desktop.domain.journal_entry import check_observation, is_link
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.objection import dialogue_text
from kinerja_desktop.domain.periods import DEFAULT_SCHEME, Period, periods_for_span
from kinerja_desktop.domain.predikat import Predikat, decide_predikat, predikat_for
from kinerja_desktop.domain.ratings import Rating, RatingSource
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    LampiranKind,
    Pendekatan,
    Perspektif,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
    SkpStatus,
    validate_skp,
)

#: The people a signatories record names, and what each holds (services/signatories.py,
#: ``RecordedPerson``); the forms print them.
SIGNATORY_ROLES = ("pegawai", "penilai", "atasan")
SIGNATORY_PERSON_FIELDS = frozenset({"name", "nip", "status", "golongan", "jabatan", "unit"})
_ACTING = ("", "Plt.", "Plh.")
_EVIDENCE_KINDS = ("NOTE", "LINK", "FILE")
_EDITOR_CELL = re.compile(r"\b(rhk|iki)\[")
#: The journal's form field names, as an observation's content names them.
_OBSERVATION_FIELDS = {
    "value": "value_code",
    "evidence_note": "evidence_text",
    "evidence_link": "evidence_text",
}


def skp_problems(content: Mapping[str, Any], today: date | None) -> list[Problem]:
    """An SKP with its RHK, indicators, realisations, evidence, feedback, plans and versions."""
    skp = FieldReader(content)
    year = skp.integer("year", FIRST_YEAR, LAST_YEAR)
    pendekatan = skp.choice("pendekatan", Pendekatan)
    skp.choice("layout", SkpLayout)
    skp.choice("status", SkpStatus)
    start, end = skp.day("period_start"), skp.day("period_end")
    if year is not None and start is not None and end is not None:
        skp.check(lambda: periods_for_span(year, DEFAULT_SCHEME, start, end), field="period_end")
    skp.integer("revision", 1, 10_000)
    skp.not_after("agreed_on", skp.day("agreed_on", optional=True), today)
    rhks = [_rhk(rhk, pendekatan, year) for rhk in skp.children("rhks")]
    lampiran: dict[LampiranKind, list[str]] = {}
    for item in skp.children("lampiran"):
        kind = item.choice("kind", LampiranKind)
        if kind is not None:
            lampiran.setdefault(kind, []).append(item.text("text"))
    expectations: dict[BehaviourValue, str] = {}
    for item in skp.children("expectations"):
        value = item.choice("value_code", BehaviourValue)
        if value is not None:
            expectations[value] = item.text("text")
    if pendekatan is not None:
        draft = SkpDraft(
            pendekatan,
            tuple(rhks),
            {kind: tuple(texts) for kind, texts in lampiran.items()},
            expectations,
        )
        for field, message in _skp_value_problems(draft):
            skp.add(field, message)
    for version in skp.children("versions"):
        version.integer("revision", 1, 10_000)
        version.not_after("agreed_on", version.day("agreed_on"), today)
        _version_json(version)
    signed = skp.child("signatories")
    for revision in signed.content if signed is not None else {}:
        who = signed.child(revision) if signed is not None else None
        if who is not None:
            signatory_problems(who, today)
    return skp.problems


def _rhk(rhk: FieldReader, pendekatan: Pendekatan | None, year: int | None) -> RhkDraft:
    kind = rhk.choice("kind", RhkKind) or RhkKind.UTAMA
    ikis = []
    for iki in rhk.children("ikis"):
        lower_is_better = iki.flag("lower_is_better")
        ikis.append(
            IkiDraft(
                indicator=iki.text("indicator"),
                target=iki.text("target"),
                unit=iki.text("unit"),
                target_text=iki.text("target_text"),
                lower_is_better=lower_is_better,
                aspek=iki.choice("aspek", Aspek, optional=True),
                perspektif=iki.choice("perspektif", Perspektif, optional=True),
            )
        )
        for item in iki.children("realisations"):
            period_of(item, "period_code", year)
            if pendekatan is not None:
                value, text = item.text("value"), item.text("text")
                item.check(parse_realisation, pendekatan, value, text)
        iki_plan_problems(iki, year, lower_is_better=lower_is_better)
        for item in iki.children("evidence"):
            period_of(item, "period_code", year)
            if item.text("kind") not in _EVIDENCE_KINDS:
                item.add("kind", f"'{item.text('kind')[:20]}' bukan jenis bukti dukung.")
            item.check(optional_text, item.text("text"), "Bukti dukung", "text")
    rhk_plan_problems(rhk, year)
    for item in rhk.children("feedback"):
        period_of(item, "period_code", year)
        item.check(feedback_text, item.text("feedback"), field="feedback")
        item.choice("assessment", Rating, optional=True)
    return RhkDraft(
        text=rhk.text("text"),
        kind=kind,
        indicators=tuple(ikis),
        parent_text=rhk.text("parent_text"),
    )


def _skp_value_problems(draft: SkpDraft) -> list[Problem]:
    """The SKP editor's checks, each cell named as the content's path.

    The editor names ``rhk[0].iki[1].target``; the package's content ``rhks[0].ikis[1].target``.
    """
    reader = FieldReader({})
    reader.check(validate_skp, draft)
    return [
        (
            _EDITOR_CELL.sub(lambda m: f"{m[1]}s[", field).replace(".parent", ".parent_text"),
            message,
        )
        for field, message in reader.problems
    ]


def _version_json(version: FieldReader) -> None:
    """An agreed version's stored form must be the JSON object the SKP form prints from."""
    try:
        parsed = json.loads(version.text("content_json"))
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        version.add("content_json", "isi versi SKP yang disepakati bukan objek JSON.")


def period_problems(
    content: Mapping[str, Any], key: list[Any], today: date | None
) -> list[Problem]:
    """A period's ratings, predikat, behaviour feedback, dialogue and signature."""
    record = FieldReader(content)
    year = key[1] if len(key) == 3 and isinstance(key[1], int) else None
    period = None
    if year is not None and isinstance(key[2], str):
        period = period_of(FieldReader({"period": key[2]}, record.problems), "period", year)
    result = record.child("result_rating")
    if result is not None:
        _rating(result, period, today)
        source = result.choice("source", RatingSource)
        if (
            source is not None
            and source is not RatingSource.PROPOSAL
            and not result.text("reason").strip()
        ):
            result.add("reason", "rating yang tidak mengikuti usulan wajib disertai alasan.")
    behaviour = record.child("behaviour_rating")
    if behaviour is not None:
        _rating(behaviour, period, today)
        proposed, final = behaviour.raw("proposed"), behaviour.raw("final")
        if proposed is not None and final != proposed and not behaviour.text("reason").strip():
            behaviour.add("reason", "rating yang berbeda dari usulan wajib disertai alasan.")
    predikat = record.child("predikat")
    if predikat is not None:
        _predikat(predikat, period, today)
    for item in record.children("behaviour_feedback"):
        item.choice("value_code", BehaviourValue)
        item.check(feedback_text, item.text("text"), field="text")
    dialogue = record.child("dialogue")
    if dialogue is not None:
        _dialogue(dialogue, today)
    if "notes" in record.content:
        record.check(evaluation_notes, record.text("notes"))
    if "signed_on" in record.content:
        record.not_after("signed_on", _in_period(record, "signed_on", period), today)
    signed = record.child("signatories")
    if signed is not None:
        signatory_problems(signed, today)
    return record.problems


def _rating(rating: FieldReader, period: Period | None, today: date | None) -> None:
    rating.choice("proposed", Rating, optional=True)
    rating.choice("final", Rating)
    rating.check(lambda: reason_text(rating.text("reason")), field="reason")
    rating.not_after("decided_on", _in_period(rating, "decided_on", period), today)


def _predikat(predikat: FieldReader, period: Period | None, today: date | None) -> None:
    hasil = predikat.choice("hasil", Rating)
    perilaku = predikat.choice("perilaku", Rating)
    computed = predikat.choice("computed", Predikat)
    final = predikat.choice("final", Predikat)
    reason = predikat.text("override_reason")
    predikat.check(lambda: reason_text(reason), field="override_reason")
    if hasil is not None and perilaku is not None:
        grid = predikat_for(hasil, perilaku)
        if computed is not None and computed is not grid:
            predikat.add(
                "computed",
                f"predikat {computed.value} tidak sesuai matriks: hasil {hasil.value} dan "
                f"perilaku {perilaku.value} memberi {grid.value}.",
            )
        if final is not None:
            # The same rule as a decision typed in: a predikat off the grid needs a reason.
            predikat.check(decide_predikat, hasil, perilaku, final, reason, field="override_reason")
    predikat.not_after("decided_on", _in_period(predikat, "decided_on", period), today)


def _in_period(reader: FieldReader, name: str, period: Period | None) -> date | None:
    """A decision's date: not before its period begins (it is decided on what happened)."""
    day = reader.day(name)
    if day is not None and period is not None and day < period.start:
        reader.add(
            name,
            f"tanggal {day.isoformat()} sebelum periode {period.code} dimulai "
            f"({period.start.isoformat()}).",
        )
    return day


_DIALOGUE_TEXTS = ("self_assessment", "reflection", "response", "objection", "explanation")
_DIALOGUE_DATES = (
    "talk_on",
    "result_received_on",
    "response_on",
    "objection_on",
    "explanation_on",
    "decision_on",
)


def _dialogue(dialogue: FieldReader, today: date | None) -> None:
    for name in (*_DIALOGUE_TEXTS, "decision"):
        dialogue.check(dialogue_text, dialogue.text(name), name, "Isian dialog", required=False)
    for name in _DIALOGUE_DATES:
        dialogue.not_after(name, dialogue.day(name, optional=True), today)
    dialogue.choice("decided_predikat", Predikat, optional=True)


def signatory_problems(signed: FieldReader, today: date | None) -> None:
    """Who signed a sealed record: the forms print these people as they stood that day."""
    signed.not_after("taken_on", signed.day("taken_on"), today)
    people = signed.child("people")
    if people is None:
        signed.add("people", "penanda tangan tidak dicatat.")
        return
    if people.text("acting") not in _ACTING:
        people.add("acting", f"'{people.text('acting')[:20]}' bukan Plt./Plh.")
    for role in SIGNATORY_ROLES:
        person = people.child(role)
        if person is None:
            if role == "pegawai":
                people.add(role, "pegawai yang dinilai tidak dicatat.")
            continue
        if set(person.content) != SIGNATORY_PERSON_FIELDS:
            person.add("", f"isian orang harus tepat {', '.join(sorted(SIGNATORY_PERSON_FIELDS))}.")
            continue
        # An appraiser who is a pejabat negara (a wali kota) holds no NIP, status or golongan.
        pejabat_negara = role != "pegawai" and not any(
            person.text(name) for name in ("nip", "status", "golongan")
        )
        if not pejabat_negara:
            person.check(Nip.parse, person.text("nip"), field="nip")
        for name in SIGNATORY_PERSON_FIELDS - {"nip"}:
            text = person.text(name)
            person.check(optional_text, text, "Isian", name, field=name)


def observation_problems(content: Mapping[str, Any], today: date | None) -> list[Problem]:
    """A journal entry, through the journal's own check."""
    entry = FieldReader(content)
    observed_on = entry.day("observed_on")
    indicator = entry.integer("indicator", 1, 3, optional=True)
    entry.flag("serious")
    evidence = entry.text("evidence_text")
    link = is_link(evidence)
    if observed_on is not None:
        entry.check(
            lambda: check_observation(
                observed_on,
                value=entry.text("value_code"),
                sign=entry.text("sign"),
                text=entry.text("text"),
                indicator=indicator,
                source=entry.text("source"),
                evidence_note="" if link else evidence,
                evidence_link=evidence if link else "",
                today=today or date.max,
            ),
            renamed=_OBSERVATION_FIELDS,
        )
    return entry.problems
