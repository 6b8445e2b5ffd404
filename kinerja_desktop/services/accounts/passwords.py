"""Password hashes: Argon2id (argon2-cffi), with a constant-time check.

argon2-cffi's defaults are RFC 9106's low-memory profile (64 MiB, 3 passes, 4 lanes): well
above OWASP's minimum (19 MiB, 2 passes) and about 0.15 s on an old office PC, once per sign-in.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

#: The hasher every account uses; `check_needs_rehash` upgrades old hashes at the next sign-in.
HASHER = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """A hash to check against when the user name is unknown.

    So a wrong name takes as long as a wrong password, and the timing does not tell which
    names exist.
    """
    return HASHER.hash("kinerja-desktop-no-such-account-2026")


def hash_password(password: str, hasher: PasswordHasher = HASHER) -> str:
    return hasher.hash(password)


def verify_password(stored_hash: str, password: str, hasher: PasswordHasher = HASHER) -> bool:
    """True when ``password`` matches; a damaged or foreign hash counts as a mismatch."""
    try:
        return hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def burn_time(password: str, hasher: PasswordHasher = HASHER) -> None:
    """Spend what a real check costs (for an unknown user name)."""
    verify_password(_dummy_hash(), password, hasher)


def needs_rehash(stored_hash: str, hasher: PasswordHasher = HASHER) -> bool:
    try:
        return hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True
