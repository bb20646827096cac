"""Parsed docs for training: the pipeline's own parse, cached on disk when asked.

Training the cue scorer reads the same parse the quote step sees at run time (the
paragraph component, the parser, newsgraph's entities and times). The slow part, spaCy's
own components, can be kept in a DocBin under `cache`, named by a hash of the model and the
texts; newsgraph's components run again on load (they are fast, and their records are not
what a DocBin stores).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc, DocBin

from newsgraph.nlp.model import COMPONENTS, build_pipeline, resolve_model_name
from newsgraph.progress import track_on_stderr
from newsgraph.settings import NO_CUE_MODEL, load_settings

BATCH_SIZE = 16


def parse_texts(
    texts: Sequence[str],
    *,
    model: str | None = None,
    cache: Path | None = None,
    skip: Iterable[str] = (),
) -> list[Doc]:
    """The docs of `texts` through the pipeline, without the components named in `skip`."""
    # The quote component runs without the learned scorer: training scores words itself.
    settings = load_settings(spacy_model=model, cue_model=NO_CUE_MODEL)
    nlp = build_pipeline(settings)
    path = _cache_path(cache, resolve_model_name(settings.spacy_model), texts) if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(
            track_on_stderr(
                nlp.pipe(texts, batch_size=BATCH_SIZE, disable=list(COMPONENTS)),
                len(texts),
                "parsing",
            )
        )
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs, store_user_data=False).to_disk(path)
    skipped = set(skip)
    for name in COMPONENTS:
        if name not in skipped:
            component = nlp.get_pipe(name)
            docs = [component(doc) for doc in docs]
    return docs


def _cache_path(cache: Path, model: str, texts: Sequence[str]) -> Path:
    digest = hashlib.sha256(model.encode())
    for text in texts:
        digest.update(hashlib.sha256(text.encode()).digest())
    return cache / f"parses-{digest.hexdigest()[:16]}.spacy"
