"""Allow `python -m kinerja_desktop`."""

import multiprocessing

from kinerja_desktop.cli import main

# Batch printing spawns worker processes; multiprocessing does not run a package's __main__
# in them, and freeze_support is a no-op outside a frozen program.
multiprocessing.freeze_support()
raise SystemExit(main())
