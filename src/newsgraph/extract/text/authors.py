"""Personal names in bylines: "By A and B", "A, B | Reuters", "سارا احمدیسارا احمدی" (a name
printed twice).

Names in non-Latin scripts are kept exactly as written; a name printed twice with nothing in
between (a common scraping artefact: a visible and a screen-reader copy) is kept once. Wire
agencies and job descriptions are not persons and are dropped.
"""

from __future__ import annotations

import re

from newsgraph.lang.en import page as en

# Letters of scripts other than Latin, and the joiners Persian and Indic names use inside words.
_OTHER_SCRIPT = (
    "\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f"
    "\u08a0-\u08ff\u0900-\u0dff\u0e00-\u0e7f\u10a0-\u10ff\u1100-\u11ff\u3040-\u30ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\ufb50-\ufdff\ufe70-\ufefc\u200c\u200d"
)
# A run of words in one or more non-Latin scripts: "سارا احمدی", "Иван Петров", "王小明".
OTHER_SCRIPT_RUN = re.compile(rf"[{_OTHER_SCRIPT}]+(?:[ \u00a0.'-]+[{_OTHER_SCRIPT}]+)*")
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")
OTHER_SCRIPT_LETTERS = re.compile(rf"[{_OTHER_SCRIPT}]+")

# Between names: "A, B and C", "A & B", "A with B", "A; B".
NAME_LIST_SEPARATOR = re.compile(
    rf"\s*(?:,|;|\s(?:{'|'.join(re.escape(w) for w in en.NAME_CONJUNCTIONS)})\s)\s*",
    re.IGNORECASE,
)
# A place or outlet after a name: "Jane Doe in Kabul", "Jane Doe for The Daily Planet".
# Credits for others after the authors: "Written by A Edited by B", "A; Photos by C".
NAME_TAIL = re.compile(
    r"\s+(?:in|at|for|from)\s+\S.*$"
    r"|\s*\b(?:edited|photos?|photographs?|illustrations?|graphics|video|additional reporting)"
    r"\s+by\b.*$",
    re.IGNORECASE,
)
BYLINE_PREFIX = re.compile(
    rf"^\s*(?:{'|'.join(re.escape(p) for p in en.BYLINE_PREFIXES)})\b\s*:?\s*", re.IGNORECASE
)
# One word of a Latin-script personal name: "Jane", "O'Neil", "Jean-Luc", "J.", "J.R.", "DOE".
NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u00de][\w'’\u00c0-\u024f-]*\.?|(?:[A-Z]\.){1,3})$")
# "Jane Doe." ends a sentence; "J." and "Jr." keep their periods.
FINAL_PERIOD = re.compile(r"(?<=\w{3})(?<!\b[JS]r)\.$")
# A news outlet named beside an author: an acronym ("CNN", "BBC News") or "The ..." name.
OUTLET = re.compile(r"[A-Z]{2,6}(?: [A-Z][a-z]+)?|The(?: [A-Z][\w'&.-]*){1,4}")
# An agency glued to the name without a comma: "By RUTH AMBERLEY Associated Press".
_LONG_AGENCIES = sorted((re.escape(a) for a in en.WIRE_AGENCIES if len(a) > 3), key=len)
AGENCY_TAIL = re.compile(rf"\s+(?:{'|'.join(reversed(_LONG_AGENCIES))})$", re.IGNORECASE)
EDGE_PUNCTUATION = " \t\u00a0,;:|•·-–—()[]\"'“”"


def is_latin_text(text: str) -> bool:
    """Whether most letters of a text are Latin (as on an English page)."""
    latin = sum(len(run) for run in LATIN_LETTERS.findall(text))
    other = sum(len(run) for run in OTHER_SCRIPT_LETTERS.findall(text))
    return latin >= other


def split_names(text: str) -> list[str]:
    """The persons named in a byline fragment, in order, each once; organisations and jobs
    beside them are dropped."""
    parts = byline_parts(text)
    return unique_names([p for p in parts if is_person(p) or not is_credit_only(p)])


def byline_parts(text: str) -> list[str]:
    """ "By A, B and C, Reuters" -> ["A", "B", "C", "Reuters"], each cleaned."""
    text = BYLINE_PREFIX.sub("", text, count=1)
    return [name for name in (clean_name(p) for p in NAME_LIST_SEPARATOR.split(text)) if name]


def clean_name(text: str) -> str:
    """A name without edge punctuation, a trailing place or agency, or a doubled printing."""
    name = text.strip(EDGE_PUNCTUATION)
    if LATIN_LETTER.search(name):
        name = FINAL_PERIOD.sub("", NAME_TAIL.sub("", name))
        agency = AGENCY_TAIL.search(name)
        if agency and len(name[: agency.start()].split()) >= 2:
            name = name[: agency.start()]
    return undouble(name.strip(EDGE_PUNCTUATION))


def undouble(name: str) -> str:
    """ "ABAB" -> "AB" and "AB AB" -> "AB": a name printed twice is one name."""
    squeezed = name.strip()
    for gap in ("", " "):
        half, remainder = divmod(len(squeezed) - len(gap), 2)
        if remainder == 0 and half > 1:
            first, second = squeezed[:half], squeezed[half + len(gap) :]
            if first == second and squeezed[half : half + len(gap)] == gap:
                return first
    return squeezed


def unique_names(names: list[str]) -> list[str]:
    """Each person once, first printing kept, compared without case and spacing."""
    seen: set[str] = set()
    kept = []
    for name in names:
        key = " ".join(name.casefold().split())
        if key and key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


def is_agency(text: str) -> bool:
    return " ".join(text.casefold().split()).strip(".") in en.WIRE_AGENCIES


def is_role(text: str) -> bool:
    """A job description ("Staff Writer", "Senior Correspondent") rather than a name."""
    words = text.casefold().split()
    return " ".join(words) in en.BYLINE_ROLES or any(w in en.BYLINE_ROLE_WORDS for w in words)


def is_other_script(text: str) -> bool:
    """Letters only in non-Latin scripts (a name kept as written)."""
    return bool(OTHER_SCRIPT_RUN.fullmatch(text.strip()))


def looks_like_person(text: str) -> bool:
    """Two to five capitalised words, initials or name particles: "Jane Doe", "J. R. Smith",
    "Ana de la Cruz". Not a known section name, not an agency."""
    words = text.split()
    if not 2 <= len(words) <= 5 or is_agency(text) or is_role(text):
        return False
    if " ".join(words).casefold() in en.SECTION_NAMES or words[0].casefold() in en.NOT_NAME_START:
        return False
    capitalised = 0
    for word in words:
        if word.casefold() in en.NAME_PARTICLES:
            continue
        if not NAME_WORD.match(word):
            return False
        capitalised += 1
    return capitalised >= 2


def looks_like_credit(text: str) -> bool:
    """What may follow "By": persons with perhaps an organisation or a job beside them, or
    only those ("By Staff", "By AP")."""
    parts = byline_parts(text)
    return bool(parts) and all(is_person(p) or is_credit_only(p) for p in parts)


def looks_like_names(text: str) -> bool:
    """A list of persons: "Jane Doe and John Roe", "سارا احمدی", "Jane Doe, CNN"."""
    parts = byline_parts(text)
    people = [p for p in parts if is_person(p)]
    return bool(people) and all(is_person(p) or is_credit_only(p) for p in parts)


def is_person(text: str) -> bool:
    return looks_like_person(text) or is_other_script(text)


def is_credit_only(text: str) -> bool:
    """An organisation or a job printed beside names: "Reuters", "Staff Writer", "CNN",
    "BBC News", "The Valley Courier"."""
    return is_agency(text) or is_role(text) or bool(OUTLET.fullmatch(text))


def is_outlet(text: str) -> bool:
    """A publication's name beside a byline ("The Valley Courier", "CNN"), not an agency."""
    return bool(OUTLET.fullmatch(text)) and not is_agency(text) and not is_role(text)


def is_credit_line(text: str) -> bool:
    """A bare credit line: names with the organisation or desk they write for ("Jane Doe,
    The Associated Press", "Jane Doe, Staff Writer"), never a headline."""
    parts = byline_parts(text)
    return (
        len(parts) >= 2
        and any(is_person(p) for p in parts)
        and any(is_credit_only(p) for p in parts)
        and all(is_person(p) or is_credit_only(p) for p in parts)
    )
