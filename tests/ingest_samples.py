"""Inputs written by the ingest, batch and CLI tests: a wire story, HTML pages, feeds, WARCs.

Every text here is invented for the tests.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path


def _one_line_paragraphs(text: str) -> str:
    """Paragraphs on one line each, as scraped articles have them."""
    return "\n\n".join(" ".join(p.split()) for p in text.strip().split("\n\n")) + "\n"


WIRE_STORY = _one_line_paragraphs(
    """The harbour authority of Port Elvin said on Tuesday that the old ferry terminal
would close for repairs in the spring, after engineers found cracks in two of its piers.

"We cannot let passengers walk over a structure we do not trust," the authority's director,
Maren Holt, told reporters at the quayside. She said the ferries to Nordhaven would run from a
temporary landing on the north side of the bay while the work went on.

The repairs are expected to cost about 14 million crowns and to take eight months. The city
council will vote on the money next week, and most of its members have said they support it.

Local shopkeepers worry that fewer visitors will pass their doors. "The terminal brings people
down our street every morning," said Tomasz Wierzbicki, who runs a bakery near the landing.

The authority said it would publish a timetable for the temporary landing by the end of the
month, and that the season tickets already sold would remain valid for the new route.
"""
)

OTHER_STORY = _one_line_paragraphs(
    """Researchers at the University of Nordhaven have mapped a network of meltwater
channels beneath the Ostra glacier, using radar flown on a small aircraft over three summers.

The channels carry water from the surface to the bed of the glacier, where it lubricates the
ice and speeds its flow towards the sea, according to the team's leader, Lena Fischbach.

"We had expected a few large tunnels and found a web of small ones," Fischbach said. The
findings will help predict how quickly the glacier retreats as summers grow warmer.
"""
)


def edited_copy(story: str) -> str:
    """A syndicated copy: a new first line, one word changed, a credit at the end."""
    return (
        "PORT ELVIN (Wire) -\n\n"
        + story.replace("about 14 million", "roughly 14 million")
        + "\nReporting by the Wire desk.\n"
    )


def html_page(title: str, story: str, published: str = "2021-06-01") -> str:
    paragraphs = "".join(f"<p>{p.strip()}</p>\n" for p in story.split("\n\n") if p.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{published}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>{title}</h1>
{paragraphs}</article>
<footer>Copyright The Port Elvin Gazette</footer></body></html>
"""


def rss_feed(entries: list[dict[str, str]]) -> str:
    items = []
    for entry in entries:
        content = entry.get("content")
        encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
        items.append(
            f"<item><title>{entry['title']}</title><link>{entry['link']}</link>"
            f"<pubDate>{entry.get('date', 'Tue, 01 Jun 2021 08:00:00 GMT')}</pubDate>"
            f"<author>desk@example.org ({entry.get('author', 'Maren Holt')})</author>"
            f"<description><![CDATA[{entry.get('summary', '')}]]></description>{encoded}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Gazette</title><link>http://example.org/</link>"
        + "".join(items)
        + "</channel></rss>\n"
    )


ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Science desk</title>
<id>urn:example:science</id><updated>2021-06-02T09:00:00Z</updated>
<entry><title>Meltwater channels mapped</title><id>urn:example:1</id>
<link href="http://example.org/science/ostra"/><updated>2021-06-02T09:00:00Z</updated>
<author><name>Lena Fischbach</name></author>
<content type="html">&lt;p&gt;Researchers have mapped meltwater channels.&lt;/p&gt;
&lt;p&gt;They used radar.&lt;/p&gt;</content>
</entry></feed>
"""


def paragraphs_html(story: str) -> str:
    return "".join(f"<p>{p.strip()}</p>" for p in story.split("\n\n") if p.strip())


def write_warc(
    path: Path,
    records: list[tuple[str, str, bytes]],
    *,
    compress: bool = True,
    status: str = "200 OK",
) -> Path:
    """A WARC of response records (url, content type, payload), written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for url, content_type, payload in records:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2021-06-01T12:30:00Z"},
        )
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return path


def write_jsonl(path: Path, rows: list[object]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def truncated_gzip(data: bytes, keep: float = 0.6) -> bytes:
    assert data[:2] == b"\x1f\x8b"
    return data[: int(len(data) * keep)]


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data)
