"""Shared fixtures: reference data from ../shared (skipped when absent) and a fresh registry."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(relative: str) -> Path:
    """A file under ../shared, or skip the test with the reason it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"reference data not present: {path} (only in the Vigil workplace)")
    return path


@pytest.fixture
def seed_article() -> Path:
    return shared_path("seed/stalin-plans-wholesale-persecution-1936.txt")


@pytest.fixture
def memorial_notes() -> Path:
    return shared_path("data/memorial-notes/notes.txt.gz")
