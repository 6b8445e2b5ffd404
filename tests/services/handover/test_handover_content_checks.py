"""Every kind of record a package carries goes through the checks typed input goes through.

A package re-signed with another key can hold anything; an SKP, a period's ratings and
predikat, a journal entry, a survey, a complaint, an audit finding and who signed are held to
the rules the services apply when a user types them. The fine-grained cases run the checks on
the demo office's records, changed one field at a time; a few run end to end through a
re-signed package, which is refused whole and leaves the database as it was.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from handover_helpers import RESIGNED_AT, Change, dump, resigned
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_desktop.data.repositories import handover as repo
from kinerja_desktop.domain.handover_appraisal_checks import SIGNATORY_PERSON_FIELDS
from kinerja_desktop.domain.handover_checks import record_problems
from kinerja_desktop.domain.handover_records import (
    Aggregate,
    Kind,
    build_aggregates,
    canonical_json,
    make_aggregate,
)
from kinerja_desktop.services.app_services import AppServices, open_services
from kinerja_desktop.services.handover.package import PackageRefusedError
from kinerja_desktop.services.platform.signatories import RecordedPerson

EXPORTED_ON = date.fromisoformat(RESIGNED_AT[:10])


@pytest.fixture(scope="module")
def records(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Aggregate]:
    """The demo office's records, as a package carries them."""
    folder = tmp_path_factory.mktemp("records")
    shutil.copytree(demo_template, folder, dirs_exist_ok=True)
    services = open_services(folder / "kantor.sqlite", create=False)
    try:
        with services.database.reading() as session:
            return build_aggregates(repo.read_all(session).tables)
    finally:
        services.close()


def _at(*path: Any, value: Any) -> Change:
    """Set the value at ``path`` (keys and list indexes) in a record's content."""

    def change(content: dict[str, Any]) -> None:
        target: Any = content
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _signed(content: Mapping[str, Any]) -> bool:
    return "signatories" in content


def _both(*changes: Change) -> Change:
    def change(content: dict[str, Any]) -> None:
        for one in changes:
            one(content)

    return change


Where = Callable[[Mapping[str, Any]], bool]
ANY: Where = lambda content: True  # noqa: E731
RHK = ("rhks", 0)
IKI = (*RHK, "ikis", 0)
REALISATION = (*IKI, "realisations", 0)
RESPONSE = ("responses", 0)
PEGAWAI = ("signatories", "people", "pegawai")

# (kind, which record, the change, the field named in the message)
CASES = [
    # office records: appraisal year, Plt/Plh, the unit's predikat
    (Kind.APPRAISAL_YEAR, ANY, _at("scheme", value="MINGGUAN"), "kolom scheme"),
    (Kind.APPRAISAL_YEAR, ANY, _at("instansi", value="Palembang"), "kolom instansi"),
    (Kind.ACTING, ANY, _at("kind", value="PJ"), "kolom kind"),
    (Kind.ACTING, ANY, _at("end_date", value="2026-09-30"), "kolom end_date"),
    (Kind.ACTING, ANY, _at("for", value="000000000000000000"), "kolom for"),
    (Kind.ORG_PREDIKAT, ANY, _at("predikat", value="JUARA"), "kolom predikat"),
    (Kind.ORG_PREDIKAT, ANY, _at("period_code", value="Q1"), "kolom period_code"),
    (Kind.ORG_PREDIKAT, ANY, _at("recorded_on", value="2026-12-25"), "kolom recorded_on"),
    # competence and development
    (Kind.JOB_STANDARD, ANY, _at("required_level", value=6), "kolom required_level"),
    (Kind.COMPETENCE_RATING, ANY, _at("level", value=0), "kolom level"),
    (Kind.COMPETENCE_RATING, ANY, _at("level", value="tinggi"), "kolom level"),
    (Kind.COMPETENCE_RATING, ANY, _at("rated_on", value="2026-12-25"), "kolom rated_on"),
    (Kind.DEVELOPMENT_ITEM, ANY, _at("jp", value="-2"), "kolom jp"),
    (Kind.DEVELOPMENT_ITEM, ANY, _at("path", value="JALAN_JALAN"), "kolom path"),
    (Kind.DEVELOPMENT_ITEM, ANY, _at("status", value="LUPA"), "kolom status"),
    (Kind.DEVELOPMENT_ITEM, ANY, _at("end_date", value="2020-01-01"), "kolom end_date"),
    (Kind.DEVELOPMENT_ITEM, ANY, _at("title", value=""), "kolom title"),
    # SKP: period and year, RHK and indicator texts, targets, realisation, versions
    (Kind.SKP, ANY, _at("year", value=1850), "kolom year"),
    (Kind.SKP, ANY, _at("pendekatan", value="CAMPURAN"), "kolom pendekatan"),
    (Kind.SKP, ANY, _at("status", value="SELESAI"), "kolom status"),
    (Kind.SKP, ANY, _at("period_end", value="2031-12-31"), "kolom period_end"),
    (Kind.SKP, ANY, _at("period_start", value="31-01-2026"), "kolom period_start"),
    (Kind.SKP, ANY, _at(*RHK, "text", value="x" * 1001), "kolom rhks[0].text"),
    (Kind.SKP, ANY, _at(*RHK, "kind", value="WAJIB"), "kolom rhks[0].kind"),
    (Kind.SKP, ANY, _at(*IKI, "indicator", value=" "), "kolom rhks[0].ikis[0].indicator"),
    (Kind.SKP, ANY, _at(*IKI, "target", value="banyak"), "kolom rhks[0].ikis[0].target"),
    (Kind.SKP, ANY, _at(*IKI, "target", value="-4"), "kolom rhks[0].ikis[0].target"),
    (Kind.SKP, ANY, _at(*IKI, "aspek", value="GAYA"), "kolom rhks[0].ikis[0].aspek"),
    (
        Kind.SKP,
        ANY,
        _at(*REALISATION, "value", value="-3"),
        "kolom rhks[0].ikis[0].realisations[0].realisation",
    ),
    (
        Kind.SKP,
        ANY,
        _at(*REALISATION, "value", value="=1+1"),
        "kolom rhks[0].ikis[0].realisations[0].realisation",
    ),
    (
        Kind.SKP,
        ANY,
        _at(*REALISATION, "period_code", value="TW5"),
        "kolom rhks[0].ikis[0].realisations[0].period_code",
    ),
    (Kind.SKP, ANY, _at("expectations", 0, "value_code", value="JUJUR"), "value_code"),
    (Kind.SKP, ANY, _at("versions", 0, "content_json", value="{"), "versions[0].content_json"),
    # period: ratings, predikat, behaviour feedback, dates, who signed
    (Kind.PERIOD, ANY, _at("result_rating", "final", value="LUAR_BIASA"), "result_rating.final"),
    (Kind.PERIOD, ANY, _at("result_rating", "source", value="X"), "result_rating.source"),
    (
        Kind.PERIOD,
        ANY,
        _at("behaviour_rating", "proposed", value="HEBAT"),
        "behaviour_rating.proposed",
    ),
    (
        Kind.PERIOD,
        ANY,
        _at("predikat", "computed", value="SANGAT_BAIK"),
        "kolom predikat.computed: predikat SANGAT_BAIK tidak sesuai matriks",
    ),
    (
        Kind.PERIOD,
        ANY,
        _at("predikat", "final", value="SANGAT_KURANG"),
        "kolom predikat.override_reason",
    ),
    (
        Kind.PERIOD,
        ANY,
        _at("behaviour_feedback", 0, "value_code", value="JUJUR"),
        "behaviour_feedback[0].value_code",
    ),
    (
        Kind.PERIOD,
        ANY,
        _at("result_rating", "decided_on", value="2020-01-01"),
        "result_rating.decided_on: tanggal 2020-01-01 sebelum periode",
    ),
    (
        Kind.PERIOD,
        ANY,
        _at("predikat", "decided_on", value="2026-12-25"),
        "predikat.decided_on: tanggal 2026-12-25 sesudah paket dibuat",
    ),
    (Kind.PERIOD, _signed, _at(*PEGAWAI, "nip", value="12"), "signatories.people.pegawai.nip"),
    (
        Kind.PERIOD,
        lambda content: content["dialogue"] is not None,
        _at("dialogue", "response", value="x" * 4001),
        "kolom dialogue.response: Isian dialog paling banyak 4000 karakter",
    ),
    (
        Kind.PERIOD,
        lambda content: content["dialogue"] is not None,
        _at("dialogue", "decided_predikat", value="LUMAYAN"),
        "kolom dialogue.decided_predikat",
    ),
    (Kind.PERIOD, _signed, _at(*PEGAWAI, "role", value="x"), "signatories.people.pegawai."),
    (Kind.PERIOD, _signed, _at("signatories", "people", "acting", value="Pj."), "acting"),
    # journal entries: BerAKHLAK value, dates, text length
    (Kind.OBSERVATION, ANY, _at("value_code", value="JUJUR"), "kolom value_code:"),
    (Kind.OBSERVATION, ANY, _at("sign", value="SEDANG"), "kolom sign:"),
    (Kind.OBSERVATION, ANY, _at("observed_on", value="2026-12-25"), "kolom observed_on"),
    (Kind.OBSERVATION, ANY, _at("observed_on", value="kemarin"), "kolom observed_on"),
    (
        Kind.OBSERVATION,
        ANY,
        _at("text", value="x" * 2001),
        "kolom text: Uraian paling banyak 2000 karakter",
    ),
    (Kind.OBSERVATION, ANY, _at("indicator", value=7), "kolom indicator"),
    # surveys: answers 1-4, unit, respondents
    (Kind.SURVEY, ANY, _at(*RESPONSE, "u3", value=5), "kolom responses[0].U3"),
    (Kind.SURVEY, ANY, _at(*RESPONSE, "u1", value="4"), "kolom responses[0].u1"),
    (Kind.SURVEY, ANY, _at(*RESPONSE, "gender", value="X"), "kolom responses[0].gender"),
    (Kind.SURVEY, ANY, _at(*RESPONSE, "age", value=300), "kolom responses[0].age"),
    (Kind.SURVEY, ANY, _at("unit", value=[]), "kolom unit"),
    (Kind.SURVEY, ANY, _at("period_code", value="2026-S3"), "kolom period_code"),
    (
        Kind.SURVEY,
        ANY,
        _both(*(_at(*RESPONSE, f"u{n}", value=None) for n in range(1, 10))),
        "kolom responses[0].u1",
    ),
    # complaints and compliments: channel, dates, status
    (Kind.PUBLIC_FEEDBACK, ANY, _at("channel", value="MERPATI"), "kolom channel"),
    (Kind.PUBLIC_FEEDBACK, ANY, _at("kind", value="GOSIP"), "kolom kind"),
    (Kind.PUBLIC_FEEDBACK, ANY, _at("status", value="HILANG"), "kolom status"),
    (Kind.PUBLIC_FEEDBACK, ANY, _at("received_on", value="2026-12-25"), "kolom received_on"),
    (Kind.PUBLIC_FEEDBACK, ANY, _at("text", value=""), "kolom text"),
    (
        Kind.PUBLIC_FEEDBACK,
        lambda content: content["status"] == "SELESAI",
        _at("resolution", value=""),
        "kolom resolution",
    ),
    (
        Kind.PUBLIC_FEEDBACK,
        lambda content: content["status"] == "SELESAI",
        _at("closed_on", value="2001-01-01"),
        "kolom closed_on",
    ),
    # audit findings: status, dates, follow-ups
    (Kind.AUDIT_FINDING, ANY, _at("status", value="HILANG"), "kolom status"),
    (Kind.AUDIT_FINDING, ANY, _at("source", value="TETANGGA"), "kolom source"),
    (Kind.AUDIT_FINDING, ANY, _at("found_on", value="2026-12-25"), "kolom found_on"),
    (Kind.AUDIT_FINDING, ANY, _at("title", value=""), "kolom title"),
    (Kind.AUDIT_FINDING, ANY, _at("due_on", value="2001-01-01"), "kolom due_on"),
    (
        Kind.AUDIT_FINDING,
        lambda content: bool(content["follow_ups"]),
        _at("follow_ups", 0, "done_on", value="2001-01-01"),
        "kolom follow_ups[0].done_on",
    ),
    (
        Kind.AUDIT_FINDING,
        lambda content: content["status"] == "SELESAI",
        _at("follow_ups", value=[]),
        "kolom status",
    ),
]


def _changed(records: list[Aggregate], kind: Kind, where: Where, change: Change) -> Aggregate:
    original = next(a for a in records if a.kind is kind and where(a.content))
    content = json.loads(canonical_json(original.content))
    change(content)
    return make_aggregate(kind, json.loads(original.key), original.label, content, None)


def test_the_demo_office_passes_every_check(records: list[Aggregate]) -> None:
    kinds = {aggregate.kind for aggregate in records}
    assert {Kind.SKP, Kind.PERIOD, Kind.OBSERVATION, Kind.SURVEY} <= kinds
    assert {Kind.PUBLIC_FEEDBACK, Kind.AUDIT_FINDING} <= kinds
    assert {Kind.APPRAISAL_YEAR, Kind.ACTING, Kind.ORG_PREDIKAT} <= kinds
    assert {Kind.JOB_STANDARD, Kind.COMPETENCE_RATING, Kind.DEVELOPMENT_ITEM} <= kinds
    assert any(_signed(a.content) for a in records if a.kind is Kind.PERIOD)
    assert record_problems(records, EXPORTED_ON) == []


@pytest.mark.parametrize(("kind", "where", "change", "names"), CASES)
def test_a_record_failing_a_check_is_named_with_its_field(
    records: list[Aggregate], kind: Kind, where: Where, change: Change, names: str
) -> None:
    changed = _changed(records, kind, where, change)
    problems = record_problems([changed], EXPORTED_ON)
    assert problems, "the change was not noticed"
    prefix = f"Paket ditolak: {kind.label.lower()} {changed.key} kolom "
    assert all(problem.startswith(prefix) for problem in problems), problems
    assert any(names in problem for problem in problems), problems


def test_every_problem_of_a_record_is_listed(records: list[Aggregate]) -> None:
    changed = _changed(
        records,
        Kind.OBSERVATION,
        ANY,
        _both(_at("value_code", value="JUJUR"), _at("indicator", value=9)),
    )
    problems = record_problems([changed], EXPORTED_ON)
    assert [p.split(" kolom ")[1].split(":")[0] for p in problems] == ["indicator", "value_code"]


def test_the_checks_know_the_people_a_signatory_record_holds() -> None:
    assert set(RecordedPerson.__dataclass_fields__) == SIGNATORY_PERSON_FIELDS


# End to end: a re-signed package with one bad record is refused whole, nothing written.
PACKAGE_CASES = [
    (Kind.SKP, ANY, _at(*IKI, "target", value="banyak"), "kolom rhks[0].ikis[0].target"),
    (Kind.PERIOD, ANY, _at("predikat", "final", value="LUAR_BIASA"), "kolom predikat.final"),
    (Kind.PERIOD, _signed, _at(*PEGAWAI, "nip", value="12"), "signatories.people.pegawai.nip"),
    (Kind.OBSERVATION, ANY, _at("value_code", value="JUJUR"), "kolom value_code"),
    (Kind.SURVEY, ANY, _at(*RESPONSE, "u3", value=5), "kolom responses[0].U3"),
    (Kind.PUBLIC_FEEDBACK, ANY, _at("channel", value="MERPATI"), "kolom channel"),
    (Kind.AUDIT_FINDING, ANY, _at("status", value="HILANG"), "kolom status"),
    (Kind.ORG_PREDIKAT, ANY, _at("predikat", value="JUARA"), "kolom predikat"),
]


@pytest.mark.parametrize(("kind", "where", "change", "names"), PACKAGE_CASES)
def test_a_resigned_package_with_a_bad_record_is_refused_whole(
    target: AppServices,
    package: Path,
    tmp_path: Path,
    kind: Kind,
    where: Where,
    change: Change,
    names: str,
) -> None:
    bad = resigned(package, tmp_path, kind, change, where=where)
    before = dump(target.database_path)
    with pytest.raises(PackageRefusedError) as refused:
        target.handover.preview(bad)
    message = refused.value.message
    assert message.startswith(f"Paket ditolak: {kind.label.lower()} ")
    assert names in message and message.endswith("Tidak ada yang diimpor.")
    with pytest.raises(PackageRefusedError):
        target.handover.apply(bad)
    assert dump(target.database_path) == before


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_value_anywhere_gives_problems_or_none_never_a_crash(
    records: list[Aggregate], data: st.DataObject
) -> None:
    """A re-signed package can hold any JSON in any field: the checks never fail on it."""
    checked = [a for a in records if a.kind not in (Kind.UNIT, Kind.TECHNICAL_COMPETENCE)]
    original = data.draw(st.sampled_from(checked))
    content: Any = json.loads(canonical_json(original.content))
    holder = content
    while True:
        keys = list(holder) if isinstance(holder, dict) else list(range(len(holder)))
        if not keys:
            break
        key = data.draw(st.sampled_from(keys))
        if isinstance(holder[key], dict | list) and holder[key] and data.draw(st.booleans()):
            holder = holder[key]
            continue
        holder[key] = data.draw(JSON_VALUES)
        break
    changed = make_aggregate(original.kind, json.loads(original.key), "", content, None)
    problems = record_problems([changed], EXPORTED_ON)
    assert all(problem.startswith("Paket ditolak: ") for problem in problems)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("dialogue", "response"), "x" * 4000),
        (("skp_revision_reason",), "x" * 1500),
    ],
)
def test_what_the_app_itself_accepts_is_accepted(
    records: list[Aggregate], path: tuple[str, ...], value: str
) -> None:
    """A dialogue text up to 4000 characters and a long revision reason are typed in the app."""
    if path[0] == "skp_revision_reason":
        changed = _changed(records, Kind.SKP, ANY, _at("revision_reason", value=value))
    else:
        changed = _changed(
            records, Kind.PERIOD, lambda c: c["dialogue"] is not None, _at(*path, value=value)
        )
    assert record_problems([changed], EXPORTED_ON) == []
