"""`newsgraph batch`: archives of shards into one Parquet dataset per table, on this
machine or on a Ray cluster (`newsgraph.batch.sharded.run_sharded`)."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path

import click

from newsgraph.batch.sharded import ENGINES, Engine, run_sharded
from newsgraph.cli.batch_options import dates_option, sidecar_dates
from newsgraph.cli.corpus import fail_clearly
from newsgraph.progress import Progress
from newsgraph.scale.ray_executor import BATCH_SIZE, RayOptions
from newsgraph.settings import help_text, load_settings


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, help="Output folder (a path, s3://, gs://...).")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True)
@click.option(
    "--address",
    default=None,
    help="The Ray cluster (--engine ray): auto or ray://HOST:PORT; default: start a Ray here.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help=help_text("workers") + " With --engine ray: the actors.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=BATCH_SIZE,
    show_default=True,
    help="Documents per Ray actor call.",
)
@click.option(
    "--actor-memory", type=click.IntRange(min=1), default=None, help="MB reserved per Ray actor."
)
@click.option("--model", default=None, help=help_text("spacy_model"))
@click.option(
    "--time-limit", type=click.FloatRange(min=0), default=None, help=help_text("time_limit")
)
@dates_option(" A shard finished with other dates (or none) is run again.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary on stderr.")
@fail_clearly
def batch(
    inputs: tuple[str, ...],
    out: str,
    engine: Engine,
    address: str | None,
    workers: int | None,
    batch_size: int,
    actor_memory: int | None,
    model: str | None,
    time_limit: float | None,
    dates: Path | None,
    quiet: bool,
) -> None:
    """Extract the WARC, JSON Lines or Parquet shards of INPUTS (files, folders, glob
    patterns; local or s3://, gs://) into OUT: a Parquet dataset per table (articles, quotes,
    entities, times, timeline, errors), a file per shard; finished shards are skipped.
    --dates FILE gives publication dates as for `newsgraph extract`.

    Example: newsgraph batch 'cc-news/*.warc.gz' --out out/ --engine ray --address auto
    """
    from newsgraph.cli.progress import ProgressBar

    # Read whole first: a malformed line is one error before any shard is read.
    publication_dates = sidecar_dates(dates)
    settings = load_settings(spacy_model=model, workers=workers, time_limit=time_limit)
    ray_options = RayOptions(address, settings.workers, batch_size, actor_memory)
    # On Ray, Ray Data shows its own progress.
    bar = None if quiet or engine == "ray" else ProgressBar(0)
    with bar if bar is not None else nullcontext():
        summary = run_sharded(
            inputs,
            out,
            settings,
            engine=engine,
            ray_options=ray_options,
            progress=bar or Progress(),
            dates=publication_dates,
        )
    if not quiet:
        click.echo(f"newsgraph: {summary.render()}", err=True)
    if summary.failures:
        sys.exit(1)
