"""What a behaviour journal entry (catatan perilaku) must hold, checked before it is stored.

The journal service checks what the user typed with :func:`check_observation`; a hand-over
package's observations go through the same function, so an entry another installation made is
held to the rules of one typed here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TypeVar

from kinerja_desktop.domain.behaviour import (
    INDICATORS_PER_VALUE,
    ObservationSign,
    ObservationSource,
)
from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.dates import format_date_id
from kinerja_desktop.domain.errors import ValidationError, ValidationErrors
from kinerja_desktop.domain.text import checked_text, clean_text

#: The longest "what happened" and evidence note, in characters.
TEXT_MAX = 2000
LINK_MAX = 500
_WEB_LINK = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
_FILE_LOCATION = re.compile(r"(?:[A-Za-z]:[\\/]|\\\\[^\\\s]+\\|/|~/|file:///?)\S", re.IGNORECASE)

_E = TypeVar("_E", BehaviourValue, ObservationSign, ObservationSource)


def _parse(
    kind: type[_E], raw: _E | str, field: str, message: str, errors: list[ValidationError]
) -> _E | None:
    try:
        return kind(raw)
    except ValueError:
        errors.append(ValidationError(message, field=field))
        return None


def check_observation(
    observed_on: date,
    *,
    value: BehaviourValue | str,
    sign: ObservationSign | str,
    text: str,
    indicator: int | None,
    source: ObservationSource | str,
    evidence_note: str,
    evidence_link: str,
    today: date,
) -> tuple[BehaviourValue, ObservationSign, ObservationSource, str, str]:
    """Check every input at once; return value, sign, source, clean text, evidence text.

    Raises:
        ValidationErrors: one message per field that is not acceptable.
    """
    errors: list[ValidationError] = []
    if observed_on > today:
        errors.append(
            ValidationError(
                f"Tanggal {format_date_id(observed_on)} belum terjadi; catatan perilaku "
                f"dicatat untuk hari ini ({format_date_id(today)}) atau sebelumnya.",
                field="observed_on",
            )
        )
    parsed_value = _parse(
        BehaviourValue, value, "value", "Pilih salah satu dari tujuh nilai BerAKHLAK.", errors
    )
    parsed_sign = _parse(
        ObservationSign, sign, "sign", "Pilih sifat catatan: positif, negatif, atau netral.", errors
    )
    parsed_source = _parse(
        ObservationSource,
        source,
        "source",
        "Pilih sumber catatan: pengamatan langsung, masyarakat, temuan audit, atau rekan kerja.",
        errors,
    )
    if indicator is not None and not 1 <= indicator <= INDICATORS_PER_VALUE:
        errors.append(
            ValidationError(
                f"Nomor panduan perilaku harus 1 sampai {INDICATORS_PER_VALUE}, atau kosongkan "
                "bila catatan tentang nilainya secara umum.",
                field="indicator",
            )
        )
    clean = checked_text(
        text,
        field="text",
        label="Uraian",
        max_length=TEXT_MAX,
        hint="tuliskan apa yang terjadi, mis. siapa yang dilayani dan bagaimana sikapnya.",
        errors=errors,
    )
    evidence = evidence_text(evidence_note, evidence_link, errors)
    if errors or parsed_value is None or parsed_sign is None or parsed_source is None:
        raise ValidationErrors(errors)
    return parsed_value, parsed_sign, parsed_source, clean, evidence


def evidence_text(note: str, link: str, errors: list[ValidationError]) -> str:
    note_text = clean_text(note)
    link_text = link.strip()
    if note_text and link_text:
        errors.append(
            ValidationError(
                "Isi catatan bukti atau tautan, salah satu saja; berkas boleh ditambahkan.",
                field="evidence_link",
            )
        )
        return ""
    if note_text:
        try:
            checked_text(
                note_text, field="evidence_note", label="Catatan bukti", max_length=TEXT_MAX
            )
        except ValidationError as error:
            errors.append(error)
        else:
            if is_link(note_text):
                # Stored in one column, a note that looks like a link would read back as a link.
                errors.append(
                    ValidationError(
                        "Catatan bukti ini berupa alamat; isikan di kolom tautan.",
                        field="evidence_note",
                    )
                )
        return note_text
    if link_text:
        if not is_link(link_text) or len(link_text) > LINK_MAX:
            errors.append(
                ValidationError(
                    "Tautan harus berupa alamat web (diawali http:// atau https://) atau lokasi "
                    f"berkas, mis. D:\\Bukti\\laporan.pdf; yang diisi '{link_text[:80]}'.",
                    field="evidence_link",
                )
            )
        return link_text
    return ""


def is_link(text: str) -> bool:
    return bool(_WEB_LINK.fullmatch(text) or _FILE_LOCATION.match(text))
