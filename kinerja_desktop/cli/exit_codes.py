"""The exit codes of every `kinerja-desktop` command, defined once."""

from __future__ import annotations

#: Done.
EXIT_OK = 0
#: The database file cannot be used (damaged, missing, in use, not writable); it is left as it was.
EXIT_STORAGE = 1
#: The input or the arguments are wrong; nothing was written.
EXIT_INPUT = 2
#: ``verify``: the printed sheet no longer matches the records, or its signature is not the key's.
EXIT_MISMATCH = 3
