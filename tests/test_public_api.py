"""The public API is small and pinned: changing it is a deliberate act."""

from __future__ import annotations

import subprocess
import sys

import newsgraph

PUBLIC = [
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
    "Speaker",
    "Span",
    "Time",
    "TimelineEntry",
    "__version__",
    "extract",
    "extract_documents",
    "extract_many",
    "load_settings",
]


def test_public_names_are_pinned() -> None:
    assert sorted(newsgraph.__all__) == sorted(PUBLIC)
    for name in PUBLIC:
        assert hasattr(newsgraph, name), name


def test_errors_form_one_hierarchy() -> None:
    for name in ("InputError", "ModelError", "EvaluationError"):
        assert issubclass(getattr(newsgraph, name), newsgraph.NewsgraphError)


def _modules_loaded_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(output.split())


def test_importing_newsgraph_does_not_load_spacy() -> None:
    assert "spacy" not in _modules_loaded_by("import newsgraph, newsgraph.cli")


def test_store_and_web_import_without_spacy() -> None:
    loaded = _modules_loaded_by("import newsgraph.store, newsgraph.web, newsgraph.records")
    assert "spacy" not in loaded
