"""The command line's small things: --version, defaults in --help, an honest rate."""

from __future__ import annotations

from click.testing import CliRunner

from newsgraph._version import __version__
from newsgraph.cli import cli
from newsgraph.cli.progress import article_rate
from newsgraph.settings import help_text


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_option_help_shows_the_default() -> None:
    assert "default: 1" in help_text("workers")
    assert "default: en_core_web_sm if installed" in help_text("spacy_model")
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert "NEWSGRAPH_TIME_LIMIT; default: 120.0" in " ".join(result.output.split())


def test_the_rate_is_over_the_whole_run() -> None:
    assert article_rate(3, 0.004) is None  # a burst of the model's batch: no rate yet
    assert article_rate(0, 10.0) is None
    assert article_rate(30, 10.0) == 3.0
    assert article_rate(5, None) is None
