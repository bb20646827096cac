"""What the extract stage gives for every input, scraped text or HTML: metadata and a body."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.records import Metadata


@dataclass(frozen=True, slots=True)
class Page:
    metadata: Metadata  # `language` is left None: the pipeline detects it on the body
    body: str  # paragraphs separated by exactly "\n\n" (`newsgraph.text`)
