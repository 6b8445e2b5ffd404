"""`--db` is the main help's option: written before the command or after it, it means the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.cli.exit_codes import EXIT_INPUT, EXIT_OK


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_the_file_may_be_named_before_or_after_the_command(
    tmp_path: Path, before: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kantor.sqlite"
    db = ["--db", str(path)]
    command = ["demo", "--employees", "5"]
    assert main([*db, *command] if before else [*command, *db]) == EXIT_OK
    assert path.exists()

    assert main([*db, "check"] if before else ["check", *db]) == EXIT_OK
    assert "Versi skema" in capsys.readouterr().out


def test_the_command_named_last_wins(tmp_path: Path) -> None:
    assert (
        main(
            [
                "--db",
                str(tmp_path / "a.sqlite"),
                "demo",
                "--db",
                str(tmp_path / "b.sqlite"),
                "--employees",
                "3",
            ]
        )
        == EXIT_OK
    )
    assert (tmp_path / "b.sqlite").exists() and not (tmp_path / "a.sqlite").exists()


@pytest.mark.parametrize(
    "command",
    [["demo"], ["check"], ["backup", "--to", "x"], ["print", "--year", "2026", "--out", "x"]],
)
def test_a_command_that_needs_a_file_says_so(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(command)
    assert raised.value.code == EXIT_INPUT
    err = capsys.readouterr().err
    assert f"kinerja-desktop {command[0]}" in err
    assert "argumen berikut wajib diisi: --db" in err
