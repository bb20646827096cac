"""The readable view: speech by default, other kinds when asked."""

from __future__ import annotations

from dataclasses import replace

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


LONG = (
    "the bridge over the harbour is safe for cars, buses and lorries, and will stay open every "
    "day of the week while the repairs go on"
)


def _quoted_article(**speaker: object) -> Article:
    body = f"Ann Lee said {LONG}. It continues."
    quote = Quote(
        "q1",
        LONG,
        13,
        13 + len(LONG),
        "indirect",
        Span(8, 12, "said"),
        Speaker(**speaker),  # type: ignore[arg-type]
    )
    return Article(metadata=Metadata(), body=body, quotes=(quote,), source="bridge.txt")


def test_each_article_names_its_input() -> None:
    view = render_article(_quoted_article(name="Ann Lee"))
    assert view.startswith("# (no title) bridge.txt\nfrom: bridge.txt\n")


def test_quotes_are_shown_whole_and_wrapped() -> None:
    view = render_article(_quoted_article(name="Ann Lee"))
    assert " ".join(view.split()).count(LONG) == 1  # every word, in order
    assert all(len(line) <= 100 for line in view.splitlines())


def test_the_speakers_mention_and_how_it_was_found() -> None:
    view = render_article(
        _quoted_article(name="Ann Lee", mention=Span(0, 7, "Ann Lee"), via="pronoun")
    )
    assert 'speaker: "Ann Lee" (a pronoun resolved to a name)' in view
    unresolved = render_article(_quoted_article(name="Ann Lee", mention=Span(0, 7, "Ann Lee")))
    assert 'speaker: "Ann Lee"\n' in unresolved  # records without `via` say nothing more


def test_missing_speakers_and_cues_are_said_in_plain_words() -> None:
    article = _quoted_article(name=None)
    quote = article.quotes[0]

    view = render_article(replace(article, quotes=(replace(quote, cue=None),)))
    assert "(speaker not found) (no cue: continues the quote before)" in view
    assert "(unknown)" not in view and "(-)" not in view


def test_the_view_says_when_a_description_names_nobody() -> None:
    mention = Span(0, 7, "Ann Lee")
    named = Quote(
        "q1",
        "the bridge is safe",
        13,
        31,
        "indirect",
        Span(8, 12, "said"),
        Speaker("Ann Lee", "e1", mention, via="description"),
    )
    unnamed = replace(named, speaker=Speaker("Ann Lee", None, mention, via="description"))
    article = Article(metadata=Metadata(), body=BODY, quotes=(named,))
    assert "(a description the article ties to a name)" in render_article(article)
    article = replace(article, quotes=(unnamed,))
    assert "(a description; the article names nobody for it)" in render_article(article)
