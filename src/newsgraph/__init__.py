"""newsgraph: who said what, about whom, when and where, as structured records.

import newsgraph
article = newsgraph.extract(text, published="2021-06-01")
article.to_dict()
"""

from __future__ import annotations

import logging

from newsgraph.errors import (
    EvaluationError,
    InputError,
    ModelError,
    NewsgraphError,
)
from newsgraph.pipeline import extract, extract_documents, extract_many
from newsgraph.records import (
    Article,
    Document,
    Entity,
    Metadata,
    Quote,
    Span,
    Speaker,
    Time,
    TimelineEntry,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Document",
    "Entity",
    "EvaluationError",
    "InputError",
    "Metadata",
    "ModelError",
    "NewsgraphError",
    "Quote",
    "Span",
    "Speaker",
    "Time",
    "TimelineEntry",
    "__version__",
    "extract",
    "extract_documents",
    "extract_many",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
