"""A bulk load pauses the collector and freezes what it built, but not its garbage."""

from __future__ import annotations

import gc
import weakref

from desktop.ui.tasks import bulk_objects, freeze_survivors


class Node:
    """A record that refers to itself: only the cycle collector can free it."""

    def __init__(self) -> None:
        self.me = self


def test_cyclic_garbage_made_during_a_bulk_load_is_freed_not_frozen() -> None:
    try:
        with bulk_objects():
            assert not gc.isenabled()  # no collection passes while the records grow
            kept = [Node() for _ in range(3)]
            garbage = Node()
            gone = weakref.ref(garbage)
            del garbage
            assert gone() is not None  # a cycle: reference counting alone cannot free it
        assert gc.isenabled()  # collecting again after the load
        assert gone() is None
        assert gc.get_freeze_count() >= len(kept)  # what survived is frozen
        assert all(k.me is k for k in kept)
    finally:
        gc.unfreeze()


def test_between_two_files_the_garbage_is_freed_and_the_survivors_frozen() -> None:
    """So the collector's next full pass scans only what the next file makes."""
    gc.unfreeze()
    try:
        kept = [Node() for _ in range(3)]
        garbage = Node()
        gone = weakref.ref(garbage)
        del garbage
        before = gc.get_freeze_count()
        freeze_survivors()
        assert gone() is None  # the file's cyclic garbage is freed, not frozen
        assert gc.get_freeze_count() >= before + len(kept)
        assert not any(gc.is_tracked(k) and k in gc.get_objects() for k in kept)
    finally:
        gc.unfreeze()


def test_no_freezing_while_a_bulk_load_runs_on_another_thread() -> None:
    gc.unfreeze()
    try:
        with bulk_objects():
            garbage = Node()
            gone = weakref.ref(garbage)
            del garbage
            freeze_survivors()  # the load's own collection and freeze come at its end
            assert gone() is not None and gc.get_freeze_count() == 0
        assert gone() is None
    finally:
        gc.unfreeze()
