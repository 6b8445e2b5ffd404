"""During a print batch the collector leaves the app's earlier objects alone, then resumes."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref
from collections.abc import Iterator

import pytest

from kinerja_desktop.services.platform.collector import SPARED_THRESHOLD, collector_spared


class Node:
    """An object that can be part of a reference cycle and be watched with a weak reference."""

    def __init__(self) -> None:
        self.other: Node | None = None


def lost_cycle() -> weakref.ref[Node]:
    """A two-node cycle nothing else refers to: only the cyclic collector can free it."""
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


@pytest.fixture(autouse=True)
def default_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    gc.unfreeze()  # whatever another test left set aside
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*thresholds)


def test_inside_the_block_earlier_objects_are_set_aside_and_young_walks_are_rarer() -> None:
    assert gc.get_freeze_count() == 0
    with collector_spared():
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (SPARED_THRESHOLD, 10, 10)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == (700, 10, 10)


def test_a_cycle_made_inside_the_block_is_still_collected_there() -> None:
    with collector_spared():
        watched = lost_cycle()
        gc.collect()
        assert watched() is None


def test_a_cycle_from_before_the_block_waits_until_it_ends() -> None:
    watched = lost_cycle()
    with collector_spared():
        gc.collect()
        assert watched() is not None
    gc.collect()
    assert watched() is None


def test_nested_blocks_end_with_the_outermost() -> None:
    with collector_spared():
        with collector_spared():
            pass
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == SPARED_THRESHOLD
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == (700, 10, 10)


def test_the_collector_is_as_before_after_an_error() -> None:
    with pytest.raises(RuntimeError), collector_spared():
        raise RuntimeError("boom")
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == (700, 10, 10)


def test_a_worker_process_stays_spared_after_any_block_it_runs() -> None:
    # Run apart: this sets the collector for the rest of its process.
    script = (
        "import gc\n"
        "from kinerja_desktop.services.platform.collector import "
        "collector_spared, spare_from_now\n"
        "spare_from_now()\n"
        "with collector_spared():\n"
        "    pass\n"
        "print(gc.get_freeze_count() > 0, gc.get_threshold()[0])\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.split() == ["True", str(SPARED_THRESHOLD)]
