"""A publication date written in an input's file name: the last fallback for `published`.

Saved and scraped articles are often named by their day: `2021-06-01-storm.txt`,
`storm_20210601.html`, `2021_06_01.txt`. When neither the article (date line, HTML metadata),
its container (JSON Lines, feed, WARC) nor a `--dates` sidecar gives a date, the first
year-month-day in the last part of the input's name is used: a four-digit year from 1900 to
2099, then month and day, joined by one separator (`-`, `_` or `.`) used twice, or by none.
Only real calendar days count ("20211345" is no date), and digits that run on into other
digits ("1202106017") are not read. Folders are not read: `2021/...` often names an archive,
not the day of the story.
"""

from __future__ import annotations

import re

from newsgraph.text import calendar_day

# Year, month and day, with the same separator twice or none; not inside a longer number.
DAY_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(\d\d)\2(\d\d)(?!\d)")


def date_in_name(source: str | None) -> str | None:
    """The `YYYY-MM-DD` that the last part of a path or URL names, if any."""
    if not source or source == "-":
        return None
    name = re.split(r"[/\\]", source.split("?", 1)[0].split("#", 1)[0].rstrip("/\\"))[-1]
    for match in DAY_IN_NAME.finditer(name):
        day = calendar_day(f"{match[1]}-{match[3]}-{match[4]}")
        if day is not None:
            return day
    return None
