"""`newsgraph eval time`. STUB: filled in by the time issue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.errors import EvaluationError


class Report:
    def render(self) -> str:
        return ""

    def to_dict(self) -> dict[str, Any]:
        return {}


def evaluate_time(folder: Path, *, model: str | None = None) -> Report:
    raise EvaluationError(f"{folder}: newsgraph eval time is not implemented yet")
