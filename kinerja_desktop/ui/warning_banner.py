"""A banner above the window's content for what the user must know about the file.

Read-only, on a network share or removable drive, a failed automatic backup: the app still
works, so these are told, not asked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

BANNER_STYLE = (
    "QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e0c36c;"
    " border-radius: 3px; padding: 6px 10px; }"
)


#: The object name of the widget holding the banners above the content.
HOLDER = "warnings_holder"


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
    holder.setObjectName(HOLDER)
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(6, 6, 6, 0)
    for text in warnings:
        layout.addWidget(warning_label(text))
    layout.addWidget(content, 1)
    return holder


def add_warning(window: QMainWindow, text: str) -> None:
    """Add a banner above ``window``'s content after it is shown (a failed background backup)."""
    holder = window.centralWidget()
    if holder is None or holder.objectName() != HOLDER:
        content = window.takeCentralWidget()
        holder = with_warnings(content, (text,)) if content is not None else warning_label(text)
        window.setCentralWidget(holder)
        return
    layout = holder.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.count() - 1, warning_label(text))  # the content stays last
