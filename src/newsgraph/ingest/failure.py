"""An input, or part of one, that did not become an article: what, at which stage, and why.

Failures travel in the same stream as documents, so that one bad input never stops the others;
the batch runner writes each as one line of the errors file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from newsgraph.errors import InputError

Stage = Literal["read", "fetch", "parse", "extract"]


@dataclass(frozen=True, slots=True)
class Failure:
    input: str  # the path, URL, "-", or a part of one ("feed.xml#3", "items.jsonl:12")
    stage: Stage  # read: bytes or text; fetch: a URL; parse: the format; extract: the pipeline
    reason: str

    @classmethod
    def from_error(cls, error: InputError, stage: Stage) -> Failure:
        return cls(input=error.source, stage=stage, reason=error.reason)

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "stage": self.stage, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.input}: {self.reason} ({self.stage})"
