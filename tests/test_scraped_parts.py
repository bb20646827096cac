"""The parts of scraped-text reading: names in bylines, header lines, counters, furniture."""

from __future__ import annotations

import pytest

from newsgraph.extract.text.authors import split_names, undouble
from newsgraph.extract.text.header import is_furniture, parse_count, read_header_line
from newsgraph.extract.text.page import is_prose, looks_like_headline, parse_scraped


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, John Roe and Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
        ("Jane Doe & John Roe", ["Jane Doe", "John Roe"]),
        ("Jane Doe, Reuters", ["Jane Doe"]),
        ("By The Associated Press", []),
        ("Written by Jane Doe Edited by John Roe", ["Jane Doe"]),
        ("Jane Doe in Kabul", ["Jane Doe"]),
        ("Jane Doe, Staff Writer", ["Jane Doe"]),
        ("Author: Jane Doe.", ["Jane Doe"]),
        ("John Roe Jr.", ["John Roe Jr."]),
        ("Jane DoeJane Doe", ["Jane Doe"]),
        ("Jane Doe and jane doe", ["Jane Doe"]),
        ("محمد نبی کریمیمحمد نبی کریمی", ["محمد نبی کریمی"]),
        ("Иван Петров и Анна Смирнова", ["Иван Петров и Анна Смирнова"]),  # kept as written
    ],
)
def test_split_names(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


def test_undouble_only_exact_doubles() -> None:
    assert undouble("AnnAnn") == "Ann"
    assert undouble("Ann Ann") == "Ann"
    assert undouble("Anna") == "Anna"
    assert undouble("Ada Ada Ada") == "Ada Ada Ada"


@pytest.mark.parametrize(
    ("text", "count"),
    [("0", 0), ("1,234", 1234), ("1.2K", 1200), ("3M", 3_000_000), ("12.5k", 12500)],
)
def test_parse_count(text: str, count: int) -> None:
    assert parse_count(text) == count


def test_seed_like_header_line() -> None:
    line = "World ليلى حسنليلى حسن Friday June 4th, 2021 1,234 Views"
    reading = read_header_line(line)
    assert reading is not None
    assert reading.section == "World"
    assert reading.authors == ("ليلى حسن",)
    assert [d.value for d in reading.dates] == ["2021-06-04"]
    assert reading.views == 1234


def test_other_scripts_are_text_on_a_page_in_that_script() -> None:
    reading = read_header_line("首页 新闻 图片 2021-06-04", latin_page=False)
    assert reading is not None and reading.authors == ()


def test_a_menu_of_names_is_no_byline() -> None:
    line = "By " + ", ".join(f"Ann Lee{i * 'e'}" for i in range(1, 11))
    reading = read_header_line(line)
    assert reading is None or reading.authors == ()


@pytest.mark.parametrize(
    "line",
    [
        "The storm reached the coast on June 3, 2021 and flooded the harbour.",
        "Man bitten by dog in Springfield",
        "Harbour Town Votes to Rebuild the Old Pier",
        "",
    ],
)
def test_lines_without_metadata(line: str) -> None:
    assert read_header_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Share",
        "Share this article",
        "Follow us on Twitter",
        "Read more: Hills Towns Brace for Closure",
        "0 Comments",
        "Tags: mining, hills",
        "© 2021 The Valley Courier",
        "Copyright 2021 Valley Media. All rights reserved.",
        "Sign up for our newsletter",
        "Advertisement",
        "Related articles",
    ],
)
def test_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Shares in the company fell by a third on Monday.",
        "The newsletter was first printed in 1921, when the town had a single press.",
        "Follow the money, the inspector told the committee.",
    ],
)
def test_prose_is_no_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_prose_and_headlines() -> None:
    assert is_prose("The council of Harbour Town voted on Monday to rebuild the old pier.")
    assert not is_prose("Harbour Town Votes to Rebuild the Old Pier After the Winter Storm.")
    assert not is_prose("Kessler Mine to Close After Two Centuries")
    assert looks_like_headline("Kessler Mine to Close After Two Centuries")
    assert not looks_like_headline("The mine will close.")


def test_byte_order_mark_and_carriage_returns() -> None:
    page = parse_scraped("\ufeffKessler Mine to Close\r\n\r\nBy Ruth Amberley\r\n\r\nIt will.\r\n")
    assert page.metadata.title == "Kessler Mine to Close"
    assert page.metadata.authors == ("Ruth Amberley",)
    assert page.body == "It will."
