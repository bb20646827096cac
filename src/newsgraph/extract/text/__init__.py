"""Scraped text: the header lines (title, section, byline, date, counters) and the body."""
