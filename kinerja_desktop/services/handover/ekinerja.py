"""An XLSX of SKP, realisation and evaluations in e-Kinerja's field order, for re-entry there.

The rows come from the same aggregates as a hand-over package (so the scope rules are the
same); the columns and their order are data (``reference/ekinerja_columns.json``) because
e-Kinerja's exact entry order is not published.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.handover_records import Aggregate, Kind
from kinerja_desktop.domain.periods import period_label
from kinerja_desktop.domain.predikat import Predikat, effective_predikat
from kinerja_desktop.domain.ratings import Rating
from kinerja_desktop.domain.reference_data import behaviour_label, load
from kinerja_desktop.domain.skp import Aspek, Pendekatan, Perspektif, SkpStatus
from kinerja_desktop.domain.staff import full_name
from kinerja_desktop.services.platform.xlsx_writing import (
    finish_table,
    header_row,
    put_cell,
    save_workbook,
)

Row = dict[str, Any]


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[tuple[str, str, float], ...]  # field, heading, width


def sheet_specs() -> list[SheetSpec]:
    """The sheets and their columns, in order, from ``reference/ekinerja_columns.json``."""
    return [
        SheetSpec(
            sheet["name"],
            tuple((c["field"], c["heading"], float(c["width"])) for c in sheet["columns"]),
        )
        for sheet in load("ekinerja_columns")["sheets"]
    ]


def _label(enum: Any, code: Any) -> str:
    try:
        return str(enum(code).label)
    except ValueError:
        return "" if code is None else str(code)


def build_rows(aggregates: Sequence[Aggregate]) -> dict[str, list[Row]]:
    """Rows per sheet name, fields named as in the column list."""
    people = {a.content["nip"]: a.content for a in aggregates if a.kind is Kind.EMPLOYEE}
    skps = {
        (a.content["nip"], a.content["year"]): a.content for a in aggregates if a.kind is Kind.SKP
    }

    def name(nip: str) -> str:
        person = people.get(nip, {})
        return full_name(
            person.get("name", ""), person.get("gelar_depan", ""), person.get("gelar_belakang", "")
        )

    def parent_text(rhk: Mapping[str, Any]) -> str:
        link = rhk["parent"]
        if link is None:
            return str(rhk["parent_text"])
        parent = skps.get((link["nip"], link["year"]))
        if parent is None or not 1 <= link["rhk"] <= len(parent["rhks"]):
            return str(rhk["parent_text"])
        return str(parent["rhks"][link["rhk"] - 1]["text"])

    plan: list[Row] = []
    done: list[Row] = []
    for (nip, year), skp in sorted(skps.items()):
        person = people.get(nip, {})
        base = {"nip": nip, "nama": name(nip), "tahun": year}
        for rhk_no, rhk in enumerate(skp["rhks"], start=1):
            feedback = {item["period_code"]: item["feedback"] for item in rhk["feedback"]}
            for iki_no, iki in enumerate(rhk["ikis"], start=1):
                target = iki["target"] if iki["target"] is not None else iki["target_text"]
                plan.append(
                    base
                    | {
                        "jabatan": person.get("jabatan", ""),
                        "unit": " / ".join(person.get("unit") or []),
                        "periode_awal": skp["period_start"],
                        "periode_akhir": skp["period_end"],
                        "pendekatan": _label(Pendekatan, skp["pendekatan"]),
                        "status": _label(SkpStatus, skp["status"]),
                        "rhk_atasan": parent_text(rhk),
                        "rhk_no": rhk_no,
                        "rhk_jenis": str(rhk["kind"]).capitalize(),  # e-Kinerja: "Utama"/"Tambahan"
                        "rhk": rhk["text"],
                        "aspek": _label(Aspek, iki["aspek"]),
                        "iki_no": iki_no,
                        "indikator": iki["indicator"],
                        "target": target,
                        "satuan": iki["unit"],
                        "perspektif": _label(Perspektif, iki["perspektif"]),
                    }
                )
                done += _realisations(base, rhk, iki, target, feedback)
    return {"SKP": plan, "Realisasi": done, "Evaluasi": _evaluations(aggregates, name)}


def _realisations(
    base: Row,
    rhk: Mapping[str, Any],
    iki: Mapping[str, Any],
    target: Any,
    feedback: Mapping[str, str],
) -> list[Row]:
    values = {item["period_code"]: item for item in iki["realisations"]}
    evidence: dict[str, list[str]] = {}
    for item in iki["evidence"]:
        text = item["file_name"] or item["text"]
        evidence.setdefault(item["period_code"], []).append(text)
    rows = []
    for period in sorted(values.keys() | evidence.keys() | feedback.keys()):
        value = values.get(period)
        realised = (
            "" if value is None else value["value"] if value["value"] is not None else value["text"]
        )
        rows.append(
            base
            | {
                "periode": period_label(period),
                "rhk": rhk["text"],
                "indikator": iki["indicator"],
                "target": target,
                "satuan": iki["unit"],
                "realisasi": realised,
                "bukti_dukung": "; ".join(evidence.get(period, [])),
                "umpan_balik": feedback.get(period, ""),
            }
        )
    return rows


def _evaluations(aggregates: Iterable[Aggregate], name: Callable[[str], str]) -> list[Row]:
    rows = []
    for aggregate in aggregates:
        if aggregate.kind is not Kind.PERIOD:
            continue
        nip, year, period = json.loads(aggregate.key)[:3]
        content = aggregate.content
        result, behaviour, predikat = (
            content["result_rating"],
            content["behaviour_rating"],
            content["predikat"],
        )
        on_objection = _on_objection(content.get("dialogue"))
        if result is None and behaviour is None and predikat is None and on_objection is None:
            continue
        decided = [d["decided_on"] for d in (result, behaviour, predikat) if d is not None]
        if on_objection is not None:
            decided.append(on_objection[1])
        in_force = effective_predikat(
            _predikat(predikat and predikat["final"]),
            on_objection[0] if on_objection else None,
        )
        notes = [
            f"{_value_label(item['value_code'])}: {item['text']}"
            for item in content["behaviour_feedback"]
            if item["text"]
        ]
        rows.append(
            {
                "nip": nip,
                "nama": name(nip),
                "tahun": year,
                "periode": period_label(period),
                "rating_hasil_kerja": _label(Rating, result and result["final"]),
                "rating_perilaku": _label(Rating, behaviour and behaviour["final"]),
                "predikat": in_force.predikat.label if in_force else "",
                "umpan_balik_perilaku": "\n".join(notes),
                "tanggal": max(decided),
            }
        )
    rows.sort(key=lambda row: (row["nip"], row["tahun"], row["periode"]))
    return rows


def _on_objection(dialogue: Mapping[str, Any] | None) -> tuple[Predikat, str] | None:
    """The predikat the atasan set on a decided objection (final) and the day, if any."""
    if not dialogue or not dialogue.get("decision_on"):
        return None
    decided = _predikat(dialogue.get("decided_predikat"))
    return (decided, str(dialogue["decision_on"])) if decided is not None else None


def _predikat(code: Any) -> Predikat | None:
    try:
        return Predikat(code) if code else None
    except ValueError:
        return None


def _value_label(code: str) -> str:
    try:
        return behaviour_label(BehaviourValue(code))
    except ValueError:
        return code


def write_workbook(target: Path, aggregates: Sequence[Aggregate]) -> int:
    """Write the workbook (whole or not at all); return the number of data rows."""
    from openpyxl import Workbook

    rows = build_rows(aggregates)
    workbook = Workbook()
    workbook.remove(workbook.active)
    total = 0
    for spec in sheet_specs():
        sheet = workbook.create_sheet(spec.name)
        header_row(sheet, 1, [(heading, width) for _, heading, width in spec.columns])
        for number, row in enumerate(rows.get(spec.name, []), start=2):
            for column, (field, _, _) in enumerate(spec.columns, start=1):
                put_cell(sheet, number, column, row.get(field, ""))
            total += 1
        finish_table(sheet, 1, len(rows.get(spec.name, [])) + 1, len(spec.columns))
    save_workbook(workbook, target)
    return total
