"""Before `make run` on Linux/X11: name the system libraries Qt's xcb plugin cannot find.

Without them Qt stops with "Could not load the Qt platform plugin "xcb"", which names none of
them. This runs ``ldd`` on the plugin shipped in PySide6 and prints the apt command that installs
what is missing. Exit code 1 when something is missing, 0 otherwise (and on other systems).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

#: Debian/Ubuntu packages of the libraries PySide6's libqxcb.so links (checked with ldd).
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reported as not found, in its order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def advice(missing: list[str]) -> str:
    """What to tell the user: the missing libraries and the apt command that installs them."""
    packages = [DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES]
    unknown = [name for name in missing if name not in DEBIAN_PACKAGES]
    lines = [
        "Qt tidak dapat membuka jendela di X11: pustaka sistem berikut belum terpasang:",
        *(f"  {name}" for name in missing),
    ]
    if packages:
        lines += ["Pasang dengan:", f"  sudo apt-get install {' '.join(packages)}"]
    if unknown:
        lines.append(f"Cari paket yang memuat {', '.join(unknown)} di distribusi Anda.")
    return "\n".join(lines)


def xcb_plugin() -> Path | None:
    """PySide6's X11 platform plugin, or None when PySide6 or the plugin is not there."""
    try:
        import PySide6  # only needed here, after the platform checks
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def main() -> int:
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if not sys.platform.startswith("linux") or not (chosen or "xcb").startswith("xcb"):
        return 0
    if chosen is None and os.environ.get("WAYLAND_DISPLAY"):
        return 0  # Qt takes its Wayland plugin in a Wayland session
    if not os.environ.get("DISPLAY"):
        return 0  # no X server (Wayland without XWayland, a console): Qt will say so itself
    plugin = xcb_plugin()
    if plugin is None:
        return 0
    try:
        result = subprocess.run(
            ["ldd", str(plugin)], capture_output=True, text=True, check=False, timeout=30
        )
    except (OSError, subprocess.TimeoutExpired):
        return 0  # no ldd: let Qt try
    missing = missing_libraries(result.stdout)
    if not missing:
        return 0
    sys.stderr.write(advice(missing) + "\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
