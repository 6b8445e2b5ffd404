"""The command line's exit codes are defined once, in `kinerja_desktop.cli.exit_codes`."""

from __future__ import annotations

import ast
from pathlib import Path

from kinerja_desktop.cli import exit_codes

PACKAGE_DIR = Path(exit_codes.__file__).resolve().parents[1]
HOME = Path(exit_codes.__file__).resolve()


def _exit_code_assignments(path: Path) -> list[str]:
    """The ``EXIT_*`` names a module assigns at any level."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else [node.target]
            if isinstance(node, ast.AnnAssign)
            else []
        )
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id.startswith("EXIT_")]
    return names


def test_exit_codes_are_defined_in_one_module_only() -> None:
    elsewhere = {
        str(path.relative_to(PACKAGE_DIR)): found
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
        if path != HOME and (found := _exit_code_assignments(path))
    }
    assert elsewhere == {}


def test_the_codes_keep_their_numbers() -> None:
    # Scripts of offices test these numbers; they never change.
    assert (
        exit_codes.EXIT_OK,
        exit_codes.EXIT_STORAGE,
        exit_codes.EXIT_INPUT,
        exit_codes.EXIT_MISMATCH,
    ) == (0, 1, 2, 3)
