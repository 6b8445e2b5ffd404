"""Showing the SKP editor's model in a tree: cell editors, row numbers, spans and widths."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from kinerja_desktop.domain.skp import Aspek, Perspektif
from kinerja_desktop.ui.skp.columns import COLUMN_WIDTHS, Col
from kinerja_desktop.ui.skp.editor_model import SkpEditorModel
from kinerja_desktop.ui.skp.roles import Index, NumberRole


class SkpItemDelegate(QStyledItemDelegate):
    """Cell editors: lists for aspek/perspektif and the supervisor's RHK, text for the rest.

    It also paints each row's number in the "No" column (see `NumberRole`).
    """

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if (
            isinstance(model, SkpEditorModel)
            and model.column_key(index.column()) is Col.NO
            and model.row_kind(index) != "group"
        ):
            option.text = str(model.data(index, NumberRole) or "")

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        if not isinstance(model, SkpEditorModel):
            return super().createEditor(parent, option, index)
        col = model.column_key(index.column())
        choices: list[tuple[str, Any]] = []
        if col is Col.ASPEK:
            choices = [(item.label, item.value) for item in Aspek]
        elif col is Col.PERSPEKTIF:
            choices = [(item.label, item.value) for item in Perspektif]
        elif col is Col.PARENT and model.parent_options():
            choices = [(option.text, option.id) for option in model.parent_options()]
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem("— belum dipilih —", "")
        for text, value in choices:
            combo.addItem(text, value)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setCurrentIndex(max(editor.findData(value), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def fit_tree(tree: QTreeView, model: SkpEditorModel) -> None:
    """Show every row (groups as full-width headings, RHK expanded) after the model changed."""
    for row in range(model.rowCount()):
        tree.setFirstColumnSpanned(row, QModelIndex(), True)
    tree.expandAll()


def size_columns(tree: QTreeView, model: SkpEditorModel) -> None:
    header = tree.header()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, key in enumerate(model.columns):
        tree.setColumnWidth(column, COLUMN_WIDTHS[key])
