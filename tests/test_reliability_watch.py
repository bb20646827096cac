"""Issue #15, the time limit of one document among others: `PipeWatch` charges the time of a
chain of stages (as spaCy chains its components) to the item at work, and `time_limit` asks it
when the time is up. Chains of plain items and sleeping stages: no model; nothing is timed
(the sleeps only make one item slower than the rest). See docs/reliability.md."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest

from newsgraph.nlp.watch import PipeWatch, Stage
from newsgraph.scale.limits import DocumentTimeout, time_limit

FOREVER = 60.0  # seconds: an item that never ends, as far as a test can tell


def _one_at_a_time(
    slow: dict[int, float], wait: Callable[[float], None] = time.sleep
) -> Stage[int]:
    """A stage working on one item at a time, waiting `slow[item]` seconds on it."""

    def stage(items: Iterator[int]) -> Iterator[int]:
        for item in items:
            wait(slow.get(item, 0.0))
            yield item

    return stage


def _spin(seconds: float) -> None:
    """Wait in Python code, where a timeout raised from another thread reaches."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def _in_batches(size: int, slow: float = 0.0) -> Stage[int]:
    """A stage taking `size` items in, sleeping `slow` seconds on each batch."""

    def stage(items: Iterator[int]) -> Iterator[int]:
        batch: list[int] = []
        for item in items:
            batch.append(item)
            if len(batch) == size:
                time.sleep(slow)
                yield from batch
                batch = []
        yield from batch

    return stage


def _run(watch: PipeWatch, limit: float, stages: list[Stage[int]], count: int) -> list[int]:
    """The items that got through before the limit (or all of them)."""
    finished: list[int] = []
    try:
        with time_limit(limit, lambda: watch.time_left(limit)):
            finished.extend(watch.chain(range(count), stages))
    except DocumentTimeout:
        pass
    return finished


@pytest.mark.parametrize("where", ["before a batch stage", "after it"])
def test_the_item_whose_own_time_is_up_is_named(where: str) -> None:
    # Before a stage on batches, the items ahead of the slow one wait in its batch, unfinished:
    # the slow one is still the one at work.
    slow = _one_at_a_time({3: FOREVER})
    stages = [slow, _in_batches(8)] if where == "before a batch stage" else [_in_batches(8), slow]
    watch = PipeWatch()
    finished = _run(watch, 0.3, stages, 6)
    assert watch.out_of_time == 3
    assert finished == ([] if where == "before a batch stage" else [0, 1, 2])


def test_the_time_of_the_others_is_not_the_items() -> None:
    # Four items of 0.15 s each, a limit of 0.3 s: together past it, each well within it.
    watch = PipeWatch()
    slow = _one_at_a_time(dict.fromkeys(range(4), 0.15))
    assert _run(watch, 0.3, [_in_batches(4), slow], 4) == [0, 1, 2, 3]
    assert watch.out_of_time is None


def test_time_on_a_batch_is_shared_and_names_no_item() -> None:
    watch = PipeWatch()
    assert _run(watch, 0.2, [_in_batches(4, slow=FOREVER)], 4) == []
    assert watch.out_of_time is None  # which item of the batch is slow is not known


def test_items_are_named_by_the_labels_selected() -> None:
    # The caller passes on items 1, 4 and 6 of its own; the chain sees them as 0, 1, 2.
    watch = PipeWatch()
    watch.select([1, 4, 6])
    _run(watch, 0.2, [_one_at_a_time({1: FOREVER})], 3)
    assert watch.out_of_time == 4


def test_work_outside_the_chain_is_charged_to_its_item() -> None:
    watch = PipeWatch()
    with pytest.raises(DocumentTimeout), time_limit(0.2, lambda: watch.time_left(0.2)):
        with watch.working_on(0):
            time.sleep(0.05)
        with watch.working_on(1):
            time.sleep(FOREVER)
    assert watch.out_of_time == 1


def test_the_limit_moves_on_in_a_thread_too() -> None:
    # A Ray actor's calls run outside the main thread, where a timer raises the timeout.
    seen: dict[str, object] = {}

    def work() -> None:
        watch = PipeWatch()
        slow = _one_at_a_time({0: 0.15, 1: 0.15, 2: 0.15, 3: FOREVER}, _spin)
        seen["finished"] = _run(watch, 0.3, [slow], 5)
        seen["out of time"] = watch.out_of_time

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(FOREVER)
    assert seen == {"finished": [0, 1, 2], "out of time": 3}
