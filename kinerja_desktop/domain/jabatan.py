"""Jenis jabatan (kind of position) and jenjang (level) of JPT and jabatan fungsional."""

from __future__ import annotations

import functools
import re
from enum import StrEnum

from kinerja_desktop.domain.errors import ValidationError

_FIELD = "jenis_jabatan"


class JabatanKind(StrEnum):
    JPT = "JPT"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    PELAKSANA = "PELAKSANA"
    FUNGSIONAL = "FUNGSIONAL"

    @property
    def label(self) -> str:
        """Indonesian label: "JPT", "Administrator", "Pengawas", "Pelaksana", "Fungsional"."""
        return "JPT" if self is JabatanKind.JPT else self.value.capitalize()


class Jenjang(StrEnum):
    """Level of a JPT or of a jabatan fungsional; members of each group go lowest first."""

    # JPT (Jabatan Pimpinan Tinggi)
    PRATAMA = "PRATAMA"
    MADYA = "MADYA"
    UTAMA = "UTAMA"
    # Jabatan fungsional keterampilan
    PEMULA = "PEMULA"
    TERAMPIL = "TERAMPIL"
    MAHIR = "MAHIR"
    PENYELIA = "PENYELIA"
    # Jabatan fungsional keahlian
    AHLI_PERTAMA = "AHLI_PERTAMA"
    AHLI_MUDA = "AHLI_MUDA"
    AHLI_MADYA = "AHLI_MADYA"
    AHLI_UTAMA = "AHLI_UTAMA"

    @property
    def label(self) -> str:
        """Indonesian label, e.g. "Pratama", "Terampil", "Ahli Pertama"."""
        return self.value.replace("_", " ").title()

    @property
    def kind(self) -> JabatanKind:
        """The jenis jabatan this jenjang belongs to (JPT or FUNGSIONAL)."""
        return JabatanKind.JPT if self in _JPT_JENJANG else JabatanKind.FUNGSIONAL

    @property
    def category(self) -> str | None:
        """Return "Keterampilan" or "Keahlian" for jabatan fungsional; None for JPT."""
        if self in _KETERAMPILAN:
            return "Keterampilan"
        return "Keahlian" if self in _KEAHLIAN else None


_JPT_JENJANG = (Jenjang.PRATAMA, Jenjang.MADYA, Jenjang.UTAMA)
_KETERAMPILAN = (Jenjang.PEMULA, Jenjang.TERAMPIL, Jenjang.MAHIR, Jenjang.PENYELIA)
_KEAHLIAN = (Jenjang.AHLI_PERTAMA, Jenjang.AHLI_MUDA, Jenjang.AHLI_MADYA, Jenjang.AHLI_UTAMA)

# Ways people write each kind, in upper case after dropping "Jabatan"/"Pejabat" in front.
# "Jabatan Fungsional Umum" (JFU) is the old name of pelaksana; "Fungsional Tertentu" (JFT) of
# fungsional.
_ALIASES: dict[str, JabatanKind] = {
    "JPT": JabatanKind.JPT,
    "PIMPINAN TINGGI": JabatanKind.JPT,
    "ADMINISTRATOR": JabatanKind.ADMINISTRATOR,
    "PENGAWAS": JabatanKind.PENGAWAS,
    "PELAKSANA": JabatanKind.PELAKSANA,
    "JFU": JabatanKind.PELAKSANA,
    "FUNGSIONAL UMUM": JabatanKind.PELAKSANA,
    "FUNGSIONAL": JabatanKind.FUNGSIONAL,
    "FUNGSIONAL TERTENTU": JabatanKind.FUNGSIONAL,
    "JF": JabatanKind.FUNGSIONAL,
    "JFT": JabatanKind.FUNGSIONAL,
}
# Words that may follow a kind: "JPT Pratama", "JF Ahli Muda", "Fungsional Keahlian".
_SUFFIXES: dict[JabatanKind, frozenset[str]] = {
    JabatanKind.JPT: frozenset(j.label.upper() for j in _JPT_JENJANG),
    JabatanKind.FUNGSIONAL: frozenset(
        [j.label.upper() for j in (*_KETERAMPILAN, *_KEAHLIAN)] + ["KETERAMPILAN", "KEAHLIAN"]
    ),
}


def jenjang_choices(kind: JabatanKind) -> list[Jenjang]:
    """Return the jenjang that fit a kind, lowest first (keterampilan before keahlian).

    Administrator, Pengawas and Pelaksana have none.
    """
    if kind is JabatanKind.JPT:
        return list(_JPT_JENJANG)
    if kind is JabatanKind.FUNGSIONAL:
        return [*_KETERAMPILAN, *_KEAHLIAN]
    return []


# Remembered: a staff list repeats the same few values over thousands of rows.
@functools.lru_cache(maxsize=4096)
def parse_jabatan_kind(text: str) -> JabatanKind:
    """Read a jenis jabatan, ignoring case, dots, hyphens and extra spaces.

    Accepts the labels and common forms such as "Jabatan Fungsional", "JF", "JFT",
    "Pejabat Pengawas", "JPT Pratama", "Jabatan Pimpinan Tinggi Madya", "JF Ahli Muda" and the
    old "Jabatan Fungsional Umum"/"JFU" (meaning Pelaksana).

    Raises:
        ValidationError: With field "jenis_jabatan", listing the allowed values.
    """
    initials_joined = re.sub(r"\b([A-Za-z])\.", r"\1", text)  # "J.F." -> "JF"
    words = re.sub(r"[.\-_/]", " ", initials_joined).upper().split()
    if words and words[0] in ("JABATAN", "PEJABAT"):
        words = words[1:]
    phrase = " ".join(words)
    for alias in sorted(_ALIASES, key=len, reverse=True):
        if phrase == alias or phrase.startswith(alias + " "):
            kind = _ALIASES[alias]
            rest = phrase[len(alias) :].strip()
            if not rest or rest in _SUFFIXES.get(kind, frozenset()):
                return kind
    allowed = ", ".join(kind.label for kind in JabatanKind)
    if not phrase:
        raise ValidationError(
            f"Jenis jabatan belum diisi. Pilih salah satu: {allowed}.", field=_FIELD
        )
    raise ValidationError(
        f"Jenis jabatan '{' '.join(text.split())}' tidak dikenal. Pilih salah satu: {allowed}.",
        field=_FIELD,
    )


def infer_jenjang(kind: JabatanKind, jabatan_name: str) -> Jenjang | None:
    """Guess the jenjang from the name of a position, matching whole words.

    For fungsional: "Ahli Pertama/Muda/Madya/Utama" or "Pemula/Terampil/Mahir/Penyelia"
    ("Perawat Ahli Muda" -> AHLI_MUDA). For JPT: "Pratama/Madya/Utama", except when it follows
    "Ahli" ("Ahli Madya" never means JPT Madya). When several match, the last one wins, since
    the jenjang ends the name. Other kinds, and names without a jenjang, give None.
    """
    if kind not in (JabatanKind.JPT, JabatanKind.FUNGSIONAL):
        return None
    words = re.findall(r"[A-Z]+", jabatan_name.upper())
    found: Jenjang | None = None
    index = 0
    while index < len(words):
        word = words[index]
        pair = f"AHLI_{words[index + 1]}" if index + 1 < len(words) else ""
        if word == "AHLI" and pair in Jenjang.__members__:
            if kind is JabatanKind.FUNGSIONAL:
                found = Jenjang[pair]
            index += 2
            continue
        if word in Jenjang.__members__ and Jenjang[word].kind is kind:
            found = Jenjang[word]
        index += 1
    return found
