"""Scraped-text layouts of our own invention: every field and the body, one table row each.

The stories, places and people are fictional. A row gives the page and what must come out:
each metadata field, what the body starts with, and snippets it must (not) contain.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from newsgraph.extract.text.page import parse_scraped

PIER = (
    "The council of Harbour Town voted on Monday to rebuild the old pier, which a storm "
    "destroyed last winter."
)
PIER_2 = "Work is expected to start in the spring and to last about eighteen months."
FESTIVAL = (
    "Tens of thousands of visitors came to the shores of Lake Orvin over the weekend for the "
    "annual lantern festival."
)
MINE = (
    "The Kessler mine in the northern hills will close at the end of the year, its owners "
    "said on Thursday, ending two centuries of digging."
)


@dataclass(frozen=True)
class Layout:
    text: str
    title: str | None = None
    section: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    views: int | None = None
    starts: str = ""
    excludes: tuple[str, ...] = ()
    contains: tuple[str, ...] = field(default=())


LAYOUTS = {
    "several furniture items on one line": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\n\nShare   Follow us\n\n{PIER}\n\n"
        f"Tweet | Email | Print\n\n{PIER_2}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        starts=PIER,
        excludes=("Share", "Follow us", "Tweet"),
        contains=(PIER_2,),
    ),
    "byline before title": Layout(
        f"By Marta Lindqvist\nHarbour Town Votes to Rebuild the Old Pier\nMarch 14, 2022\n\n"
        f"{PIER}\n\n{PIER_2}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        authors=("Marta Lindqvist",),
        published="2022-03-14",
        starts=PIER,
        excludes=("Marta", "March 14"),
    ),
    "posted on ... by ...": Layout(
        f"Lake Orvin Festival Draws Record Crowds\nPosted on July 9, 2023 by Tomas Ekwall\n\n"
        f"{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        authors=("Tomas Ekwall",),
        published="2023-07-09",
        starts=FESTIVAL,
        excludes=("Posted on",),
    ),
    "by X | date | min read": Layout(
        f"Kessler Mine to Close After Two Centuries\n\nBy Ruth Amberley | June 3, 2021 | "
        f"4 min read\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Ruth Amberley",),
        published="2021-06-03",
        starts=MINE,
        excludes=("min read", "Amberley"),
    ),
    "arabic name kept as written": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\nسارة الحكيم\nMarch 14, 2022\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        authors=("سارة الحكيم",),
        published="2022-03-14",
        starts=PIER,
        excludes=("سارة",),
    ),
    "hebrew name on the date line": Layout(
        f"Lake Orvin Festival Draws Record Crowds\n\nנועה לוי · 9 July 2023\n\n{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        authors=("נועה לוי",),
        published="2023-07-09",
        starts=FESTIVAL,
    ),
    "persian name printed twice with section and counter": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\n\nCoast رضا مرادیرضا مرادی "
        f"Monday March 14th, 2022 12 Views\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        section="Coast",
        authors=("رضا مرادی",),
        published="2022-03-14",
        views=12,
        starts=PIER,
        excludes=("Views", "رضا"),
    ),
    "cyrillic name": Layout(
        f"Kessler Mine to Close After Two Centuries\nBy Ирина Соколова\n2021-06-03\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Ирина Соколова",),
        published="2021-06-03",
        starts=MINE,
    ),
    "cjk name": Layout(
        f"Lake Orvin Festival Draws Record Crowds\n林美玲 | July 9, 2023\n\n{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        authors=("林美玲",),
        published="2023-07-09",
        starts=FESTIVAL,
    ),
    "latin name printed twice": Layout(
        f"Kessler Mine to Close After Two Centuries\nIvo PetersIvo Peters\nJune 3, 2021\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Ivo Peters",),
        published="2021-06-03",
        starts=MINE,
    ),
    "date-only line": Layout(
        f"June 3, 2021\n\n{MINE}",
        published="2021-06-03",
        starts=MINE,
        excludes=("June 3, 2021",),
    ),
    "no metadata at all": Layout(
        f"{PIER}\n\n{PIER_2}",
        starts=PIER,
        contains=(f"{PIER}\n\n{PIER_2}",),
    ),
    "body opens with a date": Layout(
        f"June 3, 2021 — {MINE}\n\n{PIER_2}",
        published="2021-06-03",
        starts=f"June 3, 2021 — {MINE}",
    ),
    "wire dateline opens the body": Layout(
        f"Kessler Mine to Close After Two Centuries\n\nBy Ruth Amberley\n\n"
        f"KESSLER (Reuters) - {MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Ruth Amberley",),
        starts="KESSLER (Reuters) - The Kessler mine",
    ),
    "names then agency": Layout(
        f"Lake Orvin Festival Draws Record Crowds\nAnna Berg, Piet Smolders | Reuters\n"
        f"July 9, 2023\n\n{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        authors=("Anna Berg", "Piet Smolders"),
        published="2023-07-09",
        starts=FESTIVAL,
        excludes=("Reuters",),
    ),
    "by A and B": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\nBy Marta Lindqvist and Jon Okafor\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        authors=("Marta Lindqvist", "Jon Okafor"),
        starts=PIER,
    ),
    "three authors and AP": Layout(
        f"Kessler Mine to Close After Two Centuries\nBy Ruth Amberley, Li Wen and Sam Dune, AP\n"
        f"Published 6/3/2021 2:15 PM ET\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Ruth Amberley", "Li Wen", "Sam Dune"),
        published=None,  # 6/3/2021 could be June 3 or 6 March: nothing on the page decides
        starts=MINE,
    ),
    "ambiguous date decided by weekday": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\nSaturday 03/04/2021\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        published="2021-04-03",
        starts=PIER,
    ),
    "ambiguous date decided by another date": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\nPublished 03/04/2021 · Updated 25/04/2021"
        f"\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        published="2021-04-03",
        starts=PIER,
    ),
    "updated before published": Layout(
        f"Lake Orvin Festival Draws Record Crowds\nUpdated July 10, 2023\nPublished July 9, 2023"
        f"\n\n{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        published="2023-07-09",
        starts=FESTIVAL,
        excludes=("Updated",),
    ),
    "time with zone": Layout(
        f"Kessler Mine to Close After Two Centuries\nJune 3, 2021 10:30 AM EDT\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        published="2021-06-03T10:30:00-04:00",
        starts=MINE,
    ),
    "thousands of views": Layout(
        f"Lake Orvin Festival Draws Record Crowds\nJuly 9, 2023 • 1.2K views • 3 Comments\n\n"
        f"{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        published="2023-07-09",
        views=1200,
        starts=FESTIVAL,
        excludes=("Comments",),
    ),
    "views label": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\nViews: 1,234\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        views=1234,
        starts=PIER,
    ),
    "breadcrumbs": Layout(
        f"Home > World > Northern Isles\nKessler Mine to Close After Two Centuries\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        section="Northern Isles",
        starts=MINE,
    ),
    "section label": Layout(
        f"Section: Science\nLake Orvin Festival Draws Record Crowds\n\n{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        section="Science",
        starts=FESTIVAL,
    ),
    "lone section line before title": Layout(
        f"Politics\n\nHarbour Town Votes to Rebuild the Old Pier\n\nBy Jon Okafor\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        section="Politics",
        authors=("Jon Okafor",),
        starts=PIER,
    ),
    "furniture at the top": Layout(
        f"Skip to content\nMenu\nShare\nFollow us on Twitter\n"
        f"Lake Orvin Festival Draws Record Crowds\n\n{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        starts=FESTIVAL,
        excludes=("Follow", "Share", "Menu"),
    ),
    "furniture at the bottom": Layout(
        f"{MINE}\n\n{PIER_2}\n\nShare\n\nTags: mining, hills\n\n"
        "Sign up for our newsletter\n\n© 2021 The Valley Courier. All rights reserved.",
        starts=MINE,
        excludes=("Tags", "newsletter", "©", "Share"),
        contains=(PIER_2,),
    ),
    "related links at the bottom": Layout(
        f"{FESTIVAL}\n\n{PIER_2}\n\nRelated articles\n\nLantern Makers Prepare\n\nLake Level Falls",
        starts=FESTIVAL,
        excludes=("Related", "Lantern Makers"),
    ),
    "read more and advertisement inside the body": Layout(
        f"{MINE}\n\nAdvertisement\n\nRead more: Hills Towns Brace for Closure\n\n{PIER_2}",
        starts=MINE,
        excludes=("Advertisement", "Read more"),
        contains=(PIER_2,),
    ),
    "written by": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\nWritten by Carla Ruiz-Moreno\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        authors=("Carla Ruiz-Moreno",),
        starts=PIER,
    ),
    "author label": Layout(
        f"Author: Dmitri Vale\nDate: 2021-06-03\nKessler Mine to Close After Two Centuries\n\n"
        f"{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Dmitri Vale",),
        published="2021-06-03",
        starts=MINE,
    ),
    "staff is no person": Layout(
        f"Lake Orvin Festival Draws Record Crowds\nBy Staff Writer | July 9, 2023\n\n{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        published="2023-07-09",
        starts=FESTIVAL,
    ),
    "name with job": Layout(
        f"Lake Orvin Festival Draws Record Crowds\nBy Hanne Voss, Senior Correspondent\n\n"
        f"{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        authors=("Hanne Voss",),
        starts=FESTIVAL,
    ),
    "ordinal day first": Layout(
        f"Kessler Mine to Close After Two Centuries\nThursday, 3rd of June, 2021\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        published="2021-06-03",
        starts=MINE,
    ),
    "dotted numeric date": Layout(
        f"Kessler Mine to Close After Two Centuries\n03.06.2021 | Nordland\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        published="2021-06-03",
        starts=MINE,
    ),
    "bare name beside the date": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\nJon Okafor\nMarch 14, 2022\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        authors=("Jon Okafor",),
        published="2022-03-14",
        starts=PIER,
    ),
    "name and date on one line": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier\nJon Okafor, March 14, 2022\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        authors=("Jon Okafor",),
        published="2022-03-14",
        starts=PIER,
    ),
    "section, byline and date separated": Layout(
        f"Lake Orvin Festival Draws Record Crowds\nMiddle East | By Yusuf Demir in Orvin | "
        f"Sun 9 Jul 2023\n\n{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        section="Middle East",
        authors=("Yusuf Demir",),
        published="2023-07-09",
        starts=FESTIVAL,
    ),
    "headline in title case ending with a period": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier After Winter Storm.\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier After Winter Storm",
        starts=PIER,
    ),
    "short first sentence is no title": Layout(
        f"The pier is gone.\n\n{PIER}",
        starts="The pier is gone.",
    ),
    "single newlines inside a paragraph stay": Layout(
        f"Kessler Mine to Close After Two Centuries\n\n{MINE}\nThe town depends on it.\n\n\n"
        f"  {PIER_2}  ",
        title="Kessler Mine to Close After Two Centuries",
        starts=MINE,
        contains=(f"{MINE}\nThe town depends on it.\n\n{PIER_2}",),
    ),
    "subtitle between title and byline": Layout(
        f"Kessler Mine to Close After Two Centuries\nThe owners blame falling prices\n"
        f"By Ruth Amberley\nJune 3, 2021\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Ruth Amberley",),
        published="2021-06-03",
        starts=MINE,
    ),
    "standfirst before byline and date": Layout(
        f"Kessler Mine to Close After Two Centuries\n\n{PIER}\n\nBy Ruth Amberley\n"
        f"June 3, 2021\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Ruth Amberley",),
        published="2021-06-03",
        starts=MINE,
        excludes=("Amberley",),
    ),
    "a dated question in the body is no metadata": Layout(
        f"Kessler Mine to Close After Two Centuries\n\n{MINE}\n\n"
        f"Q: When did you start at the mine, on May 17, 2001?\n\nA: In the spring.",
        title="Kessler Mine to Close After Two Centuries",
        starts=MINE,
        contains=("Q: When did you start at the mine, on May 17, 2001?",),
    ),
    "question headline": Layout(
        f"Is This the End of the Road for the Old Pier at Harbour Town?\n\n{PIER}",
        title="Is This the End of the Road for the Old Pier at Harbour Town?",
        starts=PIER,
    ),
    "headline and date on one line": Layout(
        f"Harbour Town Votes to Rebuild the Old Pier | March 14, 2022\n\n{PIER}",
        title="Harbour Town Votes to Rebuild the Old Pier",
        published="2022-03-14",
        starts=PIER,
    ),
    "headline starting with By is no byline": Layout(
        f"By the Numbers: A Year on Lake Orvin\nJuly 9, 2023\n\n{FESTIVAL}",
        title="By the Numbers: A Year on Lake Orvin",
        published="2023-07-09",
        starts=FESTIVAL,
    ),
    "posted in a section": Layout(
        f"Lake Orvin Festival Draws Record Crowds\nPosted in Local News\n\n{FESTIVAL}",
        title="Lake Orvin Festival Draws Record Crowds",
        section="Local News",
        starts=FESTIVAL,
    ),
    "filed under several sections": Layout(
        f"Filed under: Mining, Economy\nKessler Mine to Close After Two Centuries\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        section="Mining",
        starts=MINE,
    ),
    "byline label and editor": Layout(
        f"Kessler Mine to Close After Two Centuries\nBYLINE: Ruth Amberley. Edited by Li Wen\n\n"
        f"{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Ruth Amberley",),
        starts=MINE,
    ),
    "headline ending with an abbreviation keeps its period": Layout(
        f"Harbour Town Pier Wins Grant From the U.S.\n\n{PIER}",
        title="Harbour Town Pier Wins Grant From the U.S.",
        starts=PIER,
    ),
    "minutes in a headline are no counter": Layout(
        f"Every 72 Minutes, a Lantern Rises Over Lake Orvin\n\n{FESTIVAL}",
        title="Every 72 Minutes, a Lantern Rises Over Lake Orvin",
        starts=FESTIVAL,
    ),
    "relative time is no date and no title": Layout(
        f"Posted: 2 days ago\nKessler Mine to Close After Two Centuries\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        starts=MINE,
        excludes=("ago",),
    ),
    "name and job without by": Layout(
        f"Kessler Mine to Close After Two Centuries\nRuth Amberley | Staff Writer\n\n{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        authors=("Ruth Amberley",),
        starts=MINE,
    ),
    "dateline with place opens the body": Layout(
        f"KESSLER, June 3, 2021 — {MINE}",
        published="2021-06-03",
        starts="KESSLER, June 3, 2021 — ",
    ),
    "weekday in its own segment decides": Layout(
        f"Kessler Mine to Close After Two Centuries\nThursday | 03/06/2021 | Comments (3)\n\n"
        f"{MINE}",
        title="Kessler Mine to Close After Two Centuries",
        published="2021-06-03",
        starts=MINE,
        excludes=("Comments",),
    ),
    "wire layout with sign-off": Layout(
        f"World\nKessler mine to close after two centuries, owners say\n"
        f"By Ruth Amberley and Li Wen\n3 minute read\nJune 3, 2021 10:32 AM UTC\n"
        f"Updated 2 hours ago\n\nKESSLER, June 3 (Reuters) - {MINE}\n\n"
        f"Reporting by Ruth Amberley; Editing by Sam Dune\n"
        f"Our Standards: The Trust Principles.",
        title="Kessler mine to close after two centuries, owners say",
        section="World",
        authors=("Ruth Amberley", "Li Wen"),
        published="2021-06-03T10:32:00+00:00",
        starts="KESSLER, June 3 (Reuters) - ",
        excludes=("minute read", "Our Standards"),
        contains=("Editing by Sam Dune",),
    ),
    "bar trail and published on": Layout(
        f"News|Mining\nKessler mine to close after two centuries\n"
        f"Published On 3 Jun 2021 3 Jun 2021\n\n{MINE}",
        title="Kessler mine to close after two centuries",
        section="Mining",
        published="2021-06-03",
        starts=MINE,
    ),
    "trail ending with the headline and a blog trailer": Layout(
        f"Home » Local News » Kessler mine to close after two centuries\n"
        f"Kessler mine to close after two centuries\nPosted on June 3, 2021 by admin\n"
        f"Leave a comment\n\n{MINE}\n\nShare this:\nTwitter\nFacebook\nLike this:\nRelated",
        title="Kessler mine to close after two centuries",
        section="Local News",
        published="2021-06-03",
        starts=MINE,
        excludes=("Share", "Like this", "admin", "Related"),
    ),
    "name with outlet": Layout(
        f"KESSLER MINE TO CLOSE AFTER TWO CENTURIES\nRuth Amberley, The Valley Courier\n"
        f"Jun 3, 2021\n\n{MINE}",
        title="KESSLER MINE TO CLOSE AFTER TWO CENTURIES",
        authors=("Ruth Amberley",),
        published="2021-06-03",
        starts=MINE,
    ),
    "name, follow button and reading time": Layout(
        f"Kessler mine to close after two centuries\nRuth Amberley\nFollow\n5 min read\n"
        f"Jun 3, 2021\n\n{MINE}",
        title="Kessler mine to close after two centuries",
        authors=("Ruth Amberley",),
        published="2021-06-03",
        starts=MINE,
    ),
    "place after name and a dotted time with zone": Layout(
        f"Mining\nKessler mine to close after two centuries\n"
        f"Owners blame falling prices as the town faces an uncertain future\n"
        f"Ruth Amberley in Kessler\nThu 3 Jun 2021 10.32 BST\n\n{MINE}",
        title="Kessler mine to close after two centuries",
        section="Mining",
        authors=("Ruth Amberley",),
        published="2021-06-03T10:32:00+01:00",
        starts=MINE,
    ),
    "broadcaster byline and updated time": Layout(
        f"Kessler mine to close after two centuries\nBy Ruth Amberley, CNN\n"
        f"Updated 10:32 AM EDT, Thu June 3, 2021\n\n{MINE}",
        title="Kessler mine to close after two centuries",
        authors=("Ruth Amberley",),
        published="2021-06-03T10:32:00-04:00",
        starts=MINE,
    ),
    "capitals name glued to the agency": Layout(
        f"Kessler mine to close after two centuries\nBy RUTH AMBERLEY Associated Press\n"
        f"June 3, 2021, 10:32 AM\n\n{MINE}",
        title="Kessler mine to close after two centuries",
        authors=("RUTH AMBERLEY",),
        published="2021-06-03T10:32:00",
        starts=MINE,
    ),
    "labels on their own lines": Layout(
        f"Kessler mine to close after two centuries\nUpdated\n4 June 2021\nPublished\n"
        f"3 June 2021\nShare\n\n{MINE}",
        title="Kessler mine to close after two centuries",
        published="2021-06-03",
        starts=MINE,
        excludes=("Published", "Updated"),
    ),
    "kicker before the headline": Layout(
        f"EXCLUSIVE\nKessler mine to close after two centuries\nBy Ruth Amberley\n\n{MINE}",
        title="Kessler mine to close after two centuries",
        authors=("Ruth Amberley",),
        starts=MINE,
    ),
    "name above a job line": Layout(
        f"Kessler mine to close after two centuries\nRuth Amberley\nSenior Correspondent\n\n{MINE}",
        title="Kessler mine to close after two centuries",
        authors=("Ruth Amberley",),
        starts=MINE,
        excludes=("Correspondent",),
    ),
    "sentence headline made a title by the byline after it": Layout(
        f"Kessler mine will close after two centuries of digging in the hills, owners say.\n"
        f"By Ruth Amberley\n\n{MINE}",
        title="Kessler mine will close after two centuries of digging in the hills, owners say",
        authors=("Ruth Amberley",),
        starts=MINE,
    ),
}


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_layout(layout: Layout) -> None:
    page = parse_scraped(layout.text)
    meta = page.metadata
    got = (meta.title, meta.section, meta.authors, meta.published, meta.views)
    want = (layout.title, layout.section, layout.authors, layout.published, layout.views)
    assert got == want
    assert meta.language is None
    assert page.body.startswith(layout.starts)
    for unwanted in layout.excludes:
        assert unwanted not in page.body
    for wanted in layout.contains:
        assert wanted in page.body


def test_layouts_are_many_and_varied() -> None:
    assert len(LAYOUTS) >= 30


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "\x00\x01", "||||", "By", "June 3, 2021", "> > >", "0 Views", "\ufeff"],
)
def test_odd_input_never_raises(text: str) -> None:
    page = parse_scraped(text)
    assert page.body == page.body.strip()
    assert "\n\n\n" not in page.body
