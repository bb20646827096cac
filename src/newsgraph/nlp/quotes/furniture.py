"""Paragraphs of page furniture left in a body: nobody's statements.

Scraped bodies keep lines that belong to the page rather than the story. A cue or a quotation
in one of them is no statement of the story's (language data: `lang/en/statements.py`):
1. a short line that opens with a label and a colon, the label a furniture word or two words
   ending with one ("WATCH: The mayor explains the new routes", "READ MORE: …", "MARKETS: …",
   "ANALYST VIEW: …"); not a label the parser reads as a name ("Judicial Watch: …"), and
   not a long paragraph ("UPDATE: The council said on Friday …" is the story's own);
2. a label standing alone on its line ("RELATED STORIES", "More coverage"), and the
   headlines listed under it: short lines without a sentence's final punctuation;
3. a photo caption: a paragraph with a credit in it ("(Photo: …)", "AP Photo/…",
   "/Getty Images").
A section's or a digest's heading ("MARKETS: …", "ANALYST VIEW: …") is furniture by itself
only: the words after it are the story's, and a quote there with its own cue and speaker
counts.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsgraph.lang.en import statements as words

LINE = re.compile(r"[^\n]+")
LABEL = re.compile(r"^[ \t]*([^\W\d][^:\n]{0,30}?)[ \t]*:")
# A lone label or a listed headline is short; a sentence of the story ends with a stop.
MAX_LABEL_WORDS = 4
MAX_HEADLINE_WORDS = 20
# A label of more words than this is a phrase of the story ("Democrats' new warning: …").
MAX_ENDING_LABEL_WORDS = 2
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
CAPTION = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(mark) for mark in words.CAPTION_MARKS) + r")(?!\w)"
)
SENTENCE_ENDS = ".!?\"”’'»)"
LABEL_NOISE = re.compile(r"[^\w\s'’-]")


def is_furniture_label(label: str) -> bool:
    """Whether the words are a label of the page: a furniture word or phrase, or a phrase
    ending with one ("ANALYST VIEW", "Read more")."""
    folded = _folded(label)
    if not folded:
        return False
    if folded in words.FURNITURE_WORDS:
        return True
    parts = folded.split()
    return len(parts) <= MAX_ENDING_LABEL_WORDS and parts[-1] in words.FURNITURE_WORDS


def _folded(label: str) -> str:
    """A label's words, lower-case, without its marks ("ANALYST VIEW:" → "analyst view")."""
    return " ".join(LABEL_NOISE.sub(" ", label.lower()).split())


def furniture_paragraphs(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The character ranges of the furniture paragraphs of `text` (`doc.text`), in order."""
    found: list[tuple[int, int]] = []
    listing = False  # under a lone label: the short lines that follow are headlines
    for line in LINE.finditer(text):
        content = line.group().strip()
        if not content:
            continue
        # Where the line's words start in `text`: after its indent.
        lead = line.start() + len(line.group()) - len(line.group().lstrip())
        if _lone_label(content):
            listing = True
            found.append(line.span())
        elif listing and _headline(content):
            found.append(line.span())
        elif (label := _labelled(doc, lead, content)) is not None:
            listing = False
            heading = _heading(label.group(1))
            found.append((lead, lead + label.end()) if heading else line.span())
        elif _caption(content):
            listing = False
            found.append(line.span())
        else:
            listing = False
    return found


def _heading(label: str) -> bool:
    """A section's or a digest's heading ("MARKETS", "ANALYST VIEW"): the label is nobody's
    name, but the line after it is the story's own words, where a quote with its own cue
    and speaker counts (`ANALYST VIEW: “…,” said Maya Osei`). Other labels announce page
    furniture (`WATCH: …`, `READ MORE: …`, `CORRECTION: …`): the whole line is out."""
    return _folded(label).split()[-1] in words.HEADING_WORDS


def _lone_label(line: str) -> bool:
    return len(line.split()) <= MAX_LABEL_WORDS and is_furniture_label(line.rstrip(":"))


def _headline(line: str) -> bool:
    return len(line.split()) <= MAX_HEADLINE_WORDS and line[-1] not in SENTENCE_ENDS


def _labelled(doc: Doc, offset: int, line: str) -> re.Match[str] | None:
    """The label of a short line (stripped, starting at `offset` in the doc) that opens with
    a furniture label and a colon."""
    label = LABEL.match(line)
    if label is None or not is_furniture_label(label.group(1)):
        return None
    if len(line[label.end() :].split()) > MAX_HEADLINE_WORDS:
        return None
    start = offset + label.start(1)
    name = doc.char_span(start, start + len(label.group(1)), alignment_mode="expand")
    if name is not None and all(t.ent_type_ in NAME_LABELS for t in name):
        return None  # "Judicial Watch: …" names someone
    return label


def _caption(line: str) -> bool:
    return CAPTION.search(line.lower()) is not None
