"""The access guard cannot be forgotten: every service needs one, and full access is explicit."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import kinerja_desktop.services as services_package
from kinerja_desktop.domain.access import SYSTEM, Principal, Role
from kinerja_desktop.services.accounts.access_guard import AccessGuard

SERVICES_DIR = Path(services_package.__file__).parent


def _service_callables() -> Iterator[tuple[str, Callable[..., object]]]:
    """Every class constructor and function defined in kinerja_desktop.services."""
    for info in pkgutil.walk_packages(services_package.__path__, "kinerja_desktop.services."):
        module = importlib.import_module(info.name)
        for name, item in vars(module).items():
            if getattr(item, "__module__", None) != module.__name__:
                continue
            if inspect.isclass(item) and "__init__" in vars(item):
                yield f"{module.__name__}.{name}", item.__init__
            elif inspect.isfunction(item):
                yield f"{module.__name__}.{name}", item


def _taking_access() -> dict[str, inspect.Parameter]:
    return {
        where: inspect.signature(function).parameters["access"]
        for where, function in _service_callables()
        if "access" in inspect.signature(function).parameters
    }


def test_every_service_requires_its_access_guard() -> None:
    found = _taking_access()
    # Guards against a walk that silently finds nothing (every service, the supervision set).
    assert len(found) >= 25, sorted(found)
    optional = [
        where
        for where, parameter in found.items()
        if parameter.default is not inspect.Parameter.empty
        or parameter.annotation not in ("AccessGuard", AccessGuard)
    ]
    assert optional == [], f"access must be a required AccessGuard in: {optional}"


def test_only_the_session_guard_is_built_without_saying_system() -> None:
    """A service may not make itself a full-access guard; the system guard says it by name."""
    built = re.compile(r"\bAccessGuard\(")
    places = sorted(
        str(path.relative_to(SERVICES_DIR))
        for path in SERVICES_DIR.rglob("*.py")
        if path.name != "access_guard.py" and built.search(path.read_text(encoding="utf-8"))
    )
    assert places == ["app_services.py"]


def test_the_system_guard_has_full_access_and_cannot_be_signed_in() -> None:
    guard = AccessGuard.system()
    assert guard.principal == SYSTEM and not guard.restricted
    with pytest.raises(RuntimeError):
        guard.sign_in(Principal("penilai", "Penilai", Role.PENILAI))
    assert guard.principal == SYSTEM


def test_the_session_guard_can_be_signed_in() -> None:
    guard = AccessGuard()
    guard.sign_in(Principal("penilai", "Penilai", Role.PENILAI))
    assert guard.restricted
