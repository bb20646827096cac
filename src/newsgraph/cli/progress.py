"""A progress bar on stderr for batches: count, rate in articles per second, and ETA."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress
from rich.text import Text

from newsgraph.progress import Progress

MIN_RATE_SECONDS = 1.0  # below this, a rate is mostly the noise of the first article


class RateColumn(ProgressColumn):
    """Articles per second since the start: rich's recent-window speed divides a handful of
    articles by the milliseconds between two of them, and shows impossible rates on small
    batches (the model's batch finishes many at once)."""

    def render(self, task: Task) -> Text:
        skipped = int(task.fields.get("skipped", 0))
        speed = article_rate(task.completed, task.finished_time or task.elapsed, skipped=skipped)
        return Text(f"{speed:.1f} articles/s" if speed else "- articles/s", style="cyan")


def article_rate(completed: float, elapsed: float | None, *, skipped: int = 0) -> float | None:
    """Articles per second over the whole run, not counting the `skipped` ones (resumed or
    duplicate ids: thousands are skipped in a moment, and a rate with them in it jumps to
    thousands per second); None until a second has passed."""
    worked = completed - skipped
    if worked <= 0 or elapsed is None or elapsed < MIN_RATE_SECONDS:
        return None
    return worked / elapsed


class ProgressBar(Progress):
    """The batch's progress as a rich progress bar on stderr; a context manager."""

    def __init__(self, total: int | None, console: Console | None = None) -> None:
        self._bar = RichProgress(
            TextColumn("extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self._task = self._bar.add_task("extracting", total=total, skipped=0)

    def report(self, failure: object) -> None:
        """A failure on its own line above the bar; printed as is (no rich markup: reasons
        quote inputs, which may contain brackets)."""
        self._bar.console.print(f"newsgraph: error: {failure}", markup=False, highlight=False)

    def add_total(self, count: int) -> None:
        task = self._bar.tasks[0]
        if task.total is not None:
            self._bar.update(self._task, total=task.total + count)

    def advance(self, count: int = 1) -> None:
        task = self._bar.tasks[0]
        if task.total is not None and task.completed + count > task.total:
            # More documents than the estimate: grow the total rather than overflow the bar.
            self._bar.update(self._task, total=task.completed + count)
        self._bar.advance(self._task, count)

    def skip(self, count: int = 1) -> None:
        skipped = int(self._bar.tasks[0].fields.get("skipped", 0))
        self._bar.update(self._task, skipped=skipped + count)
        self.advance(count)

    def __enter__(self) -> ProgressBar:
        self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:  # done: the estimate gives way to the true count
            self._bar.update(self._task, total=self._bar.tasks[0].completed)
        self._bar.stop()
