"""Fixtures for the reliability tests (helpers live in _reliability.py)."""

from __future__ import annotations

import os
import random

import pytest


@pytest.fixture
def rng() -> random.Random:
    """Seeded, so a failure can be replayed; the seed is in the test id via the env var."""
    return random.Random(int(os.environ.get("CHRONOLOGUE_KILL_SEED", "8")))
