"""Every setting and every CLI command is documented in the README."""

from __future__ import annotations

import json

import click

from newsgraph.cli import cli
from newsgraph.records import Article
from newsgraph.settings import VARIABLES, markdown_table
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _command_paths(group: click.Group, prefix: str = "") -> list[str]:
    paths: list[str] = []
    for name, command in group.commands.items():
        path = f"{prefix}{name}"
        if isinstance(command, click.Group):
            paths += _command_paths(command, path + " ")
        else:
            paths.append(path)
    return paths


def test_every_setting_is_documented() -> None:
    for setting in VARIABLES:
        assert f"`{setting}`" in README, setting
    assert markdown_table() in README  # the README's table is the settings table


def test_every_command_is_documented_with_an_example() -> None:
    for path in _command_paths(cli):
        assert f"newsgraph {path}" in README, path
        command: click.Command = cli
        for part in path.split():
            assert isinstance(command, click.Group)
            command = command.commands[part]
        assert "Example:" in (command.help or ""), path


def test_readme_gives_the_two_setup_commands_first() -> None:
    first_screen = "\n".join(README.splitlines()[:20])
    assert "make run" in first_screen and "make test" in first_screen


def test_record_example_in_the_docs_is_consistent() -> None:
    text = (REPO / "docs" / "record.md").read_text(encoding="utf-8")
    example = json.loads(text.split("```json\n", 1)[1].split("```", 1)[0])
    body = example["body"]
    spans = [m for e in example["entities"] for m in e["mentions"]]
    for quote in example["quotes"]:
        spans += [quote, quote["cue"], quote["speaker"]["mention"]]
    spans += example["times"] + example["timeline"]
    for span in spans:
        assert body[span["start"] : span["end"]] == span["text"], span
    assert Article.from_dict(example).to_dict() == example  # every field, and only those
