"""Hand-over content of an SKP's plans per period: rencana aksi, period targets, target scales.

They travel inside the SKP record they belong to, as its RHKs and indicators do, so a plan that
differs makes the SKP differ (a conflict in the preview, resolved with the SKP) and an agreed
SKP's plans follow the SKP's own rules. Keyed naturally by where they sit:

- an RHK's ``rencana_aksi``: ``[{period_code, text}]``, one per periodic period, by code;
- an indicator's ``period_targets``: ``[{period_code, target}]`` (the target as exact decimal
  text), and its ``target_scale`` (``KUMULATIF`` or ``PER_PERIODE``) when one was chosen.

Each key is in the content only when something is recorded, so an SKP without plans keeps the
content (and digest) it had before plans were carried, and a package of the earlier format
(no plans) reads as an SKP without them.

A progress entry names the rencana aksi it worked on as ``{nip, year, rhk, period_code}``
(the RHK's natural key and the period), again only when it has one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from kinerja_desktop.domain.handover_aggregate import Row, Tables, sorted_rows
from kinerja_desktop.domain.handover_fields import FieldReader, nip_reference, period_of
from kinerja_desktop.domain.plans import TargetScale, rencana_aksi_text
from kinerja_desktop.domain.skp import target_problem

#: The keys of the plans in an RHK's and an indicator's content.
RENCANA_AKSI = "rencana_aksi"
PERIOD_TARGETS = "period_targets"
TARGET_SCALE = "target_scale"
#: The tables of the plans: (table, the parent column) in the order they are written.
PLAN_TABLES = (
    ("rencana_aksi", "rhk_id"),
    ("period_targets", "iki_id"),
    ("target_scales", "iki_id"),
)
#: The annual evaluation: it has no rencana aksi or period target (the annual ones apply).
_FINAL = "AKHIR"


class PlanIndex:
    """The plans of one database's rows, by the RHK or indicator they belong to."""

    def __init__(self, tables: Tables) -> None:
        self.by_parent: dict[str, dict[int, list[Row]]] = {}
        # Tables read before the plans existed (or built by hand) simply have none.
        for table, parent in PLAN_TABLES:
            grouped: dict[int, list[Row]] = defaultdict(list)
            for row in tables.get(table, ()):
                grouped[row[parent]].append(row)
            self.by_parent[table] = grouped
        self.rencana = {row["id"]: row for row in tables.get("rencana_aksi", ())}

    def add_to_rhk(self, rhk_id: int, content: dict[str, Any]) -> None:
        """Put the RHK's rencana aksi into its content, when it has any."""
        rows = self.by_parent["rencana_aksi"].get(rhk_id)
        if rows:
            content[RENCANA_AKSI] = sorted_rows(rows, "rhk_id")

    def add_to_iki(self, iki_id: int, content: dict[str, Any]) -> None:
        """Put the indicator's period targets and scale into its content, when recorded."""
        targets = self.by_parent["period_targets"].get(iki_id)
        if targets:
            content[PERIOD_TARGETS] = sorted_rows(targets, "iki_id")
        scale = self.by_parent["target_scales"].get(iki_id)
        if scale:
            content[TARGET_SCALE] = scale[0]["scale"]

    def entry_link(
        self, rencana_aksi_id: int | None, rhk_link: Callable[[int], dict[str, Any]]
    ) -> dict[str, Any] | None:
        """A progress entry's rencana aksi as ``{nip, year, rhk, period_code}``, or None."""
        if rencana_aksi_id is None or rencana_aksi_id not in self.rencana:
            return None
        row = self.rencana[rencana_aksi_id]
        return {**rhk_link(row["rhk_id"]), "period_code": row["period_code"]}


# --- checks, as when typed on the SKP page ----------------------------------------------------


def rhk_plan_problems(rhk: FieldReader, year: int | None) -> None:
    """An RHK's rencana aksi: a periodic period each (once), a text within the limit."""
    seen: set[str] = set()
    for item in rhk.children(RENCANA_AKSI):
        code = _periodic(item, year, seen)
        text = item.text("text")
        label = f"Rencana aksi {code or ''}".strip()
        # ``check`` takes ``field`` itself: the domain check's own goes in by partial.
        cleaned = item.check(partial(rencana_aksi_text, field="text", label=label), text)
        if cleaned == "":
            item.add("text", "rencana aksi kosong; yang kosong tidak dicatat.")


def iki_plan_problems(iki: FieldReader, year: int | None, *, lower_is_better: bool) -> None:
    """An indicator's period targets (>= 0, zero only when lower is better) and its scale."""
    seen: set[str] = set()
    for item in iki.children(PERIOD_TARGETS):
        code = _periodic(item, year, seen)
        value = _decimal(item.raw("target"))
        if value is None:
            item.add("target", f"'{str(item.raw('target'))[:20]}' bukan angka target.")
            continue
        problem = target_problem(
            value, label=f"Target periode {code or ''}".strip(), lower_is_better=lower_is_better
        )
        if problem:
            item.add("target", problem)
    if iki.raw(TARGET_SCALE) is not None:
        iki.choice(TARGET_SCALE, TargetScale)


def entry_link_problems(entry: FieldReader) -> None:
    """A progress entry's rencana aksi link: an RHK's natural key and a periodic period."""
    link = entry.child(RENCANA_AKSI)
    if link is None:
        return
    nip_reference(link, "nip")
    year = link.integer("year", 2000, 2100)
    link.integer("rhk", 1, 10_000)
    _periodic(link, year, set())


def _periodic(item: FieldReader, year: int | None, seen: set[str]) -> str | None:
    """The item's period code: a period of the year, not AKHIR, not twice."""
    code = item.text("period_code")
    if period_of(item, "period_code", year) is None:
        return None
    if code == _FINAL:
        item.add("period_code", "AKHIR tidak memiliki rencana aksi atau target periode.")
    elif code in seen:
        item.add("period_code", f"periode {code} tercatat dua kali.")
    seen.add(code)
    return code


def _decimal(value: Any) -> Decimal | None:
    """A target as the format writes it: exact decimal text (a JSON number is taken too)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None
