"""`newsgraph eval quotes`. STUB: filled in by the quotes issue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.errors import EvaluationError


class Report:
    def render(self) -> str:
        return ""

    def to_dict(self) -> dict[str, Any]:
        return {}


def evaluate_quotes(folder: Path, *, model: str | None = None) -> Report:
    raise EvaluationError(f"{folder}: newsgraph eval quotes is not implemented yet")
