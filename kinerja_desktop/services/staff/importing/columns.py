"""The columns of a staff list file, and the clean-up every cell gets before it is checked."""

from __future__ import annotations

from kinerja_desktop.domain.text import clean_text
from kinerja_desktop.services.platform.tabular import header_key

#: Columns every file must have: (header key, name as documented).
REQUIRED_COLUMNS: tuple[tuple[str, str], ...] = (
    ("nip", "NIP"),
    ("nama", "Nama"),
    ("status", "Status"),
    ("golongan", "Golongan"),
    ("jabatan", "Jabatan"),
    ("jenisjabatan", "Jenis Jabatan"),
    ("unitkerja", "Unit Kerja"),
)
#: Columns a file may have; when one is missing, existing records keep that value.
OPTIONAL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("gelardepan", "Gelar Depan"),
    ("gelarbelakang", "Gelar Belakang"),
    ("nippenilai", "NIP Penilai"),
)

NIP, NAMA, STATUS, GOLONGAN, JABATAN, JENIS, UNIT = (key for key, _ in REQUIRED_COLUMNS)
GELAR_DEPAN, GELAR_BELAKANG, PENILAI = (key for key, _ in OPTIONAL_COLUMNS)
#: Every column's name as documented, by header key.
DOCUMENTED = dict(REQUIRED_COLUMNS + OPTIONAL_COLUMNS)
#: Field names used by the staff validation, mapped to the column that holds them.
FIELD_COLUMN = {
    "nip": NIP,
    "name": NAMA,
    "gelar_depan": GELAR_DEPAN,
    "gelar_belakang": GELAR_BELAKANG,
    "status": STATUS,
    "golongan": GOLONGAN,
    "jabatan": JABATAN,
    "jabatan_kind": JENIS,
    "jenis_jabatan": JENIS,
}

assert all(header_key(name) == key for key, name in DOCUMENTED.items())


def clean(text: str) -> str:
    """Return ``clean_text(text)``, skipping the work for text that is already plain ASCII."""
    if text.isascii() and text.isprintable() and "  " not in text and text == text.strip():
        return text
    return clean_text(text)
