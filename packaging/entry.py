"""Entry point of the PyInstaller build: the same ``main`` as the ``kinerja-desktop`` script."""

import sys

from kinerja_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
