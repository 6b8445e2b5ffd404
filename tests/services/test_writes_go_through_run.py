"""Every service write goes through ``Database.run``, which retries one server conflict.

On PostgreSQL a write transaction runs SERIALIZABLE, and two users' writes that raced end one
of them with a serialization failure; ``Database.run`` runs the work once more on fresh data
before telling the user (issue 18). A write that opens ``Database.transaction()`` itself gets
no second attempt, so this test reads the services' source and fails on any
``<something>.transaction()`` call outside the list below, each with the reason it may not
run twice. A new write that bypasses ``run`` fails here, and so does an entry that no longer
matches a call (the list stays true).
"""

from __future__ import annotations

import ast
from pathlib import Path

import kinerja_desktop.services

SERVICES = Path(kinerja_desktop.services.__file__).parent

#: (file under services/, Class.method) -> why its write transaction may not run twice.
ALLOWED: dict[tuple[str, str], str] = {
    ("handover/service.py", "HandoverService.apply"): (
        "takes the safety backup and copies the package's evidence files inside the "
        "transaction: neither may be done twice"
    ),
}


def _transaction_calls() -> dict[tuple[str, str], list[int]]:
    """Each ``x.transaction()`` call in the services, by file and enclosing Class.method."""
    found: dict[tuple[str, str], list[int]] = {}
    for path in sorted(SERVICES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        relative = path.relative_to(SERVICES).as_posix()
        _visit(tree, [], relative, found)
    return found


def _visit(
    node: ast.AST, names: list[str], relative: str, found: dict[tuple[str, str], list[int]]
) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            _visit(child, [*names, child.name], relative, found)
            continue
        if (
            isinstance(child, ast.Call)
            and isinstance(child.func, ast.Attribute)
            and child.func.attr == "transaction"
            and not child.args
            and not child.keywords
        ):
            # Nested work functions belong to their method: Class.method, not Class.method.work.
            where = ".".join(names[:2]) if names else "<module>"
            found.setdefault((relative, where), []).append(child.lineno)
        _visit(child, names, relative, found)


def test_no_service_write_opens_its_own_transaction_outside_the_list() -> None:
    calls = _transaction_calls()
    unlisted = [
        f"services/{relative}:{lines[0]} {where}"
        for (relative, where), lines in calls.items()
        if (relative, where) not in ALLOWED
    ]
    assert not unlisted, (
        "These writes open Database.transaction() themselves and get no retry after a server "
        "conflict: write them as work for Database.run (see services/evaluation/service.py), "
        "or add them to ALLOWED with the reason they may not run twice:\n" + "\n".join(unlisted)
    )


def test_every_listed_exception_still_opens_a_transaction() -> None:
    calls = _transaction_calls()
    stale = [
        f"services/{relative} {where}"
        for relative, where in ALLOWED
        if (relative, where) not in calls
    ]
    assert not stale, "No longer open a transaction; remove them from ALLOWED:\n" + "\n".join(stale)


def test_the_scan_finds_a_transaction_call(tmp_path: Path) -> None:
    # The scan itself must see a call where one is (else the tests above could never fail).
    source = (
        "class S:\n"
        "    def save(self):\n"
        "        with self._db.transaction() as session:\n"
        "            pass\n"
        "        def work(session):\n"
        "            with self._db.transaction():\n"
        "                pass\n"
    )
    found: dict[tuple[str, str], list[int]] = {}
    _visit(ast.parse(source), [], "x.py", found)
    assert found == {("x.py", "S.save"): [3, 6]}
