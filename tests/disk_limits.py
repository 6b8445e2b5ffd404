"""A full disk without root: the file-size limit (RLIMIT_FSIZE) makes writes past it fail.

With SIGXFSZ ignored, a write that would grow any file past the limit fails with EFBIG, as a
write on a full disk fails with ENOSPC: SQLite reports "disk I/O error", Python an OSError.
Reading, renaming and deleting still work, as they do on a full disk.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

#: Room for a lock file (about 100 bytes) but not for SQLite's 32 KiB -shm file.
NEARLY_FULL = 4096
#: Not even a lock file fits.
FULL = 0


def _limit(size: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))


@contextmanager
def file_size_limit(size: int) -> Iterator[None]:
    """Within the block no file of this process may grow past ``size`` bytes."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.getsignal(signal.SIGXFSZ)
    _limit(size)
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def run_cli_on_full_disk(argv: Sequence[str], size: int) -> subprocess.CompletedProcess[str]:
    """Run ``kinerja-desktop ARGV`` in a process whose files cannot grow past ``size`` bytes."""
    code = "import sys; from kinerja_desktop.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *argv],
        preexec_fn=lambda: _limit(size),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=120,
        check=False,
    )
