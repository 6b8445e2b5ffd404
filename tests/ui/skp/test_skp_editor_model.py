"""The SKP editor's model: structure, editing operations, per-cell checks, drafts with ids."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    Pendekatan,
    Perspektif,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
)
from kinerja_desktop.domain.skp_records import RhkOption
from kinerja_desktop.ui.skp.columns import Col, columns_for
from kinerja_desktop.ui.skp.editor_model import SkpEditorModel
from kinerja_desktop.ui.skp.operations import EditRefusedError
from kinerja_desktop.ui.skp.roles import ErrorRole, FieldRole, IdRole, NumberRole, RowKindRole

KUANTITATIF = Pendekatan.KUANTITATIF


def sample_draft() -> SkpDraft:
    """Two main results (ids 10, 20) with stored indicators, and one additional result."""
    return SkpDraft(
        pendekatan=KUANTITATIF,
        rhks=(
            RhkDraft(
                "Terlaksananya layanan administrasi kependudukan",
                parent_text="Meningkatnya kualitas pelayanan publik",
                id=10,
                indicators=(
                    IkiDraft("Jumlah dokumen", "120", "Dokumen", aspek=Aspek.KUANTITAS, id=101),
                    IkiDraft("Persentase dokumen benar", "100", "%", aspek=Aspek.KUALITAS, id=102),
                    IkiDraft("Waktu penyelesaian", "12", "Bulan", aspek=Aspek.WAKTU, id=103),
                ),
            ),
            RhkDraft(
                "Tersusunnya laporan kinerja",
                id=20,
                indicators=(IkiDraft("Jumlah laporan", "4", "Laporan", id=201),),
            ),
            RhkDraft("Terbinanya arsip", kind=RhkKind.TAMBAHAN, id=30),
        ),
    )


@pytest.fixture
def model(qapp) -> SkpEditorModel:
    editor = SkpEditorModel()
    editor.load(sample_draft(), SkpLayout.JA_JF)
    return editor


def col(model: SkpEditorModel, key: Col) -> int:
    column = model.column_of(key)
    assert column is not None
    return column


def rhk_index(model: SkpEditorModel, number: int, key: Col = Col.TEXT) -> QModelIndex:
    """The cell of RHK ``number`` (0-based, in the order of the draft)."""
    return model.index_of_field(f"rhk[{number}].{key.value}")


def iki_index(model: SkpEditorModel, rhk: int, iki: int, key: Col) -> QModelIndex:
    return model.index_of_field(f"rhk[{rhk}].iki[{iki}].{key.value}")


def texts(model: SkpEditorModel) -> list[tuple[str, list[str]]]:
    draft = model.to_draft()
    return [(rhk.text, [iki.indicator for iki in rhk.indicators]) for rhk in draft.rhks]


def test_model_passes_qt_model_tester_while_it_is_edited(model: SkpEditorModel, qtmodeltester):
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)  # Qt's own tester stays attached and checks every signal below
    first = rhk_index(model, 0)
    model.add_indicator(first)
    model.add_rhk(first)
    moved = model.move_row(rhk_index(model, 1), 1)
    model.move_row(moved, -1)
    model.indent(rhk_index(model, 1))
    model.outdent(iki_index(model, 0, 1, Col.INDICATOR))
    model.set_kind(rhk_index(model, 0), RhkKind.TAMBAHAN)
    model.paste(iki_index(model, 0, 0, Col.ASPEK), "Kualitas\tA\t1\t%\nWaktu\tB\t2\tBulan")
    model.setData(iki_index(model, 0, 0, Col.TARGET), "x")
    model.remove_row(rhk_index(model, 0))
    model.load(sample_draft(), SkpLayout.JPT)
    qtmodeltester.check(model, force_py=True)


def test_every_cell_answers_every_role(model: SkpEditorModel) -> None:
    roles = [*range(0, 14), ErrorRole, FieldRole, RowKindRole, IdRole, NumberRole]

    def visit(parent: QModelIndex) -> int:
        seen = 0
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in roles:
                    model.data(index, role)
                model.flags(index)
                seen += 1
            seen += visit(model.index(row, 0, parent))
        return seen

    assert visit(QModelIndex()) == 8 * (2 + 3 + 4)  # groups, RHK and indicators


def test_rows_are_grouped_utama_then_tambahan(model: SkpEditorModel) -> None:
    groups = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert groups == ["A. Utama", "B. Tambahan"]
    utama = model.index(0, 0)
    assert model.rowCount(utama) == 2
    assert model.rowCount(model.index(1, 0)) == 1
    first = model.index(0, 0, utama)
    assert model.data(first, RowKindRole) == "rhk"
    assert model.data(first, NumberRole) == "1"
    assert model.data(first) == ""  # painted by the delegate: it follows the row's position
    assert model.data(first.siblingAtColumn(col(model, Col.PARENT))) == (
        "Meningkatnya kualitas pelayanan publik"
    )
    indicator = model.index(1, col(model, Col.ASPEK), first)
    assert model.data(indicator) == "Kualitas"
    assert model.data(indicator.siblingAtColumn(0), NumberRole) == "1.2"
    assert model.data(indicator, FieldRole) == "rhk[0].iki[1].aspek"
    assert model.data(model.index(0, 0, model.index(1, 0)), NumberRole) == "3"  # across groups


def test_columns_follow_layout_and_approach(qapp) -> None:
    model = SkpEditorModel()
    model.load(sample_draft(), SkpLayout.JA_JF)
    shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert shown == [
        "No",
        "RHK Atasan yang Diintervensi",
        "Rencana Hasil Kerja",
        "Aspek",
        "Indikator Kinerja Individu",
        "Target",
        "Satuan",
        "Makin kecil makin baik",
    ]
    assert Col.PERSPEKTIF in columns_for(SkpLayout.JPT, KUANTITATIF)
    assert Col.ASPEK not in columns_for(SkpLayout.JPT, KUANTITATIF)
    qualitative = columns_for(SkpLayout.JA_JF, Pendekatan.KUALITATIF)
    assert Col.TARGET_TEXT in qualitative
    assert Col.TARGET not in qualitative
    assert Col.UNIT not in qualitative


def test_to_draft_keeps_ids_and_order(model: SkpEditorModel) -> None:
    assert model.to_draft() == sample_draft()
    model.setData(iki_index(model, 0, 0, Col.TARGET), "150")
    model.add_indicator(iki_index(model, 1, 0, Col.INDICATOR))
    draft = model.to_draft()
    assert [rhk.id for rhk in draft.rhks] == [10, 20, 30]
    assert [iki.id for iki in draft.rhks[0].indicators] == [101, 102, 103]
    assert draft.rhks[0].indicators[0].target == "150"
    assert [iki.id for iki in draft.rhks[1].indicators] == [201, None]
    assert [rhk.kind for rhk in draft.rhks] == [RhkKind.UTAMA, RhkKind.UTAMA, RhkKind.TAMBAHAN]
    assert model.data(rhk_index(model, 1), IdRole) == 20


def test_add_rhk_and_indicator_land_below_the_current_row(model: SkpEditorModel) -> None:
    new = model.add_rhk(rhk_index(model, 0))
    assert new.column() == col(model, Col.TEXT)
    assert model.data(new, FieldRole) == "rhk[1].text"
    model.setData(new, "RHK baru")
    below = model.add_indicator(new)
    assert model.data(below, FieldRole) == "rhk[1].iki[0].indicator"
    model.setData(below, "Indikator baru")
    inserted = model.add_indicator(iki_index(model, 0, 0, Col.TARGET))
    assert model.data(inserted, FieldRole) == "rhk[0].iki[1].indicator"
    tambahan = model.add_rhk(None, RhkKind.TAMBAHAN)
    assert model.data(tambahan, FieldRole) == "rhk[4].text"
    assert texts(model)[1] == ("RHK baru", ["Indikator baru"])
    assert texts(model)[0][1] == [
        "Jumlah dokumen",
        "",
        "Persentase dokumen benar",
        "Waktu penyelesaian",
    ]
    with pytest.raises(EditRefusedError):
        model.add_indicator(model.index(0, 0))  # a group heading has no indicators


def test_move_stays_within_its_group(model: SkpEditorModel) -> None:
    down = model.move_row(rhk_index(model, 0), 1)
    assert model.data(down, FieldRole) == "rhk[1].text"
    assert [rhk for rhk, _ in texts(model)][:2] == [
        "Tersusunnya laporan kinerja",
        "Terlaksananya layanan administrasi kependudukan",
    ]
    stuck = model.move_row(down, 1)  # the last main RHK does not cross into B. Tambahan
    assert model.data(stuck, FieldRole) == "rhk[1].text"
    assert model.to_draft().rhks[2].kind is RhkKind.TAMBAHAN
    up = model.move_row(iki_index(model, 1, 2, Col.INDICATOR), -1)
    assert model.data(up, FieldRole) == "rhk[1].iki[1].indicator"
    assert texts(model)[1][1] == [
        "Jumlah dokumen",
        "Waktu penyelesaian",
        "Persentase dokumen benar",
    ]


def test_indent_turns_an_empty_rhk_into_an_indicator_of_the_one_above(qapp) -> None:
    model = SkpEditorModel()
    model.load(
        SkpDraft(
            KUANTITATIF,
            rhks=(
                RhkDraft("Laporan tersusun", indicators=(IkiDraft("Jumlah laporan"),)),
                RhkDraft("Persentase laporan tepat waktu"),
                RhkDraft("Pelayanan prima"),
            ),
        ),
        SkpLayout.JA_JF,
    )
    index = model.indent(rhk_index(model, 1))
    assert model.data(index, FieldRole) == "rhk[0].iki[1].indicator"
    assert texts(model) == [
        ("Laporan tersusun", ["Jumlah laporan", "Persentase laporan tepat waktu"]),
        ("Pelayanan prima", []),
    ]
    with pytest.raises(EditRefusedError, match="sudah memiliki indikator"):
        model.indent(rhk_index(model, 0))
    with pytest.raises(EditRefusedError, match="Tidak ada RHK di atasnya"):
        model.add_rhk(None, RhkKind.TAMBAHAN)
        model.indent(rhk_index(model, 2))


def test_outdent_turns_an_indicator_into_its_own_rhk(model: SkpEditorModel) -> None:
    assert model.conversion_loses_values(iki_index(model, 0, 1, Col.INDICATOR))
    index = model.outdent(iki_index(model, 0, 1, Col.INDICATOR))
    assert model.data(index, FieldRole) == "rhk[1].text"
    assert texts(model)[:3] == [
        ("Terlaksananya layanan administrasi kependudukan", ["Jumlah dokumen"]),
        ("Persentase dokumen benar", ["Waktu penyelesaian"]),  # the rows below move along
        ("Tersusunnya laporan kinerja", ["Jumlah laporan"]),
    ]
    assert model.to_draft().rhks[1].indicators[0].id == 103
    with pytest.raises(EditRefusedError):
        model.outdent(rhk_index(model, 0))


def test_kind_moves_the_rhk_to_the_other_group(model: SkpEditorModel) -> None:
    index = model.toggle_kind(rhk_index(model, 0))
    draft = model.to_draft()
    assert [rhk.id for rhk in draft.rhks] == [20, 30, 10]
    assert draft.rhks[2].kind is RhkKind.TAMBAHAN
    assert model.data(index, FieldRole) == "rhk[2].text"
    assert len(draft.rhks[2].indicators) == 3


def test_delete_removes_rows_and_reports_text(model: SkpEditorModel) -> None:
    assert model.row_has_text(rhk_index(model, 2))
    empty = model.add_indicator(rhk_index(model, 2))
    assert not model.row_has_text(empty)
    model.remove_row(empty)
    model.remove_row(rhk_index(model, 0))
    assert [rhk.id for rhk in model.to_draft().rhks] == [20, 30]
    with pytest.raises(EditRefusedError):
        model.remove_row(model.index(0, 0))


def test_a_target_that_is_not_a_number_is_kept_and_marked(model: SkpEditorModel, qtbot) -> None:
    target = iki_index(model, 0, 1, Col.TARGET)
    with qtbot.waitSignal(model.errors_changed):
        assert model.setData(target, "seratus")
    assert model.data(target) == "seratus"  # nothing typed is lost
    message = model.data(target, ErrorRole)
    assert message == (
        "RHK 1, indikator 2: target harus angka, mis. 12 atau 12,5; yang diisi 'seratus'."
    )
    assert model.data(target, Qt.ItemDataRole.ToolTipRole) == message
    assert model.data(target, Qt.ItemDataRole.ForegroundRole) is not None
    assert model.errors() == [(target, message)]
    assert model.setData(target, "0") and "lebih dari 0" in model.data(target, ErrorRole)
    assert model.setData(target, "12,5")
    assert model.data(target, ErrorRole) is None
    assert model.error_count() == 0


def test_choices_accept_labels_and_refuse_unknown_words(model: SkpEditorModel) -> None:
    aspek = iki_index(model, 1, 0, Col.ASPEK)
    assert model.setData(aspek, "waktu")
    assert model.data(aspek) == "Waktu"
    assert model.data(aspek, Qt.ItemDataRole.EditRole) == "WAKTU"
    assert not model.setData(aspek, "Kecepatan")
    assert model.data(aspek) == "Waktu"
    assert "aspek 'Kecepatan' tidak dikenal" in model.data(aspek, ErrorRole)
    assert model.setData(aspek, "")
    assert model.to_draft().rhks[1].indicators[0].aspek is None
    lower = iki_index(model, 1, 0, Col.LOWER)
    assert model.flags(lower) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(lower, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.to_draft().rhks[1].indicators[0].lower_is_better


def test_parent_rhk_is_chosen_from_the_supervisor_options(qapp) -> None:
    calls: list[int] = []

    def options() -> list[RhkOption]:
        calls.append(1)
        return [RhkOption(7, "Meningkatnya pelayanan kecamatan", RhkKind.UTAMA)]

    model = SkpEditorModel()
    model.load(sample_draft(), SkpLayout.JA_JF, options=options)
    assert calls == []  # opening an SKP does not ask for them
    parent = rhk_index(model, 1, Col.PARENT)
    assert model.setData(parent, 7)
    assert model.data(parent) == "Meningkatnya pelayanan kecamatan"
    assert model.data(parent, Qt.ItemDataRole.EditRole) == 7
    assert model.to_draft().rhks[1].parent_rhk_id == 7
    assert not model.setData(parent, 99)
    assert model.set_cell_text(parent, "meningkatnya pelayanan KECAMATAN") is None
    assert "pilih dari daftar" in (model.set_cell_text(parent, "Sesuatu yang lain") or "")
    assert calls == [1]


def test_parent_is_free_text_at_the_top_of_the_tree(model: SkpEditorModel) -> None:
    parent = rhk_index(model, 1, Col.PARENT)
    assert model.setData(parent, "Renstra Kota Palembang: pelayanan prima")
    draft = model.to_draft().rhks[1]
    assert (draft.parent_rhk_id, draft.parent_text) == (
        None,
        "Renstra Kota Palembang: pelayanan prima",
    )


def test_service_errors_are_mapped_to_their_cells(model: SkpEditorModel) -> None:
    unmapped = model.set_errors(
        [
            ValidationError("RHK 2: pilih RHK atasan.", field="rhk[1].parent"),
            ValidationError("RHK 1, indikator 3: satuan.", field="rhk[0].iki[2].unit"),
            ValidationError("SKP harus memiliki paling sedikit satu RHK utama.", field="rhk"),
        ]
    )
    assert unmapped == ["SKP harus memiliki paling sedikit satu RHK utama."]
    assert model.data(rhk_index(model, 1, Col.PARENT), ErrorRole) == "RHK 2: pilih RHK atasan."
    assert model.data(iki_index(model, 0, 2, Col.UNIT), ErrorRole) == "RHK 1, indikator 3: satuan."
    assert [message for _, message in model.errors()] == [
        "RHK 1, indikator 3: satuan.",
        "RHK 2: pilih RHK atasan.",
    ]
    model.clear_errors()
    assert model.error_count() == 0


def test_paste_writes_rows_from_the_current_cell_and_adds_indicators(
    model: SkpEditorModel,
) -> None:
    start = iki_index(model, 1, 0, Col.INDICATOR)
    result = model.paste(
        start,
        "Jumlah laporan\t4\tLaporan\n"
        "Persentase laporan tepat waktu\t100\t%\n"
        "Rata-rata hari keterlambatan\tdua\tHari\n",
    )
    assert (result.rows, result.added) == (3, 2)
    assert result.refused == (
        "RHK 2, indikator 3: target harus angka, mis. 12 atau 12,5; yang diisi 'dua'.",
    )
    assert "3 baris ditempel (2 indikator baru); 1 sel ditolak" in result.summary
    indicators = model.to_draft().rhks[1].indicators
    assert [(iki.indicator, iki.target, iki.unit) for iki in indicators] == [
        ("Jumlah laporan", "4", "Laporan"),
        ("Persentase laporan tepat waktu", "100", "%"),
        ("Rata-rata hari keterlambatan", "dua", "Hari"),
    ]
    assert indicators[0].id == 201
    assert model.data(iki_index(model, 1, 2, Col.TARGET), ErrorRole) is not None


def test_paste_follows_the_visible_column_order(model: SkpEditorModel) -> None:
    order = [
        Col.NO,
        Col.PARENT,
        Col.TEXT,
        Col.INDICATOR,
        Col.ASPEK,
        Col.UNIT,
        Col.TARGET,
        Col.LOWER,
    ]
    result = model.paste(
        iki_index(model, 0, 0, Col.INDICATOR), "Jumlah akta\tKuantitas\tAkta\t90\tya\textra", order
    )
    iki = model.to_draft().rhks[0].indicators[0]
    assert (iki.indicator, iki.aspek, iki.unit, iki.target, iki.lower_is_better) == (
        "Jumlah akta",
        Aspek.KUANTITAS,
        "Akta",
        "90",
        True,
    )
    assert result.refused == ("RHK 1, indikator 1: 1 sel melewati kolom terakhir",)


def test_paste_on_an_rhk_row_adds_indicators_from_the_first_indicator_column(
    model: SkpEditorModel,
) -> None:
    model.set_errors(
        [ValidationError("RHK 3: tambahkan paling sedikit satu indikator.", field="rhk[2].text")]
    )
    result = model.paste(rhk_index(model, 2), "Kuantitas\tJumlah arsip\t40\tBerkas\n")
    assert (result.rows, result.added, result.refused) == (1, 1, ())
    iki = model.to_draft().rhks[2].indicators[0]
    assert (iki.aspek, iki.indicator, iki.target, iki.unit) == (
        Aspek.KUANTITAS,
        "Jumlah arsip",
        "40",
        "Berkas",
    )
    assert model.error_count() == 0  # the RHK has its indicator now


def test_a_single_value_pastes_into_the_current_cell(model: SkpEditorModel) -> None:
    cell = rhk_index(model, 2)
    result = model.paste(cell, "Terkelolanya arsip kecamatan\n")
    assert result.refused == ()
    assert model.to_draft().rhks[2].text == "Terkelolanya arsip kecamatan"


def test_jpt_layout_edits_perspektif(qapp) -> None:
    model = SkpEditorModel()
    model.load(sample_draft(), SkpLayout.JPT)
    cell = iki_index(model, 0, 0, Col.PERSPEKTIF)
    assert model.setData(cell, "Penerima Layanan")
    assert model.to_draft().rhks[0].indicators[0].perspektif is Perspektif.PENERIMA_LAYANAN
    assert model.to_draft().rhks[0].indicators[0].aspek is Aspek.KUANTITAS  # kept, not shown


def test_read_only_model_refuses_every_edit(qapp) -> None:
    model = SkpEditorModel()
    model.load(sample_draft(), SkpLayout.JA_JF, read_only=True)
    cell = iki_index(model, 0, 0, Col.TARGET)
    assert not model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(cell, "5")
    with pytest.raises(EditRefusedError, match="terkunci"):
        model.add_rhk()
    assert model.to_draft() == sample_draft()
