"""Chart geometry computed here, drawn by the templates as inline SVG (works offline).

Each function returns plain numbers and labels, so a page's JSON holds the chart too, and
the template only places them: no chart library, no script.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

WIDTH, HEIGHT, PAD = 640, 200, 32
MAX_WEEKS = 520  # ten years of weeks: a longer span shows its last ten years
BAR_HEIGHT = 22
BAR_X = 250  # where the bars start: the labels are written before it
LABEL_CHARACTERS = 38  # a longer label is cut with "…" (the table beside has it whole)


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


def weekly(counts: list[tuple[str, int]]) -> dict[str, Any]:
    """Quotes per week as a line with a point per week, empty weeks between included."""
    known = {day: n for week, n in counts if (day := _day(week)) is not None}
    if not known:
        return {"width": WIDTH, "height": HEIGHT, "points": [], "line": "", "max": 0}
    first, last = min(known), max(known)
    first = max(first, last - timedelta(weeks=MAX_WEEKS - 1))
    weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    top = max(known.values())
    step = (WIDTH - 2 * PAD) / max(1, len(weeks) - 1)
    points = []
    for index, week in enumerate(weeks):
        n = known.get(week, 0)
        x = PAD + index * step if len(weeks) > 1 else WIDTH / 2
        y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * n / top
        points.append({"x": round(x, 1), "y": round(y, 1), "week": week.isoformat(), "n": n})
    line = " ".join(f"{p['x']},{p['y']}" for p in points)
    return {"width": WIDTH, "height": HEIGHT, "points": points, "line": line, "max": top}


def bars(rows: list[tuple[str, int, float]]) -> dict[str, Any]:
    """Horizontal bars of (label, count, share), the numbers written beside them."""
    top = max((count for _, count, _ in rows), default=0) or 1
    span = WIDTH - BAR_X - 110  # room for "12,345 (100.0%)" after the longest bar
    items = [
        {
            "label": label
            if len(label) <= LABEL_CHARACTERS
            else label[: LABEL_CHARACTERS - 1] + "…",
            "count": count,
            "share": round(share * 100, 1),
            "y": index * BAR_HEIGHT,
            "width": round(span * count / top, 1),
        }
        for index, (label, count, share) in enumerate(rows)
    ]
    height = max(BAR_HEIGHT, len(rows) * BAR_HEIGHT)
    return {"width": WIDTH, "height": height, "bar_x": BAR_X, "bars": items}


def time_axis(dates: list[str]) -> dict[str, Any]:
    """Events placed on a line from the earliest date to the latest."""
    days = [_day(text) for text in dates]
    known = [day for day in days if day is not None]
    if not known:
        return {"width": WIDTH, "height": 60, "marks": [], "first": None, "last": None}
    first, last = min(known), max(known)
    span = max(1, (last - first).days)
    marks = [
        {
            "x": round(PAD + (WIDTH - 2 * PAD) * (day - first).days / span, 1),
            "date": day.isoformat(),
        }
        for day in known
    ]
    return {
        "width": WIDTH,
        "height": 60,
        "marks": marks,
        "first": first.isoformat(),
        "last": last.isoformat(),
    }
