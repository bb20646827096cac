"""`newsgraph serve`: the web app over a corpus, run by uvicorn (the `web` extra)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import click

from newsgraph.cli.corpus import db_option, fail_clearly
from newsgraph.records import Document
from newsgraph.settings import load_settings


class ExtractorAnalyse:
    """The analyse function for POST /api/extract: one Extractor, one text at a time (its
    spaCy pipeline is not shared between threads)."""

    def __init__(self) -> None:
        from newsgraph.pipeline import Extractor

        self.extractor = Extractor(load_settings())
        self.lock = threading.Lock()

    def __call__(self, text: str, html: bool) -> dict[str, Any]:
        document = Document(text=text, format="html" if html else "text")
        with self.lock:
            return next(self.extractor.extract_documents([document])).to_dict()

    def load_in_background(self) -> None:
        """The model loaded now, beside the server: it starts at once, and the first
        analysis does not spend its time limit loading."""

        def load() -> None:
            with self.lock:
                self.extractor.load()

        threading.Thread(target=load, daemon=True).start()


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to bind.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@fail_clearly
def serve(db: Path | None, host: str, port: int) -> None:
    """Explore the corpus in a browser, and its JSON API under /api/ (read-only).

    Example: newsgraph serve --db news.db --port 8000
    """
    try:
        import uvicorn

        from newsgraph.web import create_app
    except ImportError:
        raise click.ClickException(
            "serve needs the web extra: pip install 'newsgraph[web]'"
        ) from None
    settings = load_settings()
    analyse = ExtractorAnalyse()
    app = create_app(
        db or settings.db,
        analyse,
        max_body=settings.max_input_bytes,
        time_limit=settings.time_limit or 600.0,  # 0 is "no limit": a request still ends
    )
    analyse.load_in_background()
    click.echo(f"newsgraph: serving {db or settings.db} at http://{host}:{port}/ (Ctrl-C stops)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
