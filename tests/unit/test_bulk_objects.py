"""A bulk load pauses the collector and freezes what it built, but not its garbage."""

from __future__ import annotations

import gc
import weakref

from desktop.ui.tasks import bulk_objects


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
