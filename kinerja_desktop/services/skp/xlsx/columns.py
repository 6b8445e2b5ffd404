"""The layout of an SKP workbook: its sheets, their columns, and the spellings read on import.

The headings and accepted spellings are documented in docs/skp-xlsx-format.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.skp import Aspek, LampiranKind, Perspektif, RhkKind, SkpLayout
from kinerja_desktop.services.platform.tabular import header_key

SHEET_SKP = "SKP"
SHEET_LAMPIRAN = "Lampiran"
SHEET_EKSPEKTASI = "Ekspektasi"
#: The sheets, each with the header keys of the names it is recognised by on import.
SHEET_NAMES = {
    SHEET_SKP: ("skp", "sasarankinerjapegawai"),
    SHEET_LAMPIRAN: ("lampiran", "lampiranskp"),
    SHEET_EKSPEKTASI: ("ekspektasi", "ekspektasikhususpimpinan", "perilakukerja"),
}
#: The optional sheet of rencana aksi and period targets (issue 17), and its accepted names.
SHEET_RENCANA_AKSI = "Rencana Aksi"
RENCANA_AKSI_SHEET_NAMES = ("rencanaaksi", "rencanaaksidantargetperiode", "targetperiode")
#: Whole numbers up to this size are exact in a spreadsheet; larger targets are written as text.
EXACT_INTEGER = 10**15

_E = TypeVar("_E")


# --- the layout ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetColumn:
    """One column of a sheet.

    Attributes:
        key: The internal name of the column.
        heading: The heading as exported and documented.
        aliases: Header keys (:func:`header_key`) accepted for it on import.
        required: An import file without it is refused.
        width: The exported column width, in characters.
    """

    key: str
    heading: str
    aliases: tuple[str, ...]
    required: bool = True
    width: float = 14


NO = SheetColumn("no", "No", ("no", "nomor", "nourut"), required=False, width=6)
JENIS = SheetColumn("jenis", "Jenis", ("jenis", "jenisrhk"), width=11)
PARENT = SheetColumn(
    "parent",
    "RHK Atasan yang Diintervensi",
    (
        "rhkatasanyangdiintervensi",
        "rhkatasan",
        "rhkpimpinanyangdiintervensi",
        "rencanahasilkerjaatasanyangdiintervensi",
        "rencanahasilkerjapimpinanyangdiintervensi",
        "rencanahasilkerjapimpinanatasanyangdiintervensi",
    ),
    width=42,
)
RHK = SheetColumn("rhk", "Rencana Hasil Kerja", ("rencanahasilkerja", "rhk"), width=42)
ASPEK = SheetColumn("aspek", "Aspek", ("aspek", "aspekperspektif"), width=12)
PERSPEKTIF = SheetColumn("perspektif", "Perspektif", ("perspektif", "aspekperspektif"), width=19)
IKI = SheetColumn(
    "iki",
    "Indikator Kinerja Individu",
    ("indikatorkinerjaindividu", "iki", "indikator", "indikatorkinerja"),
    width=42,
)
TARGET = SheetColumn("target", "Target", ("target", "targetangka"), width=10)
SATUAN = SheetColumn("satuan", "Satuan", ("satuan", "satuantarget"), width=13)
NARATIF = SheetColumn(
    "naratif",
    "Target Naratif",
    ("targetnaratif", "targetkualitatif"),
    required=False,
    width=30,
)
LOWER = SheetColumn(
    "lower",
    "Makin Kecil Makin Baik",
    ("makinkecilmakinbaik", "semakinkecilsemakinbaik"),
    required=False,
    width=12,
)

LAMPIRAN_COLUMNS = (
    SheetColumn("jenis", "Jenis", ("jenis", "jenislampiran"), width=28),
    SheetColumn("uraian", "Uraian", ("uraian", "isi"), width=90),
)
EKSPEKTASI_COLUMNS = (
    SheetColumn("nilai", "Nilai BerAKHLAK", ("nilaiberakhlak", "nilai", "nilaidasar"), width=26),
    SheetColumn(
        "ekspektasi",
        "Ekspektasi Khusus Pimpinan",
        ("ekspektasikhususpimpinan", "ekspektasikhusus", "ekspektasi"),
        width=90,
    ),
)

#: The "Rencana Aksi" sheet: one row per RHK, period and indicator (docs/skp-xlsx-format.md).
PLAN_RHK_NO = SheetColumn("rhk_no", "No RHK", ("norhk", "nomorrhk", "rhkno", "rhkke"), width=8)
PLAN_RHK = SheetColumn(
    "rhk", "Rencana Hasil Kerja", ("rencanahasilkerja", "rhk"), required=False, width=36
)
PLAN_PERIOD = SheetColumn("periode", "Periode", ("periode", "kodeperiode"), width=13)
PLAN_ACTION = SheetColumn("rencana_aksi", "Rencana Aksi", ("rencanaaksi",), width=48)
PLAN_IKI_NO = SheetColumn(
    "iki_no", "No Indikator", ("noindikator", "nomorindikator", "noiki", "indikatorke"), width=10
)
PLAN_IKI = SheetColumn(
    "iki",
    "Indikator Kinerja Individu",
    ("indikatorkinerjaindividu", "iki", "indikator"),
    required=False,
    width=36,
)
PLAN_TARGET = SheetColumn("target", "Target Periode", ("targetperiode", "target"), width=11)
PLAN_UNIT = SheetColumn("satuan", "Satuan", ("satuan",), required=False, width=12)
PLAN_SCALE = SheetColumn("skala", "Skala", ("skala", "skalatarget"), required=False, width=13)
PLAN_COLUMNS = (
    PLAN_RHK_NO,
    PLAN_RHK,
    PLAN_PERIOD,
    PLAN_ACTION,
    PLAN_IKI_NO,
    PLAN_IKI,
    PLAN_TARGET,
    PLAN_UNIT,
    PLAN_SCALE,
)


def skp_columns(layout: SkpLayout) -> tuple[SheetColumn, ...]:
    """Return the columns of the "SKP" sheet, left to right, for a layout."""
    choice = PERSPEKTIF if layout is SkpLayout.JPT else ASPEK
    return (NO, JENIS, PARENT, RHK, choice, IKI, TARGET, SATUAN, NARATIF, LOWER)


# --- spellings -----------------------------------------------------------------------------------


# Spellings, by header key (letters and digits only, lower case).
JENIS_VALUES = {
    "utama": RhkKind.UTAMA,
    "autama": RhkKind.UTAMA,
    "rhkutama": RhkKind.UTAMA,
    "a": RhkKind.UTAMA,
    "tambahan": RhkKind.TAMBAHAN,
    "btambahan": RhkKind.TAMBAHAN,
    "rhktambahan": RhkKind.TAMBAHAN,
    "b": RhkKind.TAMBAHAN,
}
ASPEK_VALUES = {header_key(aspek.label): aspek for aspek in Aspek}
PERSPEKTIF_VALUES = {header_key(item.label): item for item in Perspektif}
YES_NO = {
    "ya": True,
    "y": True,
    "true": True,
    "benar": True,
    "1": True,
    "": False,
    "tidak": False,
    "t": False,
    "false": False,
    "salah": False,
    "0": False,
}
LAMPIRAN_VALUES = {header_key(kind.label): kind for kind in LampiranKind}
VALUE_NAMES = {header_key(value.label): value for value in BehaviourValue}
#: How each kind of RHK is written in the "Jenis" column on export.
KIND_WORD = {RhkKind.UTAMA: "Utama", RhkKind.TAMBAHAN: "Tambahan"}


def lookup(text: str, choices: Mapping[str, _E]) -> _E | None:
    """Find a spelling by its letters and digits in lower case; a leading "1." is ignored."""
    key = header_key(text)
    if key in choices:
        return choices[key]
    stripped = key.lstrip("0123456789")
    return choices.get(stripped) if stripped else None


def _listed(items: Iterable[str]) -> str:
    names = list(items)
    return f"{', '.join(names[:-1])} atau {names[-1]}" if len(names) > 1 else "".join(names)


def labels(items: Iterable[Enum]) -> str:
    return _listed(str(getattr(item, "label", item.value)) for item in items)
