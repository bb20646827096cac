"""Shared test fixtures: the development data in ../shared and the spaCy model."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
SEED = "seed/nato-afghanistan-2021-06-01"


def shared_path(*parts: str) -> Path:
    """A path in ../shared; skips the test visibly when it is missing, fails under CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is missing: the shared development data is not beside the repo"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this is a failure, not a skip)")
        pytest.skip(message)
    return path


@pytest.fixture
def shared() -> Callable[..., Path]:
    return shared_path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The real spaCy pipeline with newsgraph's components, loaded once per test session."""
    from newsgraph.pipeline import default_extractor

    return default_extractor().nlp  # the pipeline the module-level functions use
