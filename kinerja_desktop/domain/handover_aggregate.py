"""The building blocks of hand-over records: kinds, aggregates, canonical JSON and digests.

`domain.handover_records` (the appraisal records) and `domain.handover_registers` (the
supervision registers) both build :class:`Aggregate` values from these; the package reader,
the merge and the applier only ever see aggregates.
"""

from __future__ import annotations

import functools
import hashlib
import json
import zlib
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Row = Mapping[str, Any]
Tables = Mapping[str, Sequence[Row]]

#: Columns never carried: ids differ per installation, the rest say when a row was typed here.
LOCAL_COLUMNS = frozenset({"id", "version", "created_at", "updated_at", "recorded_at", "added_at"})


class Kind(StrEnum):
    """The aggregate kinds, in the order they are written (references point backwards)."""

    UNIT = "unit"
    TECHNICAL_COMPETENCE = "technical_competence"
    JOB_STANDARD = "job_standard"
    APPRAISAL_YEAR = "appraisal_year"
    EXTERNAL_OFFICIAL = "external_official"
    EMPLOYEE = "employee"
    ACTING = "acting"
    SKP = "skp"
    PERIOD = "period"
    OBSERVATION = "observation"
    ORG_PREDIKAT = "org_predikat"
    COMPETENCE_RATING = "competence_rating"
    DEVELOPMENT_ITEM = "development_item"
    DISMISSED_PROPOSAL = "dismissed_proposal"
    SURVEY = "survey"
    PUBLIC_FEEDBACK = "public_feedback"
    AUDIT_FINDING = "audit_finding"
    OFFICE_DAY_OFF = "office_day_off"
    LEAVE_DAY = "leave_day"
    PROGRESS_ENTRY = "progress_entry"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    Kind.UNIT: "Unit kerja",
    Kind.TECHNICAL_COMPETENCE: "Kompetensi teknis",
    Kind.JOB_STANDARD: "Standar kompetensi jabatan",
    Kind.APPRAISAL_YEAR: "Tahun penilaian",
    Kind.EXTERNAL_OFFICIAL: "Pejabat di luar kantor",
    Kind.EMPLOYEE: "Pegawai",
    Kind.ACTING: "Plt/Plh",
    Kind.SKP: "SKP",
    Kind.PERIOD: "Keputusan periode (rating, predikat, umpan balik, dialog, tanda tangan)",
    Kind.OBSERVATION: "Catatan perilaku",
    Kind.ORG_PREDIKAT: "Predikat organisasi",
    Kind.COMPETENCE_RATING: "Penilaian kompetensi",
    Kind.DEVELOPMENT_ITEM: "Rencana pengembangan",
    Kind.DISMISSED_PROPOSAL: "Usulan pengembangan yang dikesampingkan",
    Kind.SURVEY: "Survei kepuasan (SKM) dengan respondennya",
    Kind.PUBLIC_FEEDBACK: "Pengaduan, saran dan apresiasi",
    Kind.AUDIT_FINDING: "Temuan audit dengan tindak lanjutnya",
    Kind.OFFICE_DAY_OFF: "Hari libur kantor (cuti bersama, libur lokal)",
    Kind.LEAVE_DAY: "Hari cuti pegawai",
    Kind.PROGRESS_ENTRY: "Progres harian",
}


def canonical_json(value: Any) -> bytes:
    """The one byte form of a JSON value: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        value,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
        default=_unpacked,
    ).encode("utf-8")


def _unpacked(value: Any) -> Any:
    if isinstance(value, PackedContent):
        return value.unpacked()
    raise TypeError(f"not a JSON value: {type(value).__name__}")


class PackedContent(Mapping[str, Any]):
    """A record's content kept as its compressed canonical JSON, read like any mapping.

    A package's records as Python dictionaries took several times the file's size (3.6 GB
    for a 20,000-person office, issue 14); compressed they take a small part of it. Records
    of one kind share most of their field names, so a :class:`Packer` compresses each with
    the first of its kind as zlib's preset dictionary (a progress entry then takes a
    seventh of its text, not two thirds). Reading a field parses the content again through
    a small cache, so the fields of one record read one after another cost one parse;
    :meth:`unpacked` gives a dictionary of one's own.
    """

    __slots__ = ("_packed", "_zdict")

    def __init__(self, canonical: bytes, zdict: bytes = b"") -> None:
        """Keep ``canonical`` (the content's :func:`canonical_json`), compressed."""
        self._zdict = zdict
        if zdict:
            packer = zlib.compressobj(1, zdict=zdict)
            self._packed = packer.compress(canonical) + packer.flush()
        else:
            self._packed = zlib.compress(canonical, 1)

    @classmethod
    def of(cls, content: Mapping[str, Any]) -> PackedContent:
        return cls(canonical_json(content))

    @property
    def compressed(self) -> bytes:
        """The compressed canonical JSON (with :attr:`zdict` as zlib's preset dictionary)."""
        return self._packed

    @property
    def zdict(self) -> bytes:
        return self._zdict

    def unpacked(self) -> dict[str, Any]:
        """The content as a new dictionary (changing it changes nothing here)."""
        found: dict[str, Any] = json.loads(_inflate(self.compressed, self._zdict))
        return found

    def __getitem__(self, name: str) -> Any:
        return _read(self.compressed, self._zdict)[name]

    def __iter__(self) -> Iterator[str]:
        return iter(_read(self.compressed, self._zdict))

    def __len__(self) -> int:
        return len(_read(self.compressed, self._zdict))

    def __repr__(self) -> str:
        return f"PackedContent({self.unpacked()!r})"


def _inflate(packed: bytes, zdict: bytes) -> bytes:
    if not zdict:
        return zlib.decompress(packed)
    unpacker = zlib.decompressobj(zdict=zdict)
    return unpacker.decompress(packed) + unpacker.flush()


@functools.lru_cache(maxsize=64)
def _read(packed: bytes, zdict: bytes) -> dict[str, Any]:
    # Shared by the readers of one record's fields: a caller that changes what it read must
    # copy it first (``unpacked``).
    found: dict[str, Any] = json.loads(_inflate(packed, zdict))
    return found


class Packer:
    """Packs records' contents, each kind's with the first of that kind as the dictionary."""

    #: zlib uses at most the last 32 KB of a preset dictionary.
    _ZDICT_BYTES = 32 * 1024

    def __init__(self) -> None:
        self._zdicts: dict[Kind, bytes] = {}

    def content(self, kind: Kind, canonical: bytes) -> PackedContent:
        """``canonical`` (a record's :func:`canonical_json`) packed."""
        zdict = self._zdicts.get(kind)
        if zdict is None:
            zdict = self._zdicts[kind] = canonical[-self._ZDICT_BYTES :]
        return PackedContent(canonical, zdict)


def plain(content: Mapping[str, Any]) -> Mapping[str, Any]:
    """``content`` as a dictionary: a packed one unpacked once, for many reads of its fields."""
    return content.unpacked() if isinstance(content, PackedContent) else content


def digest_of(value: Any) -> str:
    return hashlib.sha256(canonical_json(value)).hexdigest()


@dataclass(frozen=True, slots=True)
class Aggregate:
    """One record with its natural key, its content and the content's SHA-256.

    Attributes:
        kind: What it is.
        key: The canonical JSON text of the natural key (a list), unique within the kind.
        label: A short Indonesian description for the preview.
        content: The JSON content, references written as natural keys.
        digest: SHA-256 of the canonical content.
        row_id: The id of the aggregate's main row in the database it was read from (None
            for aggregates read from a package).
    """

    kind: Kind
    key: str
    label: str
    content: Mapping[str, Any]
    digest: str
    row_id: int | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"key": json.loads(self.key), "label": self.label, "content": self.content}


def make_aggregate(
    kind: Kind, key: Sequence[Any], label: str, content: Mapping[str, Any], row_id: int | None
) -> Aggregate:
    key_text = canonical_json(list(key)).decode()
    return Aggregate(kind, key_text, label, content, digest_of(content), row_id)


def plain_fields(row: Row, *drop: str) -> dict[str, Any]:
    """A row's columns without the local ones and without ``drop`` (resolved references)."""
    return {k: v for k, v in row.items() if k not in LOCAL_COLUMNS and k not in drop}


def sorted_rows(rows: Sequence[Row], *drop: str) -> list[dict[str, Any]]:
    """Child rows without ids, in one canonical order (their own content)."""
    return sorted((plain_fields(row, *drop) for row in rows), key=canonical_json)


def year_of(text: str | None) -> int | None:
    return int(text[:4]) if text else None


def under(path: Sequence[str] | None, prefix: Sequence[str] | None) -> bool:
    """True when ``path`` is ``prefix`` or below it; everything is under no prefix."""
    if prefix is None:
        return True
    return path is not None and tuple(path[: len(prefix)]) == tuple(prefix)


def years_overlap(start: str | None, end: str | None, year: int | None) -> bool:
    """True when ``year`` is None or falls between two ISO dates (an open end runs on)."""
    if year is None:
        return True
    return (year_of(start) or 0) <= year <= (year_of(end) or 9999)


def unique_keys(found: list[Aggregate]) -> list[Aggregate]:
    """Number repeated keys (two ratings of one competence on one day) in content order."""
    groups: dict[tuple[Kind, str], list[Aggregate]] = defaultdict(list)
    for aggregate in found:
        groups[(aggregate.kind, aggregate.key)].append(aggregate)
    ordinals: dict[int, int] = {}
    for group in groups.values():
        if len(group) > 1:
            for ordinal, member in enumerate(sorted(group, key=lambda a: a.digest), start=1):
                ordinals[id(member)] = ordinal
    result = []
    for aggregate in found:
        ordinal = ordinals.get(id(aggregate), 0)
        if not ordinal:
            result.append(aggregate)
            continue
        key = [*json.loads(aggregate.key), ordinal]
        result.append(
            Aggregate(
                aggregate.kind,
                canonical_json(key).decode(),
                f"{aggregate.label} (#{ordinal})",
                aggregate.content,
                aggregate.digest,
                aggregate.row_id,
            )
        )
    return result
