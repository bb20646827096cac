"""newsgraph: who said what, about whom, when and where, as structured records.

import newsgraph
article = newsgraph.extract(text, published="2021-06-01")
article.to_dict()

with newsgraph.Extractor(newsgraph.load_settings(spacy_model="en_core_web_sm")) as extractor:
    for article in extractor.extract_many(texts): ...
"""

from __future__ import annotations

import logging

from newsgraph._version import __version__
from newsgraph.errors import (
    EvaluationError,
    InputError,
    ModelError,
    NewsgraphError,
)
from newsgraph.pipeline import Extractor, extract, extract_documents, extract_many
from newsgraph.records import (
    Article,
    Document,
    Entity,
    Failure,
    Mention,
    Metadata,
    Quote,
    Span,
    Speaker,
    Time,
    TimelineEntry,
)
from newsgraph.settings import Settings, load_settings

__all__ = [
    "Article",
    "Document",
    "Entity",
    "EvaluationError",
    "Extractor",
    "Failure",
    "InputError",
    "Mention",
    "Metadata",
    "ModelError",
    "NewsgraphError",
    "Quote",
    "Settings",
    "Span",
    "Speaker",
    "Time",
    "TimelineEntry",
    "__version__",
    "extract",
    "extract_documents",
    "extract_many",
    "load_settings",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
