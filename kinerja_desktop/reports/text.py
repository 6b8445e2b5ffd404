"""User text made safe for reportlab's paragraph markup, and printed exactly as typed."""

from __future__ import annotations

import unicodedata

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def esc(text: str) -> str:
    """Return ``text`` NFC-normalised and escaped for a ``Paragraph``; line breaks kept.

    reportlab reads ``<b>`` or ``&`` in a paragraph as markup, so a name like
    "A & B <b>" would print wrong or fail; every piece of user text goes through here.
    """
    normal = unicodedata.normalize("NFC", text)
    lines = normal.translate(_ESCAPES).replace("\r\n", "\n").split("\n")
    return "<br/>".join(lines)


def normal(text: str) -> str:
    """NFC form of ``text``, for strings drawn directly on the canvas (no markup)."""
    return unicodedata.normalize("NFC", text)
