"""Errors raised by the rules, carrying a message a user can act on (in Indonesian)."""

from __future__ import annotations


class DomainError(Exception):
    """A rule was broken; `message` is shown to the user as it is.

    Attributes:
        message: What went wrong and what to do, in Indonesian.
        field: The name of the input the message belongs to, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationError(DomainError):
    """One input value is not acceptable."""


class ValidationErrors(DomainError):  # noqa: N818 - a collection of ValidationError
    """Several inputs failed at once; each keeps its own field."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        """Return the first message for each field, for showing next to the inputs."""
        result: dict[str, str] = {}
        for error in self.errors:
            result.setdefault(error.field or "", error.message)
        return result


class StorageError(DomainError):
    """The database file cannot be used as it is (missing, damaged, too new, not ours).

    The file has been left exactly as it was; ``message`` says why in Indonesian.
    """


class ReadOnlyError(StorageError):
    """The file was opened read-only, so the change was refused; nothing was written."""


class LockedError(StorageError):
    """Another copy of the app (or a command) is writing to the same file; we did not open it.

    ``stale`` is True when the lock looks abandoned (its process is gone or it is old) and the
    user may take it over after confirming.
    """

    def __init__(self, message: str, *, stale: bool = False) -> None:
        super().__init__(message)
        self.stale = stale


class StaleEditError(DomainError):
    """The record changed since it was read; the edit was refused rather than overwrite it."""


class NotFoundError(DomainError):
    """A record that the action needs does not exist (any more)."""
