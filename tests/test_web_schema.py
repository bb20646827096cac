"""Schemathesis over /openapi.json: every operation, a bounded number of generated requests,
no 5xx and every response as the schema describes it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings

from newsgraph.web import create_app
from tests.web_samples import build_corpus, fake_analyse

# Built at collection (schemathesis reads the schema from the app to make the tests); the
# folder goes when the session ends.
FOLDER = tempfile.TemporaryDirectory(prefix="newsgraph-schema-")


def _app() -> FastAPI:
    folder = Path(FOLDER.name)
    return create_app(build_corpus(folder / "corpus.db"), fake_analyse, time_limit=5.0)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_answers_as_described(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS)
