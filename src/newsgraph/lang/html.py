"""Words that HTML metadata rules look for, by language: byline prefixes, author furniture,
month names and counter labels. Data only; the rules live in the html_* modules."""

from __future__ import annotations

from newsgraph.lang.en import page as page_words

# Words that introduce a byline ("By Jane Doe", "Par Jean Dupont", "Written by ...").
BYLINE_PREFIXES = (
    "view all posts by",
    "all posts by",
    "more posts by",
    "more articles by",
    "articles by",
    "posts by",
    "written by",
    "posted by",
    "reported by",
    "story by",
    "words by",
    "text by",
    "by",  # en
    "par",  # fr
    "von",  # de
    "por",  # es, pt
    "door",  # nl
    "di",  # it
    "av",  # sv, no
    "af",  # da
)

# Author values that name no person: roles, placeholders, labels and advertising.
NOT_AUTHORS = frozenset(
    {
        "staff",
        "staff writer",
        "staff writers",
        "staff reporter",
        "our staff",
        "editor",
        "editors",
        "the editors",
        "editorial",
        "editorial staff",
        "editorial team",
        "editorial board",
        "admin",
        "administrator",
        "author",
        "authors",
        "guest",
        "guest author",
        "guest contributor",
        "contributor",
        "contributors",
        "sponsored",
        "sponsored content",
        "sponsored by",
        "paid content",
        "paid post",
        "partner content",
        "advertisement",
        "advertorial",
        "promoted",
        "anonymous",
        "unknown",
        "username",
        "user",
        "follow",
        "follow author",
        "share",
        "more",
        "view profile",
        "read more",
        "none",
        "updated",
        "last updated",
        "published",
        "posted",
        "modified",
        "null",
        "undefined",
        "n/a",
    }
)
# Words that, inside an author value, show it is a role or a label rather than a name
# ("Our Foreign Staff", "Sponsored by Acme", "Games Editor").
NOT_AUTHOR_WORDS = frozenset({"staff", "sponsored", "advertisement", "advertorial"})
# Job titles that sites append to a name in a byline ("Ben Silverman, Games Editor").
JOB_TITLE_WORDS = frozenset(
    {
        "editor",
        "correspondent",
        "reporter",
        "writer",
        "columnist",
        "contributor",
        "producer",
        "photographer",
        "critic",
        "analyst",
        "officer",
        "chief",
        "director",
        "president",
        "manager",
        "founder",
        "co-founder",
        "ceo",
        "cto",
        "cfo",
        "executive",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "intern",
        "engineer",
        "developer",
        "designer",
        "scientist",
        "consultant",
        "strategist",
    }
)
# Credits for work other than writing, after the byline ("Edited by", "Photos by").
OTHER_CREDIT_WORDS = (
    "edited",
    "photos?",
    "photographs?",
    "illustrations?",
    "graphics",
    "video",
    "translated",
    "additional reporting",
    "fact-checked",
)
# Words that label a picture credit, not an author: "(Image: FBI)", "Photo: Jane Doe".
PHOTO_CREDIT_WORDS = ("image", "images", "photo", "photos", "picture", "credit", "foto", "bild")
# Words that add co-authors in brackets: "Jane Doe (with John Roe)", "(avec Jean Dupont)".
CO_AUTHOR_WORDS = ("with", "avec", "mit", "con", "com", "met")
# Joins between several names in one byline.
NAME_JOINERS = ("and", "&", "und", "et", "y", "e", "en", "og", "och")

# Month names for dates in meta tags ("Fri Mar 13 21:30:09 EST 2015"), and weekdays that end a
# name in bylines running into a dateline ("Joe Wee Monday, 12 May 2016"): the same word lists
# the scraped-text reader uses.
MONTHS: dict[str, int] = dict(page_words.MONTHS)
WEEKDAYS: tuple[str, ...] = tuple(name for name in page_words.WEEKDAYS if name.endswith("day"))

# First words that no personal name starts with ("The Valley Courier", "Our Correspondent").
# Narrower than the scraped-text list: "An" and "My" are given names in bylines worldwide.
NOT_NAME_START = frozenset({"the", "our", "your", "this", "from", "more"})

# Section values that name no section: placeholders and the front page.
NOT_SECTIONS = frozenset(
    {"nil", "null", "none", "undefined", "front-page", "frontpage", "homepage", "index"}
)

# Labels of view counters in visible text ("1,234 views", "12 493 vues").
VIEW_LABELS = ("views", "view", "reads", "aufrufe", "vues", "visitas", "visualizaciones")

# Body furniture of pages in other languages (French, German, Spanish, Portuguese, Italian,
# Dutch): advertising slots and links to other stories, as whole paragraphs. Regular
# expression fragments, matched case-insensitively against the whole paragraph; the English
# lists are in `lang/en/page.py`.
BODY_FURNITURE_LINES = (
    r"publicit[ée]|anzeige|werbung|publicidad|publicidade|pubblicit[àa]|advertentie",
    r"(?:[àa] )?lire aussi\s*:?.{0,150}",
    r"voir aussi\s*:.{0,150}",
    r"lesen sie (?:auch|mehr)\s*:?.{0,150}",
    r"mehr zum thema\s*:?.{0,150}",
    r"(?:lee|leia|leggi) (?:también|tamb[ée]m|anche)\s*:?.{0,150}",
    r"te puede interesar\s*:?.{0,150}",
    r"lees ook\s*:?.{0,150}",
)
# Headings of related-story blocks in those languages.
RELATED_HEADINGS = (
    r"(?:sur le même sujet|articles? li[ée]s|[àa] lire aussi|dans la même rubrique)",
    r"(?:mehr zum thema|[äa]hnliche artikel|das k[öo]nnte sie auch interessieren)",
    r"(?:noticias relacionadas|art[íi]culos relacionados|te puede interesar)",
    r"(?:not[íi]cias relacionadas|leia tamb[ée]m|articoli correlati|gerelateerde artikelen)",
)
