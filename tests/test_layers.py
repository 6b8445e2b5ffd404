"""The layer rules of house-style §4.2, proved by reading every module's imports with `ast`.

    ui ──► services ──► data ──► domain        (reports ──► domain)

Every import counts: top-level, inside functions (lazy), under ``if TYPE_CHECKING`` and
``importlib.import_module("...")`` with a literal name.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "kinerja_desktop"
PACKAGE_DIR = Path(__file__).resolve().parents[1] / PACKAGE

QT = ("PySide6", "shiboken6")


def within(*packages: str) -> Callable[[str], bool]:
    """Match a dotted module name that is one of ``packages`` or inside one of them."""
    return lambda name: any(name == p or name.startswith(p + ".") for p in packages)


def everything_but(*packages: str) -> Callable[[str], bool]:
    inside = within(*packages)
    return lambda name: not inside(name)


@dataclass(frozen=True)
class Rule:
    key: str
    description: str
    applies_to: Callable[[str], bool]
    forbidden: tuple[str, ...]
    allowed: tuple[str, ...] = ()

    def breaks(self, imported: str) -> bool:
        return within(*self.forbidden)(imported) and not within(*self.allowed)(imported)


RULES = (
    Rule(
        "qt-only-in-ui",
        "only kinerja_desktop.ui imports PySide6",
        everything_but(f"{PACKAGE}.ui"),
        forbidden=QT,
    ),
    Rule(
        "domain-is-pure",
        "domain imports no Qt, SQLAlchemy, Alembic or reportlab, and nothing from "
        "kinerja_desktop outside domain",
        within(f"{PACKAGE}.domain"),
        forbidden=(*QT, "sqlalchemy", "alembic", "reportlab", PACKAGE),
        allowed=(f"{PACKAGE}.domain",),
    ),
    Rule(
        "data-below-services",
        "data never imports services, reports or ui",
        within(f"{PACKAGE}.data"),
        forbidden=(f"{PACKAGE}.services", f"{PACKAGE}.reports", f"{PACKAGE}.ui"),
    ),
    Rule(
        "reports-without-storage",
        "reports import only domain (and reportlab): no SQLAlchemy, data, services, ui or paths",
        within(f"{PACKAGE}.reports"),
        forbidden=("sqlalchemy", "alembic", PACKAGE),
        allowed=(f"{PACKAGE}.domain", f"{PACKAGE}.reports"),
    ),
    Rule(
        "services-without-qt",
        "services never import ui or PySide6",
        within(f"{PACKAGE}.services"),
        forbidden=(f"{PACKAGE}.ui", *QT),
    ),
    Rule(
        "ui-through-services",
        "ui never imports kinerja_desktop.data or SQLAlchemy",
        within(f"{PACKAGE}.ui"),
        forbidden=(f"{PACKAGE}.data", "sqlalchemy"),
    ),
    Rule(
        "cli-is-the-top",
        "nothing imports kinerja_desktop.cli (its command modules included) except "
        "kinerja_desktop.__main__",
        everything_but(f"{PACKAGE}.cli", f"{PACKAGE}.__main__"),
        forbidden=(f"{PACKAGE}.cli",),
    ),
)


@dataclass(frozen=True)
class Import:
    name: str
    line: int


def _resolve_relative(module: str, *, is_package: bool, level: int, target: str | None) -> str:
    package = module if is_package else module.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{target}" if target else package


def _literal_import_call(node: ast.Call) -> str | None:
    """The module named in ``importlib.import_module("x")`` or ``__import__("x")``."""
    function = node.func
    called = (
        function.id
        if isinstance(function, ast.Name)
        else function.attr
        if isinstance(function, ast.Attribute)
        else None
    )
    if called not in {"import_module", "__import__"} or not node.args:
        return None
    first = node.args[0]
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def imports_of(source: str, module: str, *, is_package: bool = False) -> Iterator[Import]:
    """Every module ``source`` imports, as absolute dotted names.

    ``from a import b`` yields both ``a`` and ``a.b``, because ``b`` may be a submodule.
    """
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = _resolve_relative(
                    module, is_package=is_package, level=node.level, target=node.module
                )
            yield Import(base, node.lineno)
            for alias in node.names:
                if alias.name != "*":
                    yield Import(f"{base}.{alias.name}", node.lineno)
        elif isinstance(node, ast.Call) and (name := _literal_import_call(node)):
            yield Import(name, node.lineno)


def violations(
    source: str, module: str, *, is_package: bool = False, rules: tuple[Rule, ...] = RULES
) -> list[str]:
    """One line per broken rule, naming the module, the line and the import."""
    found: list[str] = []
    for rule in rules:
        if not rule.applies_to(module):
            continue
        seen: set[str] = set()
        for imported in imports_of(source, module, is_package=is_package):
            if rule.breaks(imported.name) and imported.name not in seen:
                seen.add(imported.name)
                found.append(
                    f"{module} (line {imported.line}) imports {imported.name}: "
                    f"{rule.description} [{rule.key}]"
                )
    return found


@dataclass(frozen=True)
class Module:
    name: str
    path: Path
    is_package: bool


def package_modules() -> list[Module]:
    modules = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        modules.append(Module(name, path, is_package))
    return modules


MODULES = package_modules()


# --- the real package -----------------------------------------------------------------------


def test_the_walk_sees_the_package() -> None:
    names = {module.name for module in MODULES}
    assert {
        PACKAGE,
        f"{PACKAGE}.__main__",
        f"{PACKAGE}.cli",
        f"{PACKAGE}.data.database",
        f"{PACKAGE}.data.migrations.env",
        f"{PACKAGE}.domain.errors",
        f"{PACKAGE}.services.app_services",
    } <= names
    for rule in RULES:
        assert any(rule.applies_to(name) for name in names), rule.key


@pytest.mark.parametrize("rule", RULES, ids=[rule.key for rule in RULES])
def test_layer_rule_holds(rule: Rule) -> None:
    found = [
        line
        for module in MODULES
        for line in violations(
            module.path.read_text(encoding="utf-8"),
            module.name,
            is_package=module.is_package,
            rules=(rule,),
        )
    ]
    assert not found, "layer rule broken:\n" + "\n".join(found)


# --- the checker itself ---------------------------------------------------------------------

DOMAIN_MODULE = "kinerja_desktop.domain.x"


@pytest.mark.parametrize(
    ("module", "source", "offending", "rule_key"),
    [
        (DOMAIN_MODULE, "import PySide6.QtCore", "PySide6.QtCore", "domain-is-pure"),
        (DOMAIN_MODULE, "from alembic import op", "alembic", "domain-is-pure"),
        (
            DOMAIN_MODULE,
            "from sqlalchemy import select",
            "sqlalchemy",
            "domain-is-pure",
        ),
        (
            DOMAIN_MODULE,
            "import reportlab.pdfgen",
            "reportlab.pdfgen",
            "domain-is-pure",
        ),
        (
            DOMAIN_MODULE,
            "from ..data import models",
            "kinerja_desktop.data",
            "domain-is-pure",
        ),
        (
            DOMAIN_MODULE,
            "from kinerja_desktop import paths",
            "kinerja_desktop.paths",
            "domain-is-pure",
        ),
        (
            "kinerja_desktop.data.x",
            "def later():\n    from kinerja_desktop.services import staff_service\n",
            "kinerja_desktop.services",
            "data-below-services",
        ),
        (
            "kinerja_desktop.reports.x",
            "import sqlalchemy as sa",
            "sqlalchemy",
            "reports-without-storage",
        ),
        (
            "kinerja_desktop.reports.x",
            "from kinerja_desktop.paths import resource_path",
            "kinerja_desktop.paths",
            "reports-without-storage",
        ),
        (
            "kinerja_desktop.reports.x",
            "from kinerja_desktop.services.printing import PrintRequest",
            "kinerja_desktop.services.printing",
            "reports-without-storage",
        ),
        (
            "kinerja_desktop.services.x",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
            "    from kinerja_desktop.ui.events import AppEvents\n",
            "kinerja_desktop.ui.events",
            "services-without-qt",
        ),
        (
            "kinerja_desktop.ui.x",
            "from kinerja_desktop.data.database import Database",
            "kinerja_desktop.data.database",
            "ui-through-services",
        ),
        (
            "kinerja_desktop.ui.x",
            "import importlib\norm = importlib.import_module('sqlalchemy.orm')",
            "sqlalchemy.orm",
            "ui-through-services",
        ),
        (
            "kinerja_desktop.paths",
            "from PySide6.QtCore import QStandardPaths",
            "PySide6.QtCore",
            "qt-only-in-ui",
        ),
        (
            "kinerja_desktop.services.x",
            "from kinerja_desktop.cli import main",
            "kinerja_desktop.cli",
            "cli-is-the-top",
        ),
        (
            "kinerja_desktop.ui.x",
            "def later():\n    from kinerja_desktop.cli.ikm import result_lines\n",
            "kinerja_desktop.cli.ikm",
            "cli-is-the-top",
        ),
    ],
)
def test_checker_catches_a_violation(
    module: str, source: str, offending: str, rule_key: str
) -> None:
    found = violations(source, module)
    matching = [line for line in found if f"[{rule_key}]" in line]
    assert matching, found
    assert any(line.startswith(f"{module} (line ") for line in matching)
    assert any(f"imports {offending}" in line for line in matching)


def test_checker_resolves_relative_imports_in_a_package_init() -> None:
    found = violations("from .. import services", "kinerja_desktop.data", is_package=True)
    assert found == [
        "kinerja_desktop.data (line 1) imports kinerja_desktop.services: "
        "data never imports services, reports or ui [data-below-services]"
    ]


@pytest.mark.parametrize(
    ("module", "source"),
    [
        (
            "kinerja_desktop.ui.x",
            "from PySide6.QtWidgets import QWidget\n"
            "from kinerja_desktop.services.staff_service import StaffService\n"
            "from kinerja_desktop.domain.staff import Employee\n",
        ),
        ("kinerja_desktop.__main__", "from kinerja_desktop.cli import main"),
        (DOMAIN_MODULE, "from . import errors\nfrom babel.dates import format_date"),
        ("kinerja_desktop.data.x", "from sqlalchemy import select\nfrom alembic import command"),
        ("kinerja_desktop.cli", "def gui():\n    from kinerja_desktop.ui.application import run"),
        ("kinerja_desktop.cli.office", "from kinerja_desktop.cli import printing"),
        (
            "kinerja_desktop.reports.x",
            "from reportlab.platypus import Table\nfrom kinerja_desktop.domain.dates import x\n"
            "from . import styles",
        ),
        ("kinerja_desktop.services.x", "from kinerja_desktop.reports.render import render_pdf"),
    ],
)
def test_checker_allows_the_permitted_directions(module: str, source: str) -> None:
    assert violations(source, module) == []


# --- the demo office: a client beside the layers --------------------------------------------

#: The GUI's first start offers the demo office; besides the command line, the one importer.
FIRST_RUN_ENTRY = f"{PACKAGE}.ui.application"

DEMO_RULES = (
    Rule(
        "demo-is-a-client",
        "demo writes through services, data and domain; it never imports ui, Qt or the cli",
        within(f"{PACKAGE}.demo"),
        forbidden=(f"{PACKAGE}.ui", f"{PACKAGE}.cli", *QT),
    ),
    Rule(
        "demo-only-for-cli-and-first-run",
        f"only kinerja_desktop.cli and the first start ({FIRST_RUN_ENTRY}) import "
        "kinerja_desktop.demo",
        everything_but(f"{PACKAGE}.demo", f"{PACKAGE}.cli", FIRST_RUN_ENTRY),
        forbidden=(f"{PACKAGE}.demo",),
    ),
)


def _demo_violations(module: Module) -> list[str]:
    source = module.path.read_text(encoding="utf-8")
    return violations(source, module.name, is_package=module.is_package, rules=DEMO_RULES)


def test_demo_is_imported_only_by_the_cli_and_the_first_start() -> None:
    names = {module.name for module in MODULES}
    assert {f"{PACKAGE}.demo", f"{PACKAGE}.cli.office", FIRST_RUN_ENTRY} <= names
    found = [line for module in MODULES for line in _demo_violations(module)]
    assert not found, "demo rule broken:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("module", "source", "offending", "rule_key"),
    [
        (
            "kinerja_desktop.services.startup",
            "def first():\n    from kinerja_desktop.demo import write_demo\n",
            "kinerja_desktop.demo",
            "demo-only-for-cli-and-first-run",
        ),
        (
            "kinerja_desktop.ui.main_window",
            "from kinerja_desktop import demo",
            "kinerja_desktop.demo",
            "demo-only-for-cli-and-first-run",
        ),
        (
            "kinerja_desktop.data.x",
            "import importlib\nimportlib.import_module('kinerja_desktop.demo.skp_demo')",
            "kinerja_desktop.demo.skp_demo",
            "demo-only-for-cli-and-first-run",
        ),
        (
            "kinerja_desktop.demo.steps",
            "from kinerja_desktop.ui.events import AppEvents",
            "kinerja_desktop.ui.events",
            "demo-is-a-client",
        ),
        (
            "kinerja_desktop.demo",
            "def later():\n    from kinerja_desktop.cli import main\n",
            "kinerja_desktop.cli",
            "demo-is-a-client",
        ),
    ],
)
def test_demo_rules_catch_an_importer(
    module: str, source: str, offending: str, rule_key: str
) -> None:
    found = violations(source, module, rules=DEMO_RULES)
    assert any(f"imports {offending}" in line and f"[{rule_key}]" in line for line in found), found


@pytest.mark.parametrize(
    ("module", "source"),
    [
        (
            "kinerja_desktop.cli.office",
            "def demo():\n    from kinerja_desktop.demo import write_demo",
        ),
        (FIRST_RUN_ENTRY, "def first():\n    from kinerja_desktop.demo import write_demo"),
        ("kinerja_desktop.demo.skp_demo", "from kinerja_desktop.demo import skp_texts"),
        (
            "kinerja_desktop.demo",
            "from kinerja_desktop.services.seals import seal_unlogged_in\n"
            "from kinerja_desktop.data.schema import Base\n"
            "from kinerja_desktop.domain.staff import UnitKind",
        ),
    ],
)
def test_demo_rules_allow_the_cli_the_first_start_and_the_demo_itself(
    module: str, source: str
) -> None:
    assert violations(source, module, rules=DEMO_RULES) == []
