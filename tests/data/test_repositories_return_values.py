"""Repositories hand services frozen dataclasses, never ORM rows (docs/ARCHITECTURE.md).

Every public function in ``kinerja_desktop.data.repositories`` is read with
``typing.get_type_hints``; its return annotation may not be, nor contain, a class mapped
on the declarative ``Base``. A function that must hand a row to another data-layer module
is private (leading underscore) and so not checked.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from collections.abc import Iterator

from kinerja_desktop.data import repositories
from kinerja_desktop.data.schema import Base


def _mentions_row(annotation: object) -> bool:
    """Tell whether ``annotation`` is a mapped class or a generic/union that holds one."""
    if isinstance(annotation, type) and issubclass(annotation, Base):
        return True
    return any(_mentions_row(argument) for argument in typing.get_args(annotation))


def _public_functions() -> Iterator[tuple[str, object]]:
    for info in pkgutil.iter_modules(repositories.__path__):
        module = importlib.import_module(f"{repositories.__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                yield f"{info.name}.{name}", function


def _returning_rows() -> set[str]:
    return {
        name
        for name, function in _public_functions()
        if _mentions_row(typing.get_type_hints(function).get("return"))
    }


def test_no_public_repository_function_returns_an_orm_row() -> None:
    offenders = _returning_rows()
    assert not offenders, f"repository functions returning ORM rows: {sorted(offenders)}"


def test_the_check_sees_rows_inside_containers() -> None:
    from kinerja_desktop.data.models import EmployeeRow

    for annotation, expected in (
        (EmployeeRow, True),
        (EmployeeRow | None, True),
        (list[EmployeeRow], True),
        (dict[str, EmployeeRow], True),
        (int | None, False),
        (list[str], False),
        (None, False),
    ):
        assert _mentions_row(annotation) is expected, annotation
