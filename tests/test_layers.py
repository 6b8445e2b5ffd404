"""The layer rules of house-style §4.2, proved by reading every module's imports with `ast`.

    ui ──► services ──► data ──► domain        (reports ──► domain)

Every import counts: top-level, inside functions (lazy), under ``if TYPE_CHECKING`` and
``importlib.import_module("...")`` with a literal name. No module may import, directly or
through others, one that imports it back (``test_no_import_cycle_between_modules``).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
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


# --- no import cycles -----------------------------------------------------------------------


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _run_time_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree`` except the body of ``if TYPE_CHECKING:`` (never run)."""
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
        else:
            pending.extend(ast.iter_child_nodes(node))


def _module_of(name: str, known: Set[str]) -> str | None:
    """The package module that defines ``name`` (``a.b.Thing`` is defined by ``a.b``)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(modules: Iterable[tuple[str, str, bool]]) -> dict[str, dict[str, int]]:
    """Which package modules each module imports, with the line of the first such import.

    Args:
        modules: (dotted name, source, is a package's ``__init__``) of every module.

    Every import that runs counts, inside functions too. ``from a import b`` imports the module
    ``a.b`` when there is one, else ``a`` (where ``b`` is defined); the parent packages Python
    runs on the way are not edges, or every package re-exporting its modules would be a cycle.
    Imports under ``if TYPE_CHECKING:`` never run and are left out.
    """
    listed = list(modules)
    known = {name for name, _source, _is_package in listed}
    graph: dict[str, dict[str, int]] = {}
    for module, source, is_package in listed:
        edges = graph.setdefault(module, {})
        for node in _run_time_nodes(ast.parse(source)):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = _resolve_relative(
                        module, is_package=is_package, level=node.level, target=node.module
                    )
                names = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                    for alias in node.names
                ]
            elif isinstance(node, ast.Call) and (literal := _literal_import_call(node)):
                names = [literal]
            for name in names:
                target = _module_of(name, known)
                if target is not None and target != module:
                    line = getattr(node, "lineno", 0)
                    edges[target] = min(edges.get(target, line), line)
    return graph


def import_cycles(graph: Mapping[str, Mapping[str, int]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    order: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = lowest[module] = len(order)
        stack.append(module)
        on_stack.add(module)
        for target in graph.get(module, {}):
            if target not in order:
                visit(target)
                lowest[module] = min(lowest[module], lowest[target])
            elif target in on_stack:
                lowest[module] = min(lowest[module], order[target])
        if lowest[module] == order[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return sorted(cycles)


def describe_cycle(cycle: Sequence[str], graph: Mapping[str, Mapping[str, int]]) -> str:
    """The imports that close ``cycle``, one per line, with where they are written."""
    members = set(cycle)
    return "\n".join(
        f"  {module} (line {line}) imports {target}"
        for module in cycle
        for target, line in sorted(graph[module].items())
        if target in members
    )


def package_graph() -> dict[str, dict[str, int]]:
    return import_graph(
        (module.name, module.path.read_text(encoding="utf-8"), module.is_package)
        for module in MODULES
    )


def test_no_import_cycle_between_modules() -> None:
    """No module imports, directly or through others, a module that imports it back.

    Function-level (lazy) imports count: they only hide a cycle until the function runs.
    ``if TYPE_CHECKING:`` imports are ignored, since they never run; what they name is only
    read by mypy.
    """
    graph = package_graph()
    cycles = import_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n\n".join(
        describe_cycle(cycle, graph) for cycle in cycles
    )


CYCLE_CASES = [
    pytest.param(
        {
            "p.a": ("from p.b import thing", False),
            "p.b": ("def later():\n    from p.a import other\n", False),
        },
        [["p.a", "p.b"]],
        id="a function-level import closes the cycle",
    ),
    pytest.param(
        {
            "p.a": ("import p.b", False),
            "p.b": ("import importlib\nimportlib.import_module('p.c')", False),
            "p.c": ("from . import a", False),
        },
        [["p.a", "p.b", "p.c"]],
        id="three modules, import_module and a relative import",
    ),
    pytest.param(
        {
            "p.a": ("from p.b import Thing", False),
            "p.b": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from p.a import A\n"
                "else:\n    pass\n",
                False,
            ),
        },
        [],
        id="a TYPE_CHECKING import never runs",
    ),
    pytest.param(
        {
            "p": ("from p.service import Service", True),
            "p.service": ("from p import helpers", False),
            "p.helpers": ("", False),
        },
        [],
        id="a package re-exporting its module, which imports a sibling through the package",
    ),
    pytest.param(
        {
            "p": ("from p.service import Service\nLIMIT = 3", True),
            "p.service": ("from p import LIMIT", False),
        },
        [["p", "p.service"]],
        id="a module importing a name its package's init defines",
    ),
    pytest.param(
        {
            "p.a": ("from p.b import x\nimport sqlalchemy", False),
            "p.b": ("from p.c import y", False),
            "p.c": ("import p.c", False),
        },
        [],
        id="a chain downward",
    ),
]


@pytest.mark.parametrize(("sources", "cycles"), CYCLE_CASES)
def test_the_cycle_finder(sources: dict[str, tuple[str, bool]], cycles: list[list[str]]) -> None:
    graph = import_graph(
        (name, source, is_package) for name, (source, is_package) in sources.items()
    )
    assert import_cycles(graph) == cycles


def test_a_cycle_is_described_by_its_imports() -> None:
    graph = import_graph(
        [("p.a", "\n\nfrom p.b import x", False), ("p.b", "def f():\n    import p.a", False)]
    )
    assert describe_cycle(["p.a", "p.b"], graph) == (
        "  p.a (line 3) imports p.b\n  p.b (line 2) imports p.a"
    )


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
            "from kinerja_desktop.services.staff.service import StaffService\n"
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
            "kinerja_desktop.services.platform.startup",
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
            "from kinerja_desktop.services.platform.seals import seal_unlogged_in\n"
            "from kinerja_desktop.data.schema import Base\n"
            "from kinerja_desktop.domain.staff import UnitKind",
        ),
    ],
)
def test_demo_rules_allow_the_cli_the_first_start_and_the_demo_itself(
    module: str, source: str
) -> None:
    assert violations(source, module, rules=DEMO_RULES) == []


# --- the rooms: every capability one package ------------------------------------------------

#: The only modules directly in services/ and ui/: what binds the capabilities together (the
#: composition root, the GUI shell). Everything else lives in its capability's package.
TOP_LEVEL_MODULES = {
    f"{PACKAGE}.services": frozenset({"app_services"}),
    f"{PACKAGE}.ui": frozenset(
        {
            "application",
            "main_window",
            "first_start",
            "self_check",
            "clock",
            "common",
            "events",
            "workers",
            "warning_banner",
            "units",
        }
    ),
}


def loose_modules(modules: Iterable[tuple[str, bool]]) -> list[str]:
    """Modules (not packages) lying directly in services/ or ui/ outside the shell.

    Args:
        modules: (dotted name, is a package's ``__init__``) of every module.
    """
    loose = []
    for name, is_package in modules:
        layer, _, leaf = name.rpartition(".")
        if not is_package and layer in TOP_LEVEL_MODULES and leaf not in TOP_LEVEL_MODULES[layer]:
            loose.append(name)
    return sorted(loose)


def test_every_capability_lives_in_its_package() -> None:
    names = {module.name for module in MODULES}
    for layer, allowed in TOP_LEVEL_MODULES.items():
        assert {f"{layer}.{leaf}" for leaf in allowed} <= names, "a listed shell module is gone"
    found = loose_modules((module.name, module.is_package) for module in MODULES)
    assert not found, "move these into their capability's package:\n" + "\n".join(found)


def test_a_loose_module_is_found() -> None:
    assert loose_modules(
        [
            (f"{PACKAGE}.services", True),
            (f"{PACKAGE}.services.app_services", False),
            (f"{PACKAGE}.services.journal_service", False),
            (f"{PACKAGE}.services.staff", True),
            (f"{PACKAGE}.services.staff.service", False),
            (f"{PACKAGE}.ui.main_window", False),
            (f"{PACKAGE}.ui.home_page", False),
            (f"{PACKAGE}.ui.home.page", False),
            (f"{PACKAGE}.cli.office", False),
        ]
    ) == [f"{PACKAGE}.services.journal_service", f"{PACKAGE}.ui.home_page"]
