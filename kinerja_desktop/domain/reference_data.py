"""Reference data shipped with the app as JSON (kinerja_desktop/reference/), read once.

Regulations change; their tables are data so that a change is a data change (reference §10).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from kinerja_desktop.domain.berakhlak import BehaviourValue


@cache
def load(name: str) -> Any:
    """Return the parsed JSON of ``kinerja_desktop/reference/<name>.json``."""
    text = resources.files("kinerja_desktop.reference").joinpath(f"{name}.json").read_text("utf-8")
    return json.loads(text)


def behaviour_label(value: BehaviourValue) -> str:
    return str(_values()[value]["label"])


def behaviour_indicators(value: BehaviourValue) -> tuple[str, str, str]:
    """The three panduan perilaku of a core value, worded as the official SKP prints them."""
    first, second, third = _values()[value]["indicators"]
    return str(first), str(second), str(third)


@cache
def _values() -> dict[BehaviourValue, dict[str, Any]]:
    return {BehaviourValue(entry["code"]): entry for entry in load("berakhlak")["values"]}
