"""The `newsgraph extract` contract of record v1: flags, stdin, JSON Lines in input order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli

BODY = "Ann Lee, the mayor of Port Elvin, said on Monday that the bridge would reopen.\n"
pytestmark = pytest.mark.model


def _run(nlp: Any, *args: str, stdin: str | None = None) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["extract", "--json", *args], input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_stdin_body_only_and_published(nlp: Any) -> None:
    [record] = _run(nlp, "--body-only", "--published", "2021-06-01", "-", stdin=BODY)
    assert record["body"] == BODY
    assert record["metadata"]["published"] == "2021-06-01"
    assert record["source"] == "-"


def test_json_lines_in_input_order(nlp: Any, tmp_path: Path) -> None:
    paths = []
    for index, place in enumerate(["Brussels", "Port Elvin", "Nordhaven"]):
        path = tmp_path / f"{index}.txt"
        path.write_text(f"The council of {place} met on Monday and voted for the plan.\n")
        paths.append(str(path))
    records = _run(nlp, *paths)
    assert [r["source"] for r in records] == paths
    assert all(r["schema"] == "newsgraph/article/v1" for r in records)


def test_readable_view_without_json(nlp: Any, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY)
    result = CliRunner().invoke(cli, ["extract", "--body-only", str(path)])
    assert result.exit_code == 0
    assert "language: en" in result.stdout
    assert "Ann Lee" in result.stdout


def test_bad_published_date_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["extract", "--published", "June 1", "-"], input=BODY)
    assert result.exit_code == 2
    assert "--published" in result.output
