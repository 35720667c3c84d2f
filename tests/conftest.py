"""Shared test helpers: where the project and the shared spec folder are."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """``../shared`` beside the checkout (override with REFUSJON_SHARED)."""
    return Path(os.environ.get("REFUSJON_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "cases" / "claims.jsonl").is_file():
        pytest.fail(f"the shared spec folder is missing: expected {path}/cases/claims.jsonl")
    return path


@pytest.fixture(autouse=True)
def english_by_default() -> Iterator[None]:
    """Messages outside a request are read in English unless a test asks for bokmål (a
    request picks its own language, as the site does)."""
    from django.utils import translation

    with translation.override("en"):
        yield


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``postgresql`` are left out (deselected) when the run is on SQLite: make
    test's PostgreSQL pass runs them."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    elsewhere = [item for item in items if item.get_closest_marker("postgresql")]
    if elsewhere:
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]
