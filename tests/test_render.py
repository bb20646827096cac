"""The readable view: speech by default, other kinds when asked."""

from __future__ import annotations

from newsgraph.cli.render import render_article
from newsgraph.records import Article, Metadata, Quote, Span, Speaker

BODY = "Ann Lee said the bridge is safe. The council hopes to reopen it."


def _article() -> Article:
    said = Quote(
        "q1", "the bridge is safe", 13, 31, "indirect", Span(8, 12, "said"), Speaker("Ann Lee")
    )
    hopes = Quote(
        "q2",
        "to reopen it",
        51,
        63,
        "indirect",
        Span(45, 50, "hopes"),
        Speaker("The council"),
        kind="thought",
    )
    return Article(metadata=Metadata(title="Bridge"), body=BODY, quotes=(said, hopes))


def test_the_readable_view_shows_speech_by_default() -> None:
    view = render_article(_article())
    assert "Ann Lee (said)" in view
    assert "hopes" not in view


def test_other_kinds_are_shown_when_asked_and_labelled() -> None:
    view = render_article(_article(), kinds={"speech", "thought"})
    assert "[indirect, thought] The council (hopes): to reopen it" in view
    assert "[indirect] Ann Lee (said)" in view
