"""Registers newsgraph's spaCy components (by importing their modules) and Doc extensions."""

from __future__ import annotations

from newsgraph.nlp.extensions import register_extensions


def register() -> None:
    # Importing a component module runs its @Language.factory decorator: once per process.
    from newsgraph.nlp.coref import component as coref  # noqa: F401
    from newsgraph.nlp.entities import component as entities  # noqa: F401
    from newsgraph.nlp.quotes import component as quotes  # noqa: F401
    from newsgraph.nlp.times import component as times  # noqa: F401

    register_extensions()
