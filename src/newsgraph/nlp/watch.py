"""Which item a chain of lazy stages is working on, and how long each item has taken.

spaCy's `nlp.pipe` chains its components as generators over generators: a component that
works one Doc at a time takes a Doc, gives it on and only then takes the next, while one that
works on batches takes a batch, runs it and gives its Docs on one by one. So at any moment one
stage runs, and it holds the items it has taken in and not yet given on: one item, or a batch.
`PipeWatch.chain` builds such a chain and notes every hand-over, so that the time between two
hand-overs is charged to the one item being worked on, or, while a batch is (or nothing is),
to the time the items share. A time limit can then ask, when it is up, whose time it is
(`time_left`): the item at work may have had only a small part of it, its neighbours the rest.

Plain Python and no spaCy: the batch's worker (`newsgraph.scale`) makes one and reads it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
# One stage of a chain: it takes the items of the stage before it and gives them on.
Stage = Callable[[Iterator[T]], Iterator[T]]
# Less than this left of a limit counts as none (a timer set to 0 would never go off).
NO_TIME = 0.01


class PipeWatch:
    """The item being worked on, and the time charged to each item (by its label)."""

    def __init__(self) -> None:
        self.out_of_time: int | None = None  # the label whose time `time_left` found up
        self.shared = 0.0  # seconds charged to work on several items at once, or on none
        self._charged: dict[int, float] = defaultdict(float)
        self._labels: Sequence[int] | None = None  # None: an item's label is its position
        self._given: list[int] = []  # how many items each stage of the chain has given on
        self._stage: int | None = None  # the stage running now (None: outside the chain)
        self._single: int | None = None  # the item of `working_on`, outside the chain
        self._since = time.monotonic()  # the last hand-over

    def select(self, positions: Sequence[int]) -> None:
        """The items of what follows are these of the items so far (by position): a caller
        that passes on only some of its items keeps their labels."""
        labels = self._labels
        self._labels = list(positions) if labels is None else [labels[p] for p in positions]

    @contextmanager
    def working_on(self, position: int) -> Iterator[None]:
        """Work on one item outside the chain (its time is charged to it)."""
        self._charge()
        self._single = position
        try:
            yield
        finally:
            self._charge()
            self._single = None

    def chain(self, source: Iterable[T], stages: Sequence[Stage[T]]) -> Iterator[T]:
        """The items of `source` through each stage in turn, lazily, watched."""
        self._given = [0] * (len(stages) + 1)
        items = self._handed_on(iter(source), 0)
        for number, stage in enumerate(stages, start=1):
            items = self._handed_on(stage(items), number)
        return items

    def time_left(self, limit: float) -> float:
        """What is left of `limit` for the work running now: of the item's own time when one
        item is worked on, else of the time the items share. None left: that item's label
        (None for shared time) is `out_of_time`.

        It only reads: a time limit may ask from a timer thread while the chain runs on."""
        label = self._held()
        used = self.shared if label is None else self._charged.get(label, 0.0)
        left = limit - used - (time.monotonic() - self._since)
        if left < NO_TIME:
            self.out_of_time = label
            return 0.0
        return left

    def _handed_on(self, items: Iterator[T], stage: int) -> Iterator[T]:
        """The items `stage` gives on, noting when it runs and when the next stage does."""
        after = stage + 1 if stage + 1 < len(self._given) else None  # None: the caller's
        while True:
            self._switch(stage)
            try:
                item = next(items)
            except StopIteration:
                self._switch(after)
                return
            self._given[stage] += 1
            self._switch(after)
            yield item

    def _switch(self, stage: int | None) -> None:
        self._charge()
        self._stage = stage

    def _charge(self) -> None:
        """Charge the time since the last hand-over to whom it belongs."""
        now = time.monotonic()
        label = self._held()
        if label is None:
            self.shared += now - self._since
        else:
            self._charged[label] += now - self._since
        self._since = now

    def _held(self) -> int | None:
        """The label of the one item being worked on; None for several, or none."""
        if self._single is not None:
            return self._label(self._single)
        stage, given = self._stage, self._given
        if stage is None:
            return None
        if stage == 0:  # the source is making its next item
            return self._label(given[0])
        if given[stage - 1] - given[stage] == 1:  # a stage holding one item
            return self._label(given[stage])
        return None

    def _label(self, position: int) -> int | None:
        labels = self._labels
        if labels is None:
            return position
        return labels[position] if position < len(labels) else None
