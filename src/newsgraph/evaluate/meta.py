"""`newsgraph eval meta`. STUB: filled in by the meta issue."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.errors import EvaluationError


class Report:
    def render(self) -> str:
        return ""

    def to_dict(self) -> dict[str, Any]:
        return {}


def evaluate_meta(folder: Path, *, model: str | None = None) -> Report:
    raise EvaluationError(f"{folder}: newsgraph eval meta is not implemented yet")
