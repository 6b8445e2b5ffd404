"""Entry point of the PyInstaller build: the same ``main`` as the ``kinerja-desktop`` script."""

import multiprocessing
import sys

from kinerja_desktop.cli import main

if __name__ == "__main__":
    # A batch prints with worker processes (spawned): in the frozen program a worker starts as
    # this executable, and freeze_support turns that start into the worker, not a second app.
    multiprocessing.freeze_support()
    sys.exit(main())
