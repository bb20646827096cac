"""English words that scraped news pages use around the article: dates, bylines, counters and
site furniture. Lower-case; the algorithms in `extract/` match them case-insensitively."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

# Monday is 0, as in `datetime.date.weekday()`.
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tues": 1,
    "tue": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thurs": 3,
    "thur": 3,
    "thu": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

# Words before a date that say which date it is. A page may show both; the record wants the
# first publication, so "published" labels win over "updated" ones.
PUBLISHED_LABELS = (
    "first published",
    "published",
    "posted",
    "created",
    "publication date",
    "date",
    "dated",
)
UPDATED_LABELS = ("last updated", "updated", "last modified", "modified", "edited", "revised")

# Words that open a byline ("By Jane Doe", "Written by", "Author: ...").
BYLINE_PREFIXES = (
    "byline",
    "written by",
    "words by",
    "story by",
    "reporting by",
    "reported by",
    "posted by",
    "published by",
    "authors",
    "author",
    "by",
)

# Job descriptions printed beside a name ("Jane Doe, Staff Writer"): never a person's name.
BYLINE_ROLES = frozenset(
    {
        "staff",
        "staff writer",
        "staff reporter",
        "reporter",
        "correspondent",
        "editor",
        "senior editor",
        "contributor",
        "contributing writer",
        "columnist",
        "writer",
        "journalist",
        "news desk",
        "web desk",
        "desk",
        "team",
        "admin",
        "administrator",
        "guest",
    }
)
BYLINE_ROLE_WORDS = frozenset(
    {"staff", "reporter", "correspondent", "editor", "contributor", "columnist", "writer", "desk"}
)

# News agencies credited in bylines; they are organisations, not authors.
WIRE_AGENCIES = frozenset(
    {
        "reuters",
        "thomson reuters",
        "ap",
        "the associated press",
        "associated press",
        "afp",
        "agence france-presse",
        "agence france presse",
        "dpa",
        "upi",
        "efe",
        "ansa",
        "xinhua",
        "tass",
        "anadolu",
        "anadolu agency",
        "pti",
        "ians",
        "bloomberg",
        "kyodo",
        "yonhap",
        "bernama",
        "press association",
        "pa",
        "pa media",
        "aap",
        "news agencies",
        "agencies",
        "wire services",
        "staff and agencies",
    }
)

# Counter nouns after a number ("0 Views", "3 Comments", "4 min read"). Only views are kept in
# the record; the others are furniture.
VIEW_WORDS = ("views", "view", "reads", "hits", "visits")
OTHER_COUNTER_WORDS = (
    "comments",
    "comment",
    "shares",
    "share",
    "likes",
    "like",
    "responses",
    "replies",
    "minutes read",
    "minute read",
    "mins read",
    "min read",
)

# Whole lines (or header segments) that are site furniture, as regular-expression fragments
# matched against the full line, case-insensitively.
FURNITURE_LINES = (
    r"share(?: (?:this|the) (?:article|story|post|page))?(?: on \w+)?:?",
    r"share via:?",
    r"shares?",
    r"share this:?",
    r"like this:?",
    r"image source,?.{0,80}",
    r"(?:image|photo) caption,?",
    r"(?:image|photo|video) credits?:?.{0,80}",
    r"getty images",
    r"tweet",
    r"email",
    r"e-mail",
    r"print",
    r"pin",
    r"facebook",
    r"twitter",
    r"whatsapp",
    r"linkedin",
    r"telegram",
    r"reddit",
    r"copy link",
    r"follow us(?: on .{1,40})?",
    r"follow(?: on .{1,40})?",
    r"like us on facebook",
    r"read more(?:[:.]{0,3}.{0,120})?",
    r"read also:?.{0,120}",
    r"also read:?.{0,120}",
    r"see also:?.{0,120}",
    r"more:.{0,120}",
    r"related(?: (?:articles?|stories|posts|news|topics|coverage))?:?",
    r"you (?:may|might) also like:?",
    r"recommended(?: for you)?:?",
    r"most (?:read|popular|viewed)",
    r"trending(?: now)?",
    r"advertisement",
    r"sponsored(?: content)?",
    r"skip to (?:main )?content",
    r"menu",
    r"search",
    r"home",
    r"leave a (?:comment|reply)",
    r"(?:no|\d+) comments?",
    r"comments?\s*\(\d+\)",
    r"comments?",
    r"listen to (?:this )?article",
    r"click here to .{1,80}",
    r"tags?:.*",
    r"topics?:.*",
    r"keywords?:.*",
    r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\))?\s*\d{4}).*",
    r"all rights reserved\.?",
    r".{0,60}all rights reserved\.?",
    r"(?:sign up|subscribe)(?: (?:now|today|here))?[.!]?",
    r"newsletters?",
    r".{0,60}\b(?:sign up|subscribe|register)\b.{0,60}"
    r"\b(?:newsletters?|podcasts?|e-?mails?|inbox|alerts|updates|channel)\b.{0,60}",
    r"get the latest .{0,80}",
    r"photo:.{0,120}",
    r"image:.{0,120}",
    r"\(?(?:photo|image|file photo)\)?",
    r"previous(?: (?:article|post|story))?",
    r"next(?: (?:article|post|story))?",
    r"back to top",
    r"(?:breaking(?: news)?|exclusive|live(?: updates)?|watch|video|listen|explainer)!?",
    r"our standards:.{0,120}",
    r"close panel",
)

# Headings after which only furniture follows at the bottom of a page.
TRAILER_HEADINGS = (
    r"related(?: (?:articles?|stories|posts|news|topics|coverage))?:?",
    r"read more:?",
    r"more (?:from|on|in) .{1,60}",
    r"you (?:may|might) also like:?",
    r"recommended(?: for you)?:?",
    r"most (?:read|popular|viewed)",
    r"leave a (?:comment|reply)",
    r"tags?:.*",
)

# Labels before a section name, and the names of common sections: a lone "World" or
# "Middle East" on a header line is a section, not a person.
SECTION_LABELS = ("section", "category", "categories", "desk")  # followed by a colon
SECTION_PHRASES = ("filed under", "posted in")  # colon optional
# The first item of a breadcrumb trail, which names no section.
TRAIL_START = frozenset({"home", "homepage", "start", "main", "front page"})
SECTION_NAMES = frozenset(
    {
        "news",
        "world",
        "world news",
        "politics",
        "business",
        "economy",
        "markets",
        "finance",
        "opinion",
        "analysis",
        "editorial",
        "sport",
        "sports",
        "science",
        "health",
        "technology",
        "tech",
        "culture",
        "arts",
        "entertainment",
        "lifestyle",
        "travel",
        "education",
        "environment",
        "climate",
        "national",
        "international",
        "local",
        "local news",
        "us",
        "us news",
        "u.s.",
        "uk",
        "uk news",
        "europe",
        "asia",
        "africa",
        "americas",
        "middle east",
        "latin america",
        "south asia",
        "east asia",
        "security",
        "defence",
        "defense",
        "features",
        "feature",
        "breaking news",
        "top stories",
        "latest",
        "latest news",
        "regional",
        "metro",
        "city",
    }
)

# Small words inside personal names ("Ludwig van Beethoven", "Omar bin Laden").
NAME_PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "ben",
        "y",
        "st.",
    }
)

# First words that no personal name starts with ("The Valley Courier", "Our Reporter").
NOT_NAME_START = frozenset({"the", "a", "an", "our", "your", "my", "this", "from", "with", "more"})

# Words joining names in a byline ("By A and B").
NAME_CONJUNCTIONS = ("and", "&", "with")

# Labels a site puts before a headline to say what media the page carries ("WATCH: …",
# "LIVE: …"): furniture of the player, not words of the headline. Editorial labels that the
# newsroom writes as part of the headline ("Breaking:", "Exclusive –") are kept.
# Matched case-insensitively, followed by a colon, a pipe or a spaced dash.
TITLE_LABELS = (
    "watch",
    "video",
    "videos",
    "live",
    "live updates",
    "photos",
    "pictures",
    "in pictures",
    "gallery",
    "listen",
    "podcast",
)

# Paragraphs of a body that are page furniture wherever they stand (besides FURNITURE_LINES):
# advertising slots, gallery and player prompts, contact and copyright lines. Regular
# expression fragments matched against the whole paragraph, case-insensitively.
BODY_FURNITURE_LINES = (
    r"(?:story|article|text) continues (?:below|after)(?: (?:the|this))? (?:advertisement|ad)"
    r"(?:\s*\(\d+\))?",
    r"advertisement\s*[-–—:]?\s*(?:scroll|continue) (?:down )?(?:to|reading) .{0,40}",
    r"(?:scroll|continue) (?:down )?to (?:continue|keep) reading",
    r"ad(?:vertisement)?s?",
    r"open this photo in gallery:?",
    r"(?:click|tap) (?:here )?to (?:enlarge|expand|view|play|watch).{0,80}",
    r"(?:view|see|open) (?:the )?(?:photo )?gallery.{0,40}",
    r"(?:watch|video|listen|live|photos|gallery)\s*[:|]\s*.{1,150}",
    r"(?:related|more|see also|read also|also read|read more|recommended)\s*[:|]\s*.{1,150}",
    r"(?:top|more) (?:stories|videos|headlines)",
    r"(?:this (?:material|article|story)|the material) may not be published, broadcast,"
    r"(?: rewritten)?,? or redistributed\.?.{0,80}",
    r"copyright\b.{0,120}",
    r"(?:contact|email|e-mail|reach|write to|send (?:news )?tips to|got a (?:news )?tip|"
    r"have a (?:news )?tip)\b.{0,120}(?:\S+@\S+\.\w+|\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}).{0,40}",
    r"(?:sign up|subscribe)\b.{0,80}",
    r"(?:share|tweet|email|print)(?:\s*(?:this|\||/|,)\s*(?:share|tweet|email|print|story|"
    r"article|facebook|twitter|whatsapp|linkedin))+",
)

# A caption, told by the credit that ends it: "Mayor Holt on Monday. (Photo: Jane Doe)",
# "The quay at dawn. Photo: Jane Doe/Harbour Times", "(AP Photo/Jane Doe)".
CAPTION_CREDIT_WORDS = (
    "photo",
    "photos",
    "photograph",
    "photographer",
    "picture",
    "pictures",
    "image",
    "images",
    "illustration",
    "credit",
    "file photo",
    "video",
)
# Picture agencies whose name alone ends a caption ("… at the quay. Getty Images").
PICTURE_AGENCIES = ("getty images", "shutterstock", "istock", "istockphoto", "alamy")

# Headings of a block of links to other stories; the short lines after one are headlines of
# other articles, not this one's text.
RELATED_HEADINGS = (
    r"related(?: (?:articles?|stories|posts|news|topics|coverage|content|links|reading))?",
    r"more (?:on this|about this|from|on|in) .{0,60}",
    r"more (?:stories|news|coverage|headlines)",
    r"read more\s*:",  # without its colon, "Read more" is as often a link inside the text
    r"read (?:this|these) next",
    r"(?:you|we think you) (?:may|might|could) also (?:like|enjoy|be interested in)",
    r"recommended(?: (?:for you|stories|reading))?",
    r"(?:most|top) (?:read|popular|viewed|shared)(?: stories)?",
    r"(?:editor'?s|our) picks?",
    r"(?:latest|trending)(?: (?:news|stories|now))?",
    r"see also",
    r"also (?:read|see|on \S+)",
)
