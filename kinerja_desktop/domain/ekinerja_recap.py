"""Reading e-Kinerja's admin recap workbook: who has which predikat there (reference §11, [L]).

The recap starts with title rows ("Rekap ...", "Instansi ..."), then a header row somewhere in
the first 20 rows with lower-case headings such as ``nip, nama, is_plt_plh, periode_akhir,
skp_status, hasil_akhir``. Its heading names, the words ``hasil_akhir`` uses and the values
``is_plt_plh`` takes for "yes" are data (``reference/ekinerja_progress.json``, "recap"), since
only one source describes them.

The parser is pure: it gets the sheet's rows as the values a workbook holds (text, numbers,
dates, booleans, None) and returns records and every bad line (line, column, reason). Rules:

- A NIP is text. A NIP stored as a whole number keeps its digits and is read as text; a NIP
  stored as a decimal number (1.98501012010011e+17, what Excel keeps of an 18-digit number)
  has lost its last digits, so its line is refused rather than guessed.
- A Plt/Plh row is set aside: it is the person's acting post, not their own appraisal.
- A person listed twice (moved during the year) counts once: the row with the latest
  ``periode_akhir``; the others are kept as superseded. Two rows with the same latest
  ``periode_akhir`` and different results cannot be told apart: both lines are reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from kinerja_desktop.domain.dates import parse_date_id
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.file_issues import LineIssue
from kinerja_desktop.domain.nip import Nip
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.reference_data import load

#: Fields of a recap row, as named in the data file.
NIP, NAMA, PLT_PLH, PERIODE_AKHIR, SKP_STATUS, HASIL_AKHIR = (
    "nip",
    "nama",
    "is_plt_plh",
    "periode_akhir",
    "skp_status",
    "hasil_akhir",
)
_ISO_MOMENT = re.compile(r"(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?")


#: One bad line of the file (line, column, reason).
RecapIssue = LineIssue


@dataclass(frozen=True)
class RecapRecord:
    """One person's row of the recap.

    Attributes:
        line: The row number the spreadsheet shows.
        predikat: The app's predikat for ``hasil_akhir``; None when e-Kinerja has none yet.
        result_text: ``hasil_akhir`` as written.
        period_end: ``periode_akhir``; None when the file has no such column or cell.
        acting: True for a Plt/Plh row.
    """

    line: int
    nip: str
    name: str
    predikat: Predikat | None
    result_text: str
    period_end: date | None
    skp_status: str
    acting: bool = False


@dataclass(frozen=True)
class RecapSheet:
    """What a recap holds.

    Attributes:
        header_line: The row number of the header row; None when none was found.
        records: One per person (the latest ``periode_akhir`` of each NIP), in file order.
        acting: Plt/Plh rows, set aside.
        superseded: Earlier rows of people listed more than once.
        issues: Bad lines, by line.
    """

    header_line: int | None
    records: tuple[RecapRecord, ...]
    acting: tuple[RecapRecord, ...]
    superseded: tuple[RecapRecord, ...]
    issues: tuple[RecapIssue, ...]

    @property
    def year(self) -> int | None:
        """The year most ``periode_akhir`` fall in (the recap's year), None without any."""
        years: dict[int, int] = {}
        for record in self.records:
            if record.period_end is not None:
                years[record.period_end.year] = years.get(record.period_end.year, 0) + 1
        return max(years, key=lambda year: (years[year], year)) if years else None


def heading_key(text: str) -> str:
    """A heading's lookup key: letters and digits, in lower case ("IS_PLT_PLH" -> "ispltplh").

    The same rule as the import reader's ``tabular.header_key``, which the domain may not
    import.
    """
    normalised = unicodedata.normalize("NFKC", text).casefold()
    return "".join(char for char in normalised if char.isalnum())


@cache
def _rules() -> Mapping[str, Any]:
    return dict(load("ekinerja_progress")["recap"])


@cache
def _columns() -> dict[str, str]:
    """Field name by heading key, every spelling the data file accepts."""
    return {
        heading_key(heading): field
        for field, headings in _rules()["columns"].items()
        for heading in headings
    }


def _words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@cache
def _predikat_words() -> dict[str, Predikat]:
    return {_words(word): Predikat(code) for word, code in _rules()["predikat"].items()}


def parse_recap(rows: Iterable[tuple[int, Sequence[object]]]) -> RecapSheet:
    """Read a recap sheet given as (line, cell values) rows.

    Args:
        rows: The sheet's rows in order, each with the line number a spreadsheet shows.

    Returns:
        The records and every bad line; a sheet without a header row in the first rows (the
        count is data) has one issue of the whole file and no records.
    """
    within = int(_rules()["header_within_rows"])
    header: dict[int, tuple[str, str]] | None = None  # position -> (field, heading as written)
    header_line: int | None = None
    found: list[RecapRecord] = []
    issues: list[RecapIssue] = []
    for line, values in rows:
        if header is None:
            if line > within:
                break
            header = _header(values)
            if header is not None:
                header_line = line
            continue
        if all(_blank(value) for value in values):
            continue
        record = _record(line, values, header, issues)
        if record is not None:
            found.append(record)
    if header is None:
        required = ", ".join(_rules()["required"])
        return RecapSheet(
            None,
            (),
            (),
            (),
            (
                RecapIssue(
                    None,
                    None,
                    f"Baris judul kolom rekap e-Kinerja (dengan kolom {required}) tidak "
                    f"ditemukan di {within} baris pertama. Pastikan berkas adalah rekap yang "
                    "diunduh dari e-Kinerja.",
                ),
            ),
        )
    acting = tuple(record for record in found if record.acting)
    records, superseded = _latest([record for record in found if not record.acting], header, issues)
    return RecapSheet(
        header_line,
        tuple(records),
        acting,
        tuple(superseded),
        tuple(sorted(issues, key=lambda issue: issue.line or 0)),
    )


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header(values: Sequence[object]) -> dict[int, tuple[str, str]] | None:
    """The columns of a header row, or None when the row is not the header."""
    columns = _columns()
    mapped: dict[int, tuple[str, str]] = {}
    for position, value in enumerate(values):
        if not isinstance(value, str):
            continue
        field = columns.get(heading_key(value))
        if field is not None and field not in {name for name, _ in mapped.values()}:
            mapped[position] = (field, " ".join(value.split()))
    fields = {name for name, _ in mapped.values()}
    return mapped if set(_rules()["required"]) <= fields else None


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _record(
    line: int,
    values: Sequence[object],
    header: Mapping[int, tuple[str, str]],
    issues: list[RecapIssue],
) -> RecapRecord | None:
    cells: dict[str, object] = {}
    headings: dict[str, str] = {}
    for position, (field, heading) in header.items():
        cells[field] = values[position] if position < len(values) else None
        headings[field] = heading
    before = len(issues)

    def bad(field: str, message: str) -> None:
        issues.append(RecapIssue(line, headings[field], message))

    nip = _nip(cells[NIP], lambda message: bad(NIP, message))
    acting = PLT_PLH in cells and _is_yes(cells[PLT_PLH])
    period_end = None
    if PERIODE_AKHIR in cells and not _blank(cells[PERIODE_AKHIR]):
        period_end = _date(cells[PERIODE_AKHIR], lambda message: bad(PERIODE_AKHIR, message))
    result_text = _text(cells[HASIL_AKHIR])
    predikat = None
    if not acting and _words(result_text) not in {_words(w) for w in _rules()["not_rated"]}:
        predikat = _predikat_words().get(_words(result_text))
        if predikat is None:
            bad(
                HASIL_AKHIR,
                f"hasil akhir '{result_text}' tidak dikenali sebagai predikat; yang dikenal: "
                + ", ".join(p.label for p in Predikat)
                + " (atau kosong bila belum dinilai).",
            )
    if len(issues) > before or nip is None:
        return None
    return RecapRecord(
        line=line,
        nip=nip,
        name=_text(cells.get(NAMA)),
        predikat=predikat,
        result_text=result_text,
        period_end=period_end,
        skp_status=_text(cells.get(SKP_STATUS)),
        acting=acting,
    )


def _nip(value: object, bad: Any) -> str | None:
    if _blank(value):
        bad("NIP kosong; setiap baris rekap perlu NIP pegawai.")
        return None
    if isinstance(value, bool):
        bad(f"NIP '{value}' bukan NIP.")
        return None
    if isinstance(value, float):
        # Excel keeps 15 significant digits: an 18-digit NIP stored as a number has lost its
        # last three, so no guess can tell whose it is.
        bad(
            f"NIP tersimpan sebagai angka ({value:.15g}), sehingga digit terakhirnya hilang. "
            "Ubah kolom nip menjadi Teks di spreadsheet dan isi ulang NIP-nya, atau unduh "
            "ulang rekap dari e-Kinerja."
        )
        return None
    try:
        return Nip.parse(str(value)).digits
    except ValidationError as error:
        bad(error.message)
        return None


def _is_yes(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return _words(_text(value)) in {_words(word) for word in _rules()["plt_plh_true"]}


def _date(value: object, bad: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    moment = _ISO_MOMENT.fullmatch(text)
    try:
        return parse_date_id(moment[1] if moment else text)
    except ValidationError as error:
        bad(f"periode akhir '{text}' bukan tanggal: {error.message}")
        return None


def _latest(
    records: list[RecapRecord],
    header: Mapping[int, tuple[str, str]],
    issues: list[RecapIssue],
) -> tuple[list[RecapRecord], list[RecapRecord]]:
    """One record per NIP, the latest ``periode_akhir``; the earlier ones as superseded."""
    by_nip: dict[str, list[RecapRecord]] = {}
    for record in records:
        by_nip.setdefault(record.nip, []).append(record)
    period_heading = next(
        (heading for field, heading in header.values() if field == PERIODE_AKHIR), PERIODE_AKHIR
    )
    kept: list[RecapRecord] = []
    superseded: list[RecapRecord] = []
    for rows in by_nip.values():
        if len(rows) == 1:
            kept.append(rows[0])
            continue
        ordered = sorted(rows, key=lambda r: (r.period_end or date.min, r.line))
        last = ordered[-1]
        ties = [r for r in ordered if r.period_end == last.period_end]
        if len(ties) > 1 and len({r.predikat for r in ties}) > 1:
            lines = ", ".join(str(r.line) for r in ties)
            for row in ties:
                issues.append(
                    RecapIssue(
                        row.line,
                        period_heading,
                        f"NIP {row.nip} tercantum di baris {lines} dengan periode akhir yang "
                        "sama tetapi hasil akhir berbeda; tidak jelas mana yang berlaku.",
                    )
                )
            continue
        kept.append(last)
        superseded.extend(r for r in ordered if r is not last)
    kept.sort(key=lambda r: r.line)
    superseded.sort(key=lambda r: r.line)
    return kept, superseded
