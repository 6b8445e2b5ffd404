"""Property tests of the package reader: any bytes give a package or a clear refusal, never a crash.

A small signed package is built once; Hypothesis then feeds random bytes, truncations, flipped
bytes and spliced garbage. The reader must either refuse with an Indonesian message naming
what is wrong, or (when the change fell on bytes nothing depends on, such as a zip header's
timestamp) return exactly the records of the original.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from handover_helpers import dump
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.handover_merge import Choice
from kinerja_desktop.domain.handover_records import Kind, make_aggregate
from kinerja_desktop.services.app_services import AppServices
from kinerja_desktop.services.handover.package import (
    PackageRefusedError,
    read_package,
    write_package,
)
from kinerja_desktop.services.platform import signing

SETTINGS = settings(
    max_examples=int(os.environ.get("HANDOVER_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("paket")
    evidence = folder / "evidence"
    stored = "ab/" + "ab" * 32 + ".pdf"
    aggregates = [
        make_aggregate(Kind.UNIT, ["Kota"], "Kota", {"path": ["Kota"], "kind": "INSTANSI"}, None),
        make_aggregate(
            Kind.OBSERVATION,
            ["199001012015011001", "2026-03-01", "x"],
            "catatan",
            {"nip": "199001012015011001", "evidence_file": stored, "evidence_sha256": "0" * 64},
            None,
        ),
    ]
    header = {
        "app_version": "0.1.0",
        "schema_revision": "0007",
        "source_file": "kantor.sqlite",
        "exported_at": "2026-11-28T10:00:00+07:00",
        "scope": {"unit": None, "year": None},
    }
    target = folder / "paket.zip"
    key = signing.load_or_create_key(folder / "keys")
    write_package(target, header=header, aggregates=aggregates, evidence_folder=evidence, key=key)
    return target.read_bytes()


def _outcome(tmp_path: Path, body: bytes, original: bytes) -> None:
    path = tmp_path / "masuk.zip"
    path.write_bytes(body)
    try:
        package = read_package(path)
    except PackageRefusedError as refused:
        assert refused.message.strip()
        assert "Traceback" not in refused.message
        return
    original_path = tmp_path / "asli.zip"
    original_path.write_bytes(original)
    assert package.aggregates == read_package(original_path).aggregates


def test_the_original_reads(tmp_path: Path, original: bytes) -> None:
    path = tmp_path / "asli.zip"
    path.write_bytes(original)
    package = read_package(path)
    assert [a.kind for a in package.aggregates] == [Kind.UNIT, Kind.OBSERVATION]
    assert package.manifest.missing_evidence == ("ab/" + "ab" * 32 + ".pdf",)


@SETTINGS
@given(body=st.binary(max_size=4096))
def test_random_bytes_are_refused(tmp_path: Path, original: bytes, body: bytes) -> None:
    _outcome(tmp_path, body, original)


@SETTINGS
@given(cut=st.integers(min_value=0))
def test_any_truncation_is_refused(tmp_path: Path, original: bytes, cut: int) -> None:
    _outcome(tmp_path, original[: cut % len(original)], original)


@SETTINGS
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)), max_size=4))
def test_flipped_bytes_never_crash(
    tmp_path: Path, original: bytes, flips: list[tuple[int, int]]
) -> None:
    body = bytearray(original)
    for position, mask in flips:
        body[position % len(body)] ^= mask
    _outcome(tmp_path, bytes(body), original)


@SETTINGS
@given(at=st.integers(min_value=0), garbage=st.binary(min_size=1, max_size=64))
def test_spliced_garbage_never_crashes(
    tmp_path: Path, original: bytes, at: int, garbage: bytes
) -> None:
    position = at % len(original)
    _outcome(tmp_path, original[:position] + garbage + original[position:], original)


@SETTINGS
@given(
    members=st.dictionaries(
        st.sampled_from(["manifest.json", "manifest.sig", "records/unit.json", "x/../y", "a"]),
        st.binary(max_size=256),
        max_size=4,
    )
)
def test_zips_with_any_members_are_refused(
    tmp_path: Path, original: bytes, members: dict[str, bytes]
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    _outcome(tmp_path, buffer.getvalue(), original)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=12,
)


@SETTINGS
@given(
    kind=st.sampled_from(list(Kind)),
    key=st.lists(JSON_VALUES, max_size=3),
    content=st.dictionaries(
        st.sampled_from(["nip", "path", "unit", "rhks", "year", "name", "kind", "history"]),
        JSON_VALUES,
        max_size=6,
    ),
)
def test_a_signed_package_with_odd_content_writes_all_or_nothing(
    target: AppServices, tmp_path: Path, kind: Kind, key: list[object], content: dict[str, object]
) -> None:
    path = tmp_path / "aneh.zip"
    header = {
        "app_version": "0.1.0",
        "schema_revision": "0007",
        "source_file": "x.sqlite",
        "exported_at": "2026-11-28T10:00:00+07:00",
        "scope": {"unit": None, "year": None},
    }
    key_pair = signing.load_or_create_key(tmp_path / "keys")
    odd = make_aggregate(kind, key, "aneh", content, None)
    write_package(path, header=header, aggregates=[odd], evidence_folder=tmp_path, key=key_pair)
    before = dump(target.database_path)
    try:
        target.handover.apply(path, default=Choice.TAKE_THEIRS)
    except DomainError as refused:
        assert refused.message.strip()
        assert dump(target.database_path) == before
