"""Hand-over packages through the service, on real SQLite files and real zip files."""

from __future__ import annotations

import base64
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from handover_helpers import EVIDENCE_BYTES, FOLLOW_UP_BYTES, content_of, dump, rewrite_zip
from handover_office import export_again

from kinerja_desktop.data.repositories.handover import HANDOVER_TABLES, schema_tables
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.handover_merge import Choice
from kinerja_desktop.domain.handover_records import Kind, canonical_json
from kinerja_desktop.domain.seal_chain import SealAction
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover import PackageRefusedError, UnresolvedConflictsError
from kinerja_desktop.services.handover.package import MANIFEST, SIGNATURE
from kinerja_desktop.services.platform import signing

#: Tables deliberately not carried, with the reason (docs/handover-format.md says the same).
NOT_CARRIED = {
    "alembic_version": "the schema revision travels in the manifest",
    "audit_log": "each installation's own chain; received agreed SKPs get a baseline seal",
    "printed_documents": "a sheet's code verifies against the office that printed it",
    "accounts": "passwords and roles belong to the installation, never to a package",
    "evidence_contents": "a server's file content; the files travel as members named by hash",
    "handover_sent_scopes": "the numbers of the packages this installation sent",
    "handover_sent_records": "what this installation last sent, to write packages of changes",
    "handover_received": "the packages this installation took, by sender, scope and number",
}


def test_every_table_is_carried_or_excluded_on_purpose() -> None:
    assert schema_tables() == set(HANDOVER_TABLES) | (set(NOT_CARRIED) & schema_tables())


def _signatories(services: AppServices) -> list[tuple[object, ...]]:
    with sqlite3.connect(services.database_path) as raw:
        return raw.execute("SELECT record, taken_on, content FROM signatories").fetchall()


def test_round_trip_into_an_empty_office_gives_the_same_content(
    source: AppServices, target: AppServices, package: Path
) -> None:
    preview = target.handover.preview(package)
    assert not preview.plan.conflicts and not preview.plan.identical
    result = target.handover.apply(package)

    assert content_of(target) == content_of(source)
    assert result.added == len(content_of(source)) and result.files_copied == 2
    stored = list((target.database_path.parent / "evidence").rglob("*.pdf"))
    assert sorted(path.read_bytes() for path in stored) == [FOLLOW_UP_BYTES, EVIDENCE_BYTES]


def test_the_round_trip_carries_signatures_and_the_registers_whole(
    source: AppServices, target: AppServices, package: Path
) -> None:
    target.handover.apply(package)

    counts = {
        "SELECT count(*) FROM evaluation_seals": 1,
        "SELECT count(*) FROM surveys": 6,
        "SELECT count(*) FROM public_feedback WHERE observation_id IS NOT NULL": 2,
        "SELECT count(*) FROM public_feedback WHERE survey_id IS NOT NULL": 1,
        "SELECT count(*) FROM survey_responses WHERE served_by_id IS NOT NULL": 1,
        "SELECT count(*) FROM audit_links WHERE rhk_id IS NOT NULL": 1,
        "SELECT count(*) FROM audit_links WHERE observation_id IS NOT NULL": 1,
        "SELECT count(*) FROM audit_follow_ups WHERE evidence_file <> ''": 1,
    }
    for query, expected in counts.items():
        assert _count(source, query) == _count(target, query) == expected, query
    # Whole tables agree row for row once ids are joined to what they name.
    joined = (
        "SELECT f.received_on, f.text, f.status, e.nip, o.observed_on, o.text, u.name, "
        "s.period_code FROM public_feedback f LEFT JOIN employees e ON e.id = f.employee_id "
        "LEFT JOIN observations o ON o.id = f.observation_id LEFT JOIN units u ON u.id = "
        "f.unit_id LEFT JOIN surveys s ON s.id = f.survey_id ORDER BY 1, 2, 3, 4",
        "SELECT s.period_code, u.name, count(r.id), sum(r.u3), group_concat(e.nip) FROM surveys s "
        "JOIN units u ON u.id = s.unit_id LEFT JOIN survey_responses r ON r.survey_id = s.id "
        "LEFT JOIN employees e ON e.id = r.served_by_id GROUP BY s.id ORDER BY 1, 2",
        "SELECT f.title, r.text, o.text FROM audit_links l JOIN audit_findings f ON "
        "f.id = l.finding_id LEFT JOIN rhks r ON r.id = l.rhk_id LEFT JOIN observations o ON "
        "o.id = l.observation_id ORDER BY 1, 2, 3",
        "SELECT e.nip, s.year, v.period_code, v.signed_on FROM evaluation_seals v JOIN skps s "
        "ON s.id = v.skp_id JOIN employees e ON e.id = s.employee_id",
    )
    for query in joined:
        assert _rows(source, query) == _rows(target, query), query


def test_records_are_written_as_canonical_json_lines_record_by_record(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = [name for name in archive.namelist() if name.startswith("records/")]
        bodies = {name: archive.read(name) for name in names}
    wanted = {"records/skp.jsonl", "records/survey.jsonl", "records/audit_finding.jsonl"}
    assert wanted <= set(bodies)
    for name, body in bodies.items():
        assert body.endswith(b"\n"), name
        for line in body.splitlines():
            assert line == canonical_json(json.loads(line)), name
            assert set(json.loads(line)) == {"content", "digest", "key", "label"}


def _count(services: AppServices, query: str) -> int:
    return int(_rows(services, query)[0][0])


def _rows(services: AppServices, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(services.database_path) as raw:
        return raw.execute(query).fetchall()


def test_an_import_leaves_the_audit_log_healthy(
    source: AppServices, target: AppServices, package: Path
) -> None:
    result = target.handover.apply(package)

    report = target.seals.verify()
    assert report.healthy, report.lines
    assert report.unlogged == 0
    agreed = _count(target, "SELECT count(*) FROM skps WHERE status = 'DISEPAKATI'")
    assert report.checked == agreed + 1  # every agreed SKP and the signed evaluation
    assert result.sealed == agreed + 1
    assert {e.fields.action for e in target.seals.history()} == {SealAction.SEGEL_AWAL}


def _signed(services: AppServices) -> tuple[int, str]:
    [(skp_id, code)] = _rows(services, "SELECT skp_id, period_code FROM evaluation_seals")
    return int(skp_id), str(code)


@pytest.mark.parametrize("choice", list(Choice))
def test_a_sealed_skp_changed_at_the_sender_is_sealed_again_when_taken(
    source: AppServices, target: AppServices, package: Path, tmp_path: Path, choice: Choice
) -> None:
    target.handover.apply(package)
    skp_id, _ = _signed(source)
    with sqlite3.connect(source.database_path) as raw:  # revised at the sender
        raw.execute(
            "UPDATE ikis SET target = '77' WHERE id = (SELECT min(i.id) FROM ikis i JOIN rhks r "
            "ON r.id = i.rhk_id WHERE r.skp_id = ?)",
            (skp_id,),
        )
    second = tmp_path / "kedua.zip"
    source.handover.export(second)

    target.handover.apply(second, default=choice)

    report = target.seals.verify()
    assert report.healthy, report.lines
    target_skp, code = _signed(target)
    actions = [e.fields.action for e in target.seals.history(f"skp:{target_skp}")]
    evaluation = [e.fields.action for e in target.seals.history(f"evaluasi:{target_skp}:{code}")]
    if choice is Choice.TAKE_THEIRS:
        # The plan changed, and with it the ids the signed evaluation's content holds.
        assert actions == [SealAction.SEGEL_AWAL, SealAction.DIIMPOR]
        assert evaluation == [SealAction.SEGEL_AWAL, SealAction.DIIMPOR]
        assert "kedua.zip" in target.seals.history(f"skp:{target_skp}")[-1].fields.reason
    else:
        assert actions == [SealAction.SEGEL_AWAL] and evaluation == [SealAction.SEGEL_AWAL]


def test_an_evaluation_reopened_at_the_sender_is_logged_as_opened_when_taken(
    source: AppServices, target: AppServices, package: Path, tmp_path: Path
) -> None:
    target.handover.apply(package)
    skp_id, code = _signed(source)
    source.seals.reopen_evaluation(skp_id, code, "Realisasi dikoreksi.")
    second = tmp_path / "kedua.zip"
    source.handover.export(second)

    target.handover.apply(second, default=Choice.TAKE_THEIRS)

    target_skp = _count(target, _skp_of_same(source, skp_id))
    assert target.seals.signed_on(target_skp, code) is None
    history = target.seals.history(f"evaluasi:{target_skp}:{code}")
    assert [e.fields.action for e in history] == [
        SealAction.SEGEL_AWAL,
        SealAction.EVALUASI_DIBUKA,
    ]
    assert target.seals.verify().healthy


def _skp_of_same(source: AppServices, skp_id: int) -> str:
    """SQL selecting, in another office, the SKP with the same NIP and year."""
    [(nip, year)] = _rows(
        source,
        f"SELECT e.nip, s.year FROM skps s JOIN employees e ON e.id = s.employee_id "
        f"WHERE s.id = {skp_id}",
    )
    return (
        "SELECT s.id FROM skps s JOIN employees e ON e.id = s.employee_id "
        f"WHERE e.nip = '{nip}' AND s.year = {year}"
    )


def test_reimporting_changes_nothing(target: AppServices, package: Path) -> None:
    target.handover.apply(package)
    before = dump(target.database_path)

    preview = target.handover.preview(package)
    result = target.handover.apply(package)

    assert preview.plan.changes_nothing
    assert result.added == result.replaced == 0
    assert dump(target.database_path) == before


def test_importing_into_the_source_changes_nothing(source: AppServices, package: Path) -> None:
    before = dump(source.database_path)
    assert source.handover.preview(package).plan.changes_nothing
    source.handover.apply(package)
    # Only the received ledger learns of the package (docs/handover-format.md, the hub rules).
    received = [line for line in dump(source.database_path) if line not in before]
    assert len(received) == 1 and received[0].startswith('INSERT INTO "handover_received"')


def _change_both(target: AppServices) -> None:
    """Change a name and an indicator's target in the receiving office."""
    with sqlite3.connect(target.database_path) as raw:
        raw.execute("UPDATE employees SET name = 'Nama Diubah' WHERE id = 3")
        raw.execute("UPDATE ikis SET target = '999' WHERE id = (SELECT min(id) FROM ikis)")


def test_a_conflict_is_shown_field_by_field(target: AppServices, package: Path) -> None:
    target.handover.apply(package)
    _change_both(target)

    plan = target.handover.preview(package).plan

    assert {conflict.kind for conflict in plan.conflicts} == {Kind.EMPLOYEE, Kind.SKP}
    by_kind = {conflict.kind: conflict for conflict in plan.conflicts}
    [name] = by_kind[Kind.EMPLOYEE].fields
    assert name.field == "name" and name.ours == "Nama Diubah" and name.theirs != name.ours
    [iki] = by_kind[Kind.SKP].fields
    assert iki.field == "rhks[1].ikis[1].target" and iki.ours == "999"


def test_unresolved_conflicts_write_nothing(
    source: AppServices, target: AppServices, package: Path
) -> None:
    target.handover.apply(package)
    _change_both(target)
    again = export_again(source, package.with_name("paket-2.zip"))
    before = dump(target.database_path)

    with pytest.raises(UnresolvedConflictsError) as refused:
        target.handover.apply(again)

    assert len(refused.value.conflicts) == 2
    assert "pilih" in refused.value.message
    assert dump(target.database_path) == before


@pytest.mark.parametrize("choice", list(Choice))
def test_a_conflict_is_resolved_either_way(
    source: AppServices, target: AppServices, package: Path, choice: Choice
) -> None:
    target.handover.apply(package)
    _change_both(target)
    changed = content_of(target)
    again = export_again(source, package.with_name("paket-2.zip"))
    plan = target.handover.preview(again).plan

    result = target.handover.apply(again, {conflict.ref: choice for conflict in plan.conflicts})

    assert not result.already_received
    expected = changed if choice is Choice.KEEP_OURS else content_of(source)
    assert content_of(target) == expected
    still = target.handover.preview(again).plan
    assert len(still.conflicts) == (2 if choice is Choice.KEEP_OURS else 0)


def test_taking_an_skp_keeps_the_links_of_the_rhk_that_serve_it(
    source: AppServices, target: AppServices, package: Path
) -> None:
    target.handover.apply(package)
    with sqlite3.connect(target.database_path) as raw:
        # An RHK that others serve: change its text so its SKP conflicts.
        raw.execute(
            "UPDATE rhks SET text = 'Diubah' WHERE id = "
            "(SELECT min(parent_rhk_id) FROM rhks WHERE parent_rhk_id IS NOT NULL)"
        )

    again = export_again(source, package.with_name("paket-2.zip"))
    target.handover.apply(again, default=Choice.TAKE_THEIRS)

    assert content_of(target) == content_of(source)


@pytest.fixture
def crossed(target: AppServices, package: Path) -> tuple[str, str]:
    """The receiving office put a head under one of his staff: (head NIP, staff NIP).

    Ours then has the head under the staff member and the staff member at the top; the package
    has the staff member under the head. Each side alone has no loop.
    """
    target.handover.apply(package)
    with sqlite3.connect(target.database_path) as raw:
        head, staff, head_nip, staff_nip = raw.execute(
            "SELECT h.id, s.id, h.nip, s.nip FROM employees s JOIN employees h "
            "ON h.id = s.penilai_id WHERE h.penilai_id IS NULL ORDER BY s.id LIMIT 1"
        ).fetchone()
        raw.execute("UPDATE employees SET penilai_id = NULL WHERE id = ?", (staff,))
        raw.execute(
            "UPDATE employees SET penilai_id = ?, penilai_official_id = NULL WHERE id = ?",
            (staff, head),
        )
    return head_nip, staff_nip


def test_taking_a_penilai_that_closes_a_loop_is_refused_naming_the_people(
    source: AppServices, target: AppServices, package: Path, crossed: tuple[str, str]
) -> None:
    head, staff = crossed
    package = export_again(source, package.with_name("paket-2.zip"))
    plan = target.handover.preview(package).plan
    refs = {json.loads(c.key)[0]: c.ref for c in plan.conflicts if c.kind is Kind.EMPLOYEE}
    assert set(refs) == {head, staff}
    before = dump(target.database_path)

    with pytest.raises(ValidationError) as refused:
        target.handover.apply(
            package, {refs[staff]: Choice.TAKE_THEIRS, refs[head]: Choice.KEEP_OURS}
        )

    assert f"NIP {staff}) dinilai oleh" in refused.value.message
    assert f"NIP {head}" in refused.value.message
    assert "lingkaran penilai" in refused.value.message
    assert dump(target.database_path) == before
    # Taking both (the package's tree) or keeping both (ours) is fine.
    target.handover.apply(package, default=Choice.TAKE_THEIRS)
    assert target.handover.preview(package).plan.changes_nothing


@pytest.fixture
def unit_package(source: AppServices, tmp_path: Path) -> Path:
    path = tmp_path / "seksi.zip"
    source.handover.export(path, unit=source.handover.find_unit("Seksi Pemerintahan"), year=2026)
    return path


def test_a_unit_package_carries_the_unit_and_what_it_refers_to(
    source: AppServices, target: AppServices, unit_package: Path
) -> None:
    preview = target.handover.preview(unit_package)
    assert preview.manifest.scope_unit is not None
    assert preview.manifest.scope_unit[-1] == "Seksi Pemerintahan"
    assert preview.manifest.scope_year == 2026

    target.handover.apply(unit_package)

    ours, theirs = content_of(source), content_of(target)
    assert set(theirs) < set(ours)
    assert all(ours[key] == digest for key, digest in theirs.items())
    kinds = {kind for kind, _ in theirs}
    assert {"employee", "skp", "period", "observation"} <= kinds


def test_a_service_unit_package_carries_its_registers_and_what_they_name(
    source: AppServices, target: AppServices, tmp_path: Path
) -> None:
    path = tmp_path / "pelayanan.zip"
    unit = source.handover.find_unit("Seksi Pelayanan Umum")
    source.handover.export(path, unit=unit, year=2026)

    target.handover.apply(path)

    ours, theirs = content_of(source), content_of(target)
    assert all(ours[key] == digest for key, digest in theirs.items())
    surveys = [json.loads(key) for kind, key in theirs if kind == "survey"]
    assert sorted(surveys) == [[list(unit), "2026-S1"], [list(unit), "2026-S2"]]
    feedback = {key for kind, key in theirs if kind == "public_feedback"}
    assert feedback and all(json.loads(key)[0] == list(unit) for key in feedback)
    # The finding's link names an observation of a person of another unit: both came along.
    [(observation_unit,)] = _rows(
        target,
        "SELECT u.name FROM audit_links l JOIN observations o ON o.id = l.observation_id "
        "JOIN employees e ON e.id = o.employee_id JOIN units u ON u.id = e.unit_id",
    )
    assert observation_unit != unit[-1]
    assert _count(target, "SELECT count(*) FROM audit_links") == 2
    assert target.seals.verify().healthy


def test_a_year_package_leaves_out_the_registers_of_other_years(
    source: AppServices, tmp_path: Path
) -> None:
    path = tmp_path / "2025.zip"
    source.handover.export(path, year=2025)

    carried = source.handover.preview(path).plan.identical

    # The demo's surveys and findings are of 2026; its register starts in December 2025.
    assert not {a.kind for a in carried} & {Kind.SURVEY, Kind.AUDIT_FINDING}
    received = [a.content["received_on"] for a in carried if a.kind is Kind.PUBLIC_FEEDBACK]
    in_2025 = _count(
        source, "SELECT count(*) FROM public_feedback WHERE received_on < '2026-01-01'"
    )
    assert len(received) == in_2025 > 0
    assert all(day.startswith("2025-") for day in received)


def test_find_unit_refuses_an_unknown_name(source: AppServices) -> None:
    with pytest.raises(Exception, match="tidak ditemukan"):
        source.handover.find_unit("Dinas Antah Berantah")


# --- refusals: the package is refused whole and the database is not touched -----------------


def _refused(target: AppServices, path: Path, message: str) -> None:
    before = dump(target.database_path)
    with pytest.raises(PackageRefusedError, match=message):
        target.handover.preview(path)
    with pytest.raises(PackageRefusedError, match=message):
        target.handover.apply(path, default=Choice.TAKE_THEIRS)
    assert dump(target.database_path) == before
    assert not (target.database_path.parent / "evidence").exists()


def test_a_tampered_record_is_refused(target: AppServices, package: Path, tmp_path: Path) -> None:
    tampered = tmp_path / "diubah.zip"

    def change(name: str, body: bytes) -> bytes:
        return body.replace(b"Kertapati", b"Kertapatu", 1) if name == "records/unit.jsonl" else body

    rewrite_zip(package, tampered, change)
    _refused(target, tampered, "SHA-256 berbeda")


def test_a_tampered_evidence_file_is_refused(
    target: AppServices, package: Path, tmp_path: Path
) -> None:
    tampered = tmp_path / "diubah.zip"

    def change(name: str, body: bytes) -> bytes:
        return body + b"x" if name.startswith("evidence/") else body

    rewrite_zip(package, tampered, change)
    _refused(target, tampered, "tidak sesuai manifest")


def test_a_truncated_package_is_refused(target: AppServices, package: Path, tmp_path: Path) -> None:
    cut = tmp_path / "terpotong.zip"
    cut.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    _refused(target, cut, "rusak atau terpotong")


def test_a_dropped_member_is_refused(target: AppServices, package: Path, tmp_path: Path) -> None:
    dropped = tmp_path / "kurang.zip"
    rewrite_zip(package, dropped, lambda name, body: None if name == "records/skp.jsonl" else body)
    _refused(target, dropped, "tidak ada di paket")


def test_a_changed_manifest_fails_its_signature(
    target: AppServices, package: Path, tmp_path: Path
) -> None:
    changed = tmp_path / "manifest.zip"

    def change(name: str, body: bytes) -> bytes:
        return (
            body.replace(b'"source_file":"', b'"source_file":"X', 1) if name == MANIFEST else body
        )

    rewrite_zip(package, changed, change)
    _refused(target, changed, "Tanda tangan paket tidak cocok")


def test_a_signature_by_another_key_is_refused(
    target: AppServices, package: Path, tmp_path: Path
) -> None:
    other = signing.load_or_create_key(tmp_path / "kunci-lain")
    wrong = tmp_path / "kunci.zip"
    with zipfile.ZipFile(package) as archive:
        manifest = archive.read(MANIFEST)

    def change(name: str, body: bytes) -> bytes:
        return base64.b64encode(other.sign(manifest)) if name == SIGNATURE else body

    rewrite_zip(package, wrong, change)
    _refused(target, wrong, "Tanda tangan paket tidak cocok")


def test_a_package_from_a_newer_schema_is_refused(
    target: AppServices, package: Path, tmp_path: Path
) -> None:
    key = signing.load_or_create_key(tmp_path / "kunci")
    newer = tmp_path / "baru.zip"
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read(MANIFEST))
    manifest["schema_revision"] = "9999"
    manifest["public_key"] = base64.b64encode(key.export_public_key()).decode()
    body = canonical_json(manifest)

    def change(name: str, old: bytes) -> bytes:
        return (
            body
            if name == MANIFEST
            else base64.b64encode(key.sign(body))
            if name == SIGNATURE
            else old
        )

    rewrite_zip(package, newer, change)
    _refused(target, newer, "versi Kinerja Desktop yang lebih baru")


def test_a_file_that_is_not_a_package_is_refused(target: AppServices, tmp_path: Path) -> None:
    text = tmp_path / "catatan.zip"
    text.write_text("bukan zip", encoding="utf-8")
    _refused(target, text, "bukan paket serah terima")


# --- the key -----------------------------------------------------------------------------------


def test_the_installation_key_is_created_once_and_private(tmp_path: Path) -> None:
    first = signing.load_or_create_key(tmp_path / "keys")
    second = signing.load_or_create_key(tmp_path / "keys")

    assert first.export_public_key() == second.export_public_key()
    assert (first.path.stat().st_mode & 0o777) == 0o600
    signature = first.sign(b"isi")
    assert signing.verify(first.export_public_key(), b"isi", signature)
    assert not signing.verify(first.export_public_key(), b"isi lain", signature)
    assert not signing.verify(b"pendek", b"isi", signature)


def test_a_damaged_key_file_gives_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    folder.mkdir()
    (folder / signing.KEY_FILE_NAME).write_text("rusak", encoding="utf-8")
    with pytest.raises(Exception, match="Kunci tanda tangan"):
        signing.load_or_create_key(folder)
