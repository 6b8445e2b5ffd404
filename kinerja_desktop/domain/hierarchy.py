"""Rules about the supervisor chain (who appraises whom)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

#: A chain longer than this is treated as broken data rather than walked forever.
MAX_CHAIN = 1000


def supervisor_cycle(
    employee: K, proposed_penilai: K | None, penilai_of: Callable[[K], K | None]
) -> list[K] | None:
    """Return the loop that giving ``employee`` this penilai would close, or None.

    Walks up from the proposed penilai; reaching ``employee`` again means a cycle such as
    A appraises B, B appraises A. The returned list starts and ends with ``employee``.
    """
    if proposed_penilai is None:
        return None
    chain = [employee]
    current: K | None = proposed_penilai
    seen: set[K] = set()
    while current is not None and len(chain) <= MAX_CHAIN:
        chain.append(current)
        if current == employee:
            return chain
        if current in seen:
            return None  # a loop above us that does not pass through employee
        seen.add(current)
        current = penilai_of(current)
    return None


def subtree(parents: Iterable[tuple[K, K | None]], top: K) -> frozenset[K]:
    """``top`` and everything below it, from (node, parent) pairs (e.g. the unit tree).

    A cycle in broken data is walked once, not forever.
    """
    children: dict[K | None, list[K]] = {}
    for node, parent in parents:
        children.setdefault(parent, []).append(node)
    found, stack = {top}, [top]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return frozenset(found)
