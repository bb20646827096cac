"""The Doc extension attributes newsgraph's components read and write.

Components store plain records (`newsgraph.records`) with character offsets into `doc.text`,
so that turning a Doc into an `Analysis` copies values and no spaCy object leaves `nlp/`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

EXTENSIONS: dict[str, Any] = {
    "ng_published": None,  # the publication date relative times resolve against (input)
    "ng_entities": (),  # tuple[Entity, ...], written by newsgraph_entities, newsgraph_coref
    "ng_times": (),  # tuple[Time, ...], written by newsgraph_times
    "ng_timeline": (),  # tuple[TimelineEntry, ...], written by newsgraph_times
    "ng_quotes": (),  # tuple[Quote, ...], written by newsgraph_quotes
}


def register_extensions() -> None:
    """Register the extensions once; safe to call again."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
