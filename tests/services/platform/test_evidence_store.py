"""Evidence files copied into the store, named by content, checked by hash."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services.platform.evidence_store import (
    MAX_EVIDENCE_BYTES,
    EvidenceFolder,
    evidence_folder,
    format_size_id,
)


@pytest.fixture
def store(tmp_path: Path) -> EvidenceFolder:
    return EvidenceFolder(tmp_path / "data" / "evidence")


def _file(folder: Path, name: str, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


def test_a_copy_is_named_by_its_hash_and_survives_the_original(
    store: EvidenceFolder, tmp_path: Path
) -> None:
    content = b"%PDF-1.4 laporan triwulan I"
    original = _file(tmp_path / "Dokumen", "Laporan Maret.PDF", content)
    sha = hashlib.sha256(content).hexdigest()

    stored = store.put(original)
    original.unlink()

    assert stored.sha256 == sha
    assert stored.size == len(content)
    assert stored.file_name == "Laporan Maret.PDF"
    assert stored.stored_name == f"{sha[:2]}/{sha}.pdf"
    assert store.path_of(stored.stored_name).read_bytes() == content
    assert store.verify(stored.stored_name, sha)
    assert not list(store.folder.glob(".incoming-*"))  # no temp file left behind


def test_the_same_content_is_stored_once(store: EvidenceFolder, tmp_path: Path) -> None:
    first = store.put(_file(tmp_path / "a", "foto.jpg", b"same bytes"))
    second = store.put(_file(tmp_path / "b", "salinan foto.JPG", b"same bytes"))

    assert first.stored_name == second.stored_name
    assert second.file_name == "salinan foto.JPG"
    assert len([p for p in store.folder.rglob("*") if p.is_file()]) == 1


@pytest.mark.parametrize(
    ("name", "suffix"),
    [("notulen.docx", ".docx"), ("tanpa-ekstensi", ""), ("aneh.t@r", ""), ("arsip.tar.GZ", ".gz")],
)
def test_only_a_plain_extension_is_kept(
    store: EvidenceFolder, tmp_path: Path, name: str, suffix: str
) -> None:
    stored = store.put(_file(tmp_path, name, b"isi"))

    assert stored.stored_name.endswith(f"{stored.sha256}{suffix}")


def test_a_changed_or_missing_copy_fails_verification(
    store: EvidenceFolder, tmp_path: Path
) -> None:
    stored = store.put(_file(tmp_path, "absen.xlsx", b"rekap absensi"))
    copy = store.path_of(stored.stored_name)

    copy.write_bytes(b"diubah")
    assert not store.verify(stored.stored_name, stored.sha256)
    copy.unlink()
    assert not store.verify(stored.stored_name, stored.sha256)
    assert not store.verify("../../etc/passwd", stored.sha256)


def test_bytes_from_a_server_are_written_whole_under_their_name(
    store: EvidenceFolder, tmp_path: Path
) -> None:
    content = b"isi dari basis data server"
    sha256 = hashlib.sha256(content).hexdigest()
    name = f"{sha256[:2]}/{sha256}.pdf"

    path = store.put_bytes(name, sha256, content)

    assert path == store.path_of(name) and path.read_bytes() == content
    assert store.verify(name, sha256)
    assert [p.name for p in store.folder.iterdir() if p.name.startswith(".")] == []


def test_bytes_that_do_not_match_their_hash_are_not_written(
    store: EvidenceFolder, tmp_path: Path
) -> None:
    sha256 = hashlib.sha256(b"yang asli").hexdigest()
    name = f"{sha256[:2]}/{sha256}.pdf"

    with pytest.raises(ValueError, match="does not match"):
        store.put_bytes(name, sha256, b"yang lain")

    assert not store.path_of(name).exists()


@pytest.mark.parametrize("name", ["../kinerja.sqlite", "ab/cd.pdf", "/etc/passwd", ""])
def test_path_of_refuses_names_it_never_gave(store: EvidenceFolder, name: str) -> None:
    with pytest.raises(ValueError, match="not a stored evidence name"):
        store.path_of(name)


def test_missing_file_is_refused_in_indonesian(store: EvidenceFolder, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="Berkas tidak ditemukan") as caught:
        store.put(tmp_path / "hilang.pdf")
    assert caught.value.field == "file"
    assert not store.folder.exists()


def test_a_folder_is_refused(store: EvidenceFolder, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="folder, bukan berkas"):
        store.put(tmp_path)


def test_an_empty_file_is_refused(store: EvidenceFolder, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="kosong"):
        store.put(_file(tmp_path, "kosong.pdf", b""))


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    store = EvidenceFolder(tmp_path / "evidence", max_bytes=10)
    with pytest.raises(ValidationError, match=r"terlalu besar \(11 byte; paling besar 10 byte\)"):
        store.put(_file(tmp_path, "besar.bin", b"x" * 11))
    assert not store.folder.exists() or not any(store.folder.rglob("*"))


def test_the_default_limit_is_25_mb() -> None:
    assert MAX_EVIDENCE_BYTES == 25 * 1024 * 1024
    assert format_size_id(MAX_EVIDENCE_BYTES) == "25 MB"


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 byte"),
        (1023, "1023 byte"),
        (1536, "1,5 KB"),
        (2048, "2 KB"),
        (3 * 1024 * 1024 + 210_000, "3,2 MB"),
    ],
)
def test_format_size_id(size: int, text: str) -> None:
    assert format_size_id(size) == text


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_evidence_folders_are_the_owners_only(store: EvidenceFolder, tmp_path: Path) -> None:
    source = tmp_path / "sertifikat.pdf"
    source.write_bytes(b"%PDF-1.4 sertifikat")
    copy = store.put(source)
    for folder in (store.folder, store.path_of(copy.stored_name).parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_the_evidence_folder_is_named_in_one_place() -> None:
    package = Path(evidence_folder.__code__.co_filename).parents[2]
    by_hand = re.compile(r"""/ *["']evidence["']""")
    spelled = sorted(
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if by_hand.search(path.read_text(encoding="utf-8"))
    )
    assert spelled == [os.path.join("services", "platform", "evidence_store.py")]
    assert evidence_folder(Path("kantor") / "kinerja.sqlite") == Path("kantor") / "evidence"
