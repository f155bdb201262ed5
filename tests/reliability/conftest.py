"""Fixtures for the reliability tests (helpers live in _reliability.py)."""

from __future__ import annotations

import os
import random

import pytest


@pytest.fixture
def rng() -> random.Random:
    """Seeded kill moments (CHRONOLOGUE_KILL_SEED picks others); timing still varies by load."""
    return random.Random(int(os.environ.get("CHRONOLOGUE_KILL_SEED", "8")))
