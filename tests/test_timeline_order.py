"""Timeline entries sort by the first day their date covers, not by the text of the value."""

from __future__ import annotations

import datetime as dt

from newsgraph.nlp.times.timeline import first_day


def test_first_day_of_each_kind_of_calendar_value() -> None:
    assert first_day("2025-09-02") == dt.date(2025, 9, 2)
    assert first_day("2025-09-02T14:30") == dt.date(2025, 9, 2)
    assert first_day("2025-09") == dt.date(2025, 9, 1)
    assert first_day("2025") == dt.date(2025, 1, 1)
    assert first_day("2025-W35") == dt.date(2025, 8, 25)
    assert first_day("2025-W35-WE") == dt.date(2025, 8, 30)
    assert first_day("2025-Q3") == dt.date(2025, 7, 1)
    assert first_day("2025-H2") == dt.date(2025, 7, 1)
    assert first_day("2025-SU") == dt.date(2025, 6, 1)
    assert first_day("2021-W53") == dt.date(2021, 12, 27)  # 2021 has 52 ISO weeks


def test_a_week_sorts_before_a_later_day_of_the_next_week() -> None:
    values = ["2025-09-04", "2025-W35", "2025-09-02", "2025-Q3"]
    assert sorted(values, key=first_day) == ["2025-Q3", "2025-W35", "2025-09-02", "2025-09-04"]
