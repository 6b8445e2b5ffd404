"""`make run` names the X11 libraries Qt's xcb plugin lacks and the apt command to install them."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).parents[2] / "packaging" / "check_xcb.py"

#: What ldd printed for PySide6's libqxcb.so on a fresh Debian desktop (shortened).
FRESH_DESKTOP = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f12)
\tlibxkbcommon.so.0 => /lib/x86_64-linux-gnu/libxkbcommon.so.0 (0x00007f11)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f10)
"""


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_xcb", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_missing_libraries_are_read_from_ldd_once_each() -> None:
    check = _script()
    assert check.missing_libraries(FRESH_DESKTOP) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
    ]
    assert check.missing_libraries("\tlibxcb.so.1 => /lib/libxcb.so.1 (0x1)\n") == []


def test_the_advice_names_the_apt_packages() -> None:
    check = _script()
    text = check.advice(["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libfoo.so.9"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in text
    assert "libfoo.so.9" in text.splitlines()[-1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 libraries are Linux's")
def test_make_run_stops_with_the_apt_command_when_a_library_is_missing(tmp_path: Path) -> None:
    """The real script, with an ldd that reports what a fresh desktop lacks."""
    fake_ldd = tmp_path / "ldd"
    fake_ldd.write_text(f"#!/bin/sh\ncat <<'EOF'\n{FRESH_DESKTOP}EOF\n", encoding="utf-8")
    fake_ldd.chmod(0o755)
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}
    }
    environment |= {"PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}", "DISPLAY": ":0"}
    result = subprocess.run(
        [sys.executable, str(SCRIPT)],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in result.stderr
    # On a Wayland session, or with another platform chosen, there is nothing to check.
    for extra in ({"WAYLAND_DISPLAY": "wayland-0"}, {"QT_QPA_PLATFORM": "offscreen"}):
        quiet = subprocess.run(
            [sys.executable, str(SCRIPT)],
            env=environment | extra,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert (quiet.returncode, quiet.stderr) == (0, "")
