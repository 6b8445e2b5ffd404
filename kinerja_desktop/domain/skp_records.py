"""Stored SKPs as plain, frozen records: what repositories return and services hand out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from kinerja_desktop.domain.berakhlak import BehaviourValue
from kinerja_desktop.domain.skp import (
    Aspek,
    IkiDraft,
    LampiranKind,
    Pendekatan,
    Perspektif,
    RhkDraft,
    RhkKind,
    SkpDraft,
    SkpLayout,
    SkpStatus,
)


@dataclass(frozen=True)
class IkiView:
    id: int
    indicator: str
    target: Decimal | None
    unit: str
    target_text: str
    lower_is_better: bool
    aspek: Aspek | None
    perspektif: Perspektif | None

    @property
    def target_display(self) -> str:
        """The target as an Indonesian reader writes it: "12,5 Dokumen", or the narrative."""
        if self.target is None:
            return self.target_text
        return format_quantity(self.target, self.unit)


@dataclass(frozen=True)
class RhkView:
    id: int
    kind: RhkKind
    text: str
    parent_rhk_id: int | None
    parent_text: str
    #: The supervisor's RHK this one serves, as text (for showing; "" when none).
    parent_label: str
    indicators: tuple[IkiView, ...]


@dataclass(frozen=True)
class SkpView:
    id: int
    employee_id: int
    year: int
    pendekatan: Pendekatan
    layout: SkpLayout
    status: SkpStatus
    period_start: date
    period_end: date
    revision: int
    agreed_on: date | None
    revision_reason: str
    version: int
    rhks: tuple[RhkView, ...]
    lampiran: dict[LampiranKind, tuple[str, ...]] = field(default_factory=dict)
    expectations: dict[BehaviourValue, str] = field(default_factory=dict)

    @property
    def locked(self) -> bool:
        return self.status is SkpStatus.DISEPAKATI

    def indicator_count(self) -> int:
        return sum(len(rhk.indicators) for rhk in self.rhks)

    def to_draft(self) -> SkpDraft:
        """The editable content, with the stored ids so that a save updates in place."""
        return SkpDraft(
            pendekatan=self.pendekatan,
            rhks=tuple(
                RhkDraft(
                    text=rhk.text,
                    kind=rhk.kind,
                    parent_rhk_id=rhk.parent_rhk_id,
                    parent_text=rhk.parent_text,
                    id=rhk.id,
                    indicators=tuple(
                        IkiDraft(
                            indicator=iki.indicator,
                            target="" if iki.target is None else format_decimal_id(iki.target),
                            unit=iki.unit,
                            target_text=iki.target_text,
                            lower_is_better=iki.lower_is_better,
                            aspek=iki.aspek,
                            perspektif=iki.perspektif,
                            id=iki.id,
                        )
                        for iki in rhk.indicators
                    ),
                )
                for rhk in self.rhks
            ),
            lampiran=dict(self.lampiran),
            expectations=dict(self.expectations),
        )


@dataclass(frozen=True)
class SkpVersionInfo:
    revision: int
    agreed_on: date
    reason: str


@dataclass(frozen=True)
class RhkOption:
    """A supervisor's RHK that a staff RHK can serve."""

    id: int
    text: str
    kind: RhkKind


def format_quantity(value: Decimal, unit: str) -> str:
    """A number with its unit as forms write it: "12,5 Dokumen", "90%"."""
    number = format_decimal_id(value)
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}".strip()


def format_decimal_id(value: Decimal) -> str:
    """Write a number the Indonesian way, without trailing zeros: 12,5 · 100 · 0,75."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


# --- the JSON kept for each agreed version -----------------------------------------------------


def to_json(view: SkpView) -> str:
    content: dict[str, Any] = {
        "pendekatan": view.pendekatan.value,
        "layout": view.layout.value,
        "period": [view.period_start.isoformat(), view.period_end.isoformat()],
        "rhks": [
            {
                "id": rhk.id,
                "kind": rhk.kind.value,
                "text": rhk.text,
                "parent_rhk_id": rhk.parent_rhk_id,
                "parent_text": rhk.parent_text,
                "parent_label": rhk.parent_label,
                "indicators": [
                    {
                        "id": iki.id,
                        "indicator": iki.indicator,
                        "target": None if iki.target is None else str(iki.target),
                        "unit": iki.unit,
                        "target_text": iki.target_text,
                        "lower_is_better": iki.lower_is_better,
                        "aspek": iki.aspek.value if iki.aspek else None,
                        "perspektif": iki.perspektif.value if iki.perspektif else None,
                    }
                    for iki in rhk.indicators
                ],
            }
            for rhk in view.rhks
        ],
        "lampiran": {kind.value: list(items) for kind, items in view.lampiran.items()},
        "expectations": {value.value: text for value, text in view.expectations.items()},
    }
    return json.dumps(content, ensure_ascii=False, sort_keys=True)


def from_json(base: SkpView, text: str, *, revision: int, agreed_on: date, reason: str) -> SkpView:
    """Rebuild an agreed version from its JSON, on the identity of ``base``."""
    content = json.loads(text)
    start, end = (date.fromisoformat(day) for day in content["period"])
    return SkpView(
        id=base.id,
        employee_id=base.employee_id,
        year=base.year,
        pendekatan=Pendekatan(content["pendekatan"]),
        layout=SkpLayout(content["layout"]),
        status=SkpStatus.DISEPAKATI,
        period_start=start,
        period_end=end,
        revision=revision,
        agreed_on=agreed_on,
        revision_reason=reason,
        version=base.version,
        rhks=tuple(
            RhkView(
                id=rhk["id"],
                kind=RhkKind(rhk["kind"]),
                text=rhk["text"],
                parent_rhk_id=rhk["parent_rhk_id"],
                parent_text=rhk["parent_text"],
                parent_label=rhk["parent_label"],
                indicators=tuple(
                    IkiView(
                        id=iki["id"],
                        indicator=iki["indicator"],
                        target=None if iki["target"] is None else Decimal(iki["target"]),
                        unit=iki["unit"],
                        target_text=iki["target_text"],
                        lower_is_better=iki["lower_is_better"],
                        aspek=Aspek(iki["aspek"]) if iki["aspek"] else None,
                        perspektif=Perspektif(iki["perspektif"]) if iki["perspektif"] else None,
                    )
                    for iki in rhk["indicators"]
                ),
            )
            for rhk in content["rhks"]
        ),
        lampiran={LampiranKind(k): tuple(v) for k, v in content["lampiran"].items()},
        expectations={BehaviourValue(k): v for k, v in content["expectations"].items()},
    )
