"""A banner above the window's content for what the user must know about the file.

Read-only, on a network share or removable drive, a failed automatic backup: the app still
works, so these are told, not asked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

BANNER_STYLE = (
    "QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e0c36c;"
    " border-radius: 3px; padding: 6px 10px; }"
)


def warning_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("warning_banner")
    label.setWordWrap(True)
    label.setStyleSheet(BANNER_STYLE)
    return label


def with_warnings(content: QWidget, warnings: tuple[str, ...]) -> QWidget:
    """Return ``content`` itself, or a holder with one banner per warning above it."""
    if not warnings:
        return content
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(6, 6, 6, 0)
    for text in warnings:
        layout.addWidget(warning_label(text))
    layout.addWidget(content, 1)
    return holder
