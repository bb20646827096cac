"""`newsgraph eval` and `newsgraph train`: scores and training on public development data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import click

from newsgraph.errors import NewsgraphError
from newsgraph.settings import help_text

# The options every evaluation and training command shares.
json_option = click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON.")
model_option = click.option("--model", default=None, help=help_text("spacy_model"))


def cache_option(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The --cache option of a training command: a folder that keeps `what`."""
    return click.option(
        "--cache",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Folder to keep {what} in, so that a second run skips parsing.",
    )


@click.group("eval")
def eval_group() -> None:
    """Score newsgraph on public development data (see docs/evaluation.md)."""


@eval_group.command("quotes")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
@model_option
def eval_quotes(folder: Path, as_json: bool, model: str | None) -> None:
    """Attribution scores on a folder in PolNeAR's layout (text/, attributions/).

    Example: newsgraph eval quotes ../shared/data/polnear/data/dev
    """
    from newsgraph.evaluate.quotes import evaluate_quotes

    _print_report(lambda: evaluate_quotes(folder, model=model), as_json)


@eval_group.command("time")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
@model_option
def eval_time(folder: Path, as_json: bool, model: str | None) -> None:
    """TempEval-3 Task A scores on TimeML files (*.tml), per corpus folder.

    Example: newsgraph eval time ../shared/data/timebank/data/TBAQ-cleaned
    """
    from newsgraph.evaluate.time import evaluate_time

    _print_report(lambda: evaluate_time(folder, model=model), as_json)


@eval_group.command("meta")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
def eval_meta(folder: Path, as_json: bool) -> None:
    """HTML metadata (title, byline, date) against expected values, beside trafilatura's.

    Example: newsgraph eval meta ../shared/data/readability-pages/test/test-pages
    """
    from newsgraph.evaluate.meta import evaluate_meta

    _print_report(lambda: evaluate_meta(folder), as_json)


@eval_group.group("coref")
def coref_group() -> None:
    """Coreference scores: pronouns and descriptions as mentions of the right entity."""


@coref_group.command("gap")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@json_option
@model_option
def eval_coref_gap(file: Path, as_json: bool, model: str | None) -> None:
    """GAP's F1 (overall, masculine, feminine) and bias F/M on a GAP TSV file.

    Example: newsgraph eval coref gap ../shared/data/gap/gap-validation.tsv
    """
    from newsgraph.evaluate.gap import evaluate_gap

    _print_report(lambda: evaluate_gap(file, model=model), as_json)


@coref_group.command("gum")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
@model_option
def eval_coref_gum(folder: Path, as_json: bool, model: str | None) -> None:
    """Pronoun and description accuracy, MUC and B³ on GUM's CoNLL coreference files.

    Example: newsgraph eval coref gum ../shared/data/gum/dev
    """
    from newsgraph.evaluate.gum import evaluate_gum

    _print_report(lambda: evaluate_gum(folder, model=model), as_json)


@click.group("train")
def train_group() -> None:
    """Train newsgraph's learned components on development data."""


@train_group.command("cues")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the model (the shipped one: src/newsgraph/nlp/models/cues-en.json.gz).",
)
@click.option("--folds", type=click.IntRange(min=2), default=5, help="Cross-validation folds.")
@cache_option("the parses")
@json_option
@model_option
def train_cues(
    folder: Path, out: Path, folds: int, cache: Path | None, as_json: bool, model: str | None
) -> None:
    """Fit the cue scorer on a folder in PolNeAR's layout; thresholds by cross-validation.

    Example: newsgraph train cues ../shared/data/polnear/data/train --out cues.json.gz
    """
    from newsgraph.train.cues import train_cues as train

    _print_report(lambda: train(folder, out, model=model, folds=folds, cache=cache), as_json)


class _Report(Protocol):
    def render(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...


def _print_report(evaluate: Callable[[], _Report], as_json: bool) -> None:
    try:
        report = evaluate()
    except NewsgraphError as error:
        raise click.ClickException(str(error)) from error
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.render())


@train_group.command("coref")
@click.argument("gap", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("gum", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the ranker (the shipped one: src/newsgraph/nlp/models/coref-en.json.gz).",
)
@click.option("--rounds", type=click.IntRange(min=1), default=3, help="Collect-and-fit rounds.")
@click.option(
    "--nested", is_flag=True, help="Also the whole training held out, fold by fold (5x slower)."
)
@cache_option("the GAP parses")
@json_option
def train_coref(
    gap: Path, gum: Path, out: Path, rounds: int, nested: bool, cache: Path | None, as_json: bool
) -> None:
    """Fit the coreference ranker on GAP development and GUM train (its CC-BY genres only);
    the threshold by cross-validation on them.

    Example: newsgraph train coref gap-development.tsv gum/train --out coref.json.gz
    """
    from newsgraph.train.coref import train_coref as train

    _print_report(lambda: train(gap, gum, out, cache=cache, rounds=rounds, nested=nested), as_json)
