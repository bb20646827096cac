"""`newsgraph eval quotes`: the PolNeAR reader, the scores, and the gate on PolNeAR dev."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import cli
from newsgraph.errors import EvaluationError
from newsgraph.evaluate.kinds import gold_kind
from newsgraph.evaluate.polnear import Article, Attribution, read_brat, read_folder
from newsgraph.evaluate.quotes import (
    evaluate_quotes,
    is_speech,
    normalise,
    predicted_attributions,
    score_article,
    score_extras,
)
from newsgraph.evaluate.speakers import gold_referents, is_referent
from newsgraph.records import Article as Record
from newsgraph.records import Entity, Mention, Metadata, Quote, Span, Speaker
from tests.conftest import shared_path

# The scores reached on PolNeAR dev, rounded down: they may rise, never silently fall.
FLOORS = {
    "content_tokens": 0.85,
    "content_exact": 0.58,
    "source_exact": 0.76,
    # 0.60 for an hour on 2026-12-01 (printed 0.6001); 0.5996 once a counted object ("fired
    # two shots") stopped being a learned cue's content, said so here and in the notes; back
    # to 0.60 with the second attribution pass of the same day (printed 0.6014). 0.59 since
    # the third pass (printed 0.5997): a vote is no statement ("voted to fund the repairs",
    # issue 10's list of actions), and PolNeAR dev annotates one vote's cue. 0.60 again with
    # the parse repairs of 2026-12-02 (printed 0.6017).
    "cue_exact": 0.60,
    "linked": 0.72,
    # 0.86 since the parse repairs of 2026-12-02 (printed 0.8620; 0.8570 before).
    "linked_speech": 0.86,
}

# Speaker and kind scores on PolNeAR dev (printed below the metrics), rounded down. Raised
# 2026-12-03 with the speakers pass (printed 0.902 and 0.931; 0.887 and 0.912 before).
# Raised again 2026-12-03, later, with the speakers' turns (printed 0.907 and 0.937).
SPEAKER_FLOORS = {"all": 0.90, "speech": 0.93}
# Thought 0.45 since the third attribution pass of 2026-12-01 (printed 0.4588; 0.467 before);
# speech and thought raised 2026-12-03 with attitudes as thoughts (printed 0.736 and 0.543).
KIND_FLOORS = {"speech": 0.73, "thought": 0.54, "finding": 0.75}

TEXT = 'Officials said that the bridge is closed. "We are sorry," the mayor said.'
ANN = (
    "T1\tSource 0 9\tOfficials\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 40\tthat the bridge is closed\n"
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    'T4\tContent 42 57\t"We are sorry,"\n'
    "T5\tSource 58 67\tthe mayor\n"
    "T6\tCue 68 72\tsaid\n"
    "E2\tAttribution:T6 Content:T4 Source:T5 Cue:T6\n"
)


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "a_ab12.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "a_zz99.ann").write_text("", encoding="utf-8")
    return tmp_path


def _quote(
    start: int, end: int, cue: tuple[int, int] | None, source: tuple[int, int] | None
) -> Quote:
    return Quote(
        id="q",
        text=TEXT[start:end],
        start=start,
        end=end,
        type="direct",
        cue=Span(cue[0], cue[1], TEXT[cue[0] : cue[1]]) if cue else None,
        speaker=Speaker(
            name="x",
            mention=Span(source[0], source[1], TEXT[source[0] : source[1]]) if source else None,
        ),
    )


def test_reader_takes_the_first_annotator(tmp_path: Path) -> None:
    [article] = read_folder(_folder(tmp_path))
    assert article.name == "a"
    assert len(article.attributions) == 2
    assert article.attributions[0] == Attribution(
        source=((0, 9),), cue=((10, 14),), content=((15, 40),)
    )


def test_reader_joins_discontinuous_and_second_contents(tmp_path: Path) -> None:
    path = tmp_path / "x.ann"
    path.write_text(
        "T1\tContent 0 5;10 15\tab\nT2\tContent 20 25\tc\n"
        "E1\tAttribution:T9 Content:T1 Content2:T2\n",
        encoding="utf-8",
    )
    [attribution] = read_brat(path)
    assert attribution.content == ((0, 5), (10, 15), (20, 25))
    assert attribution.source == ()


def test_wrong_layout_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="layout"):
        list(read_folder(tmp_path))


def test_normalise_trims_marks_that_and_punctuation() -> None:
    assert normalise(TEXT, ((15, 41),)) == ((20, 40),)  # "that the bridge is closed."
    assert normalise(TEXT, ((42, 57),)) == ((43, 55),)  # '"We are sorry,"'


def test_perfect_prediction_scores_one() -> None:
    article = read_folder_like()
    quotes = [_quote(20, 40, (10, 14), (0, 9)), _quote(43, 56, (68, 72), (58, 67))]
    scores = score_article(article, quotes)
    for name in ("content_exact", "source_exact", "cue_exact", "linked", "linked_speech"):
        assert scores[name].f1 == 1.0, name


def test_linked_needs_the_speaker_mention_on_the_source() -> None:
    article = read_folder_like()
    quotes = [_quote(20, 40, (10, 14), None), _quote(43, 56, (68, 72), (0, 9))]
    assert score_article(article, quotes)["linked"].found == 0


def test_uncued_continuation_joins_the_previous_attribution() -> None:
    first = _quote(43, 56, (68, 72), (58, 67))
    second = _quote(20, 40, None, None)
    assert len(predicted_attributions([first, second])) == 1


def test_speech_slice() -> None:
    assert is_speech(TEXT, ((42, 57),), ())  # opens with a quotation mark
    assert is_speech(TEXT, ((15, 40),), ((10, 14),))  # "said"
    assert not is_speech("They believe it.", ((13, 15),), ((5, 12),))


def read_folder_like() -> Article:
    return Article(
        name="a",
        text=TEXT,
        attributions=(
            Attribution(source=((0, 9),), cue=((10, 14),), content=((15, 40),)),
            Attribution(source=((58, 67),), cue=((68, 72),), content=((42, 57),)),
        ),
    )


@pytest.mark.model
def test_cli_prints_the_scores(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "quotes", str(_folder(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "linked_speech" in result.output


@pytest.mark.gate
def test_gate_polnear_dev() -> None:
    report = evaluate_quotes(shared_path("data", "polnear", "data", "dev")).to_dict()
    assert report["documents"] == 84
    for metric, floor in FLOORS.items():
        assert report[metric]["f1"] >= floor, (metric, report[metric])
    for name, floor in SPEAKER_FLOORS.items():
        assert report["speaker"][name]["share"] >= floor, (name, report["speaker"][name])
    for kind, floor in KIND_FLOORS.items():
        assert report["kinds"][kind]["f1"] >= floor, (kind, report["kinds"][kind])


# Fictional. A named source, a "he" continuing it in the next paragraph, a description, a poll.
SPEAKERS = (
    "Senator Ruth Okafor said the bridge would close.\n\n"
    "He added that it would reopen.\n\n"
    "The mayor said nothing. A new poll shows voters believe it."
)


def _at(text: str, words: str, after: int = 0) -> tuple[tuple[int, int], ...]:
    start = text.index(words, after)
    return ((start, start + len(words)),)


def _speaker_attributions() -> list[Attribution]:
    t = SPEAKERS
    return [
        Attribution(
            _at(t, "Senator Ruth Okafor"), _at(t, "said"), _at(t, "the bridge would close")
        ),
        Attribution(_at(t, "He"), _at(t, "added"), _at(t, "that it would reopen")),
        Attribution(_at(t, "The mayor"), _at(t, "said", 60), _at(t, "nothing")),
        Attribution(_at(t, "A new poll"), _at(t, "shows"), _at(t, "voters believe it")),
        Attribution(_at(t, "voters"), _at(t, "believe"), _at(t, "it", 120)),
    ]


def test_gold_referents_by_name_and_continuation() -> None:
    referents = gold_referents(SPEAKERS, _speaker_attributions())
    assert referents[0] is not None and referents[0].surname == "okafor"
    assert referents[1] == referents[0]  # "He" in the next paragraph continues Okafor
    assert referents[2] is None and referents[3] is None  # a description, a poll


def test_a_speaker_entity_is_the_referent_by_surname() -> None:
    [referent, *_] = gold_referents(SPEAKERS, _speaker_attributions())
    assert referent is not None
    okafor = Entity("e1", "Ruth Okafor", "PERSON", (Mention(8, 19, "Ruth Okafor"),))
    other = Entity("e2", "Ruth Adams", "PERSON", (Mention(0, 10, "Ruth Adams"),))
    assert is_referent(okafor, referent)
    assert not is_referent(other, referent)


def test_gold_kinds_from_cue_and_source_words() -> None:
    kinds = [gold_kind(SPEAKERS, a) for a in _speaker_attributions()]
    assert kinds == ["speech", "speech", "speech", "finding", "thought"]
    called = Attribution(_at(TEXT, "Officials"), _at(TEXT, "closed"), _at(TEXT, "bridge"))
    assert gold_kind(TEXT, called) is None


def test_speaker_and_kind_counts() -> None:
    t = SPEAKERS
    gold = _speaker_attributions()
    okafor = Entity("e1", "Ruth Okafor", "PERSON", (Mention(8, 19, "Ruth Okafor"),))

    def quote(content: str, cue: str, source: str, entity: str | None, kind: str) -> Quote:
        (start, end), (cue_start, cue_end), (s, e) = *_at(t, content), *_at(t, cue), *_at(t, source)
        return Quote(
            id="q",
            text=t[start:end],
            start=start,
            end=end,
            type="indirect",
            cue=Span(cue_start, cue_end, t[cue_start:cue_end]),
            speaker=Speaker(name=t[s:e], entity=entity, mention=Span(s, e, t[s:e])),
            kind=kind,  # type: ignore[arg-type]
        )

    quotes = (
        quote("the bridge would close", "said", "Senator Ruth Okafor", "e1", "speech"),
        quote("that it would reopen", "added", "He", None, "speech"),  # unresolved: wrong
        quote("voters believe it", "shows", "A new poll", None, "speech"),  # kind wrong
    )
    record = Record(metadata=Metadata(), body=t, entities=(okafor,), quotes=quotes)
    extras = score_extras(Article("a", t, tuple(gold)), record)
    assert extras.speakers["all"].to_dict() == {
        "share": 0.5,
        "right": 1,
        "scored": 2,
        "left_out": 1,  # the poll has no referent
    }
    assert extras.kinds["speech"].correct == 2  # two linked speech attributions of kind speech
    assert (extras.kinds["finding"].gold, extras.kinds["finding"].found) == (1, 0)
    assert extras.no_kind == 0
