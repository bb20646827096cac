"""The web app: a JSON API under /api/ and server-rendered pages over the same dicts.

    app = create_app("newsgraph.db", analyse=...)   # `newsgraph serve` passes an Extractor's

Read-only over the corpus (each thread opens it with `PRAGMA query_only`), no write
endpoint; `POST /api/extract` analyses a text through the injected `analyse` function and
stores nothing, so this package never imports the pipeline or spaCy.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from newsgraph._version import __version__
from newsgraph.errors import NewsgraphError
from newsgraph.records import QUOTE_KINDS, QUOTE_TYPES, Article, QuoteKind, QuoteType
from newsgraph.store import Corpus
from newsgraph.store.queries import QuoteFilters
from newsgraph.web import pages
from newsgraph.web.guard import Guard

# The record of a text: (text, is_html) -> record v1 as a dict. Injected by `serve`.
Analyse = Callable[[str, bool], dict[str, Any]]
STATIC = Path(__file__).parent / "static"
MAX_LIMIT = 500
MAX_OFFSET = 1_000_000
MAX_ID = 2**62  # SQLite integers are 64-bit: a larger id is simply not found

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=200)]
RowId = Annotated[int, PathParam(ge=1, le=MAX_ID)]


class Problem(BaseModel):
    """Every error: its HTTP status and why."""

    status: int
    reason: str


class ExtractRequest(BaseModel):
    text: str = Field(description="the article: scraped text, or an HTML page with html=true")
    html: bool = False


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem} for code in (400, 404, 413, 422)
}


class Corpora:
    """One read-only connection per thread (SQLite connections are not for sharing)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Opened once now: a path that is no corpus fails at start with its reason, and an
        # older corpus is migrated here (as every query command does), never by a request.
        Corpus(path, create=False).close()
        self._local = threading.local()

    def get(self) -> Corpus:
        corpus: Corpus | None = getattr(self._local, "corpus", None)
        if corpus is None:
            corpus = Corpus(self.path, create=False, migrate=False)
            corpus.connection.execute("PRAGMA query_only = ON")
            self._local.corpus = corpus
        return corpus


def templates() -> Environment:
    environment = Environment(
        loader=PackageLoader("newsgraph.web", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["version"] = __version__
    environment.globals["quote_types"] = QUOTE_TYPES
    environment.globals["quote_kinds"] = QUOTE_KINDS
    return environment


def create_app(
    db: str | Path,
    analyse: Analyse | None = None,
    *,
    max_body: int = 1_000_000,
    time_limit: float = 60.0,
) -> FastAPI:
    """The app over the corpus at `db`; `analyse` makes POST /api/extract and the analyse
    page work (without it they answer 503)."""
    corpora = Corpora(Path(db))
    environment = templates()
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Who said what about whom: the corpus, read-only.",
        docs_url=None,  # Swagger UI loads from a CDN: the app works offline instead
        redoc_url=None,
    )
    app.add_middleware(Guard, max_body=max_body)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _errors(app, environment)
    _api(app, corpora, analyse, time_limit)
    _pages(app, corpora, environment, analyse, time_limit)
    return app


def _problem(status: int, reason: str) -> JSONResponse:
    return JSONResponse({"status": status, "reason": reason}, status_code=status)


def _errors(app: FastAPI, environment: Environment) -> None:
    def answer(request: Request, status: int, reason: str) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return _problem(status, reason)
        html = environment.get_template("error.html").render(status=status, reason=reason)
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(pages.NotFound)
    async def not_found(request: Request, error: pages.NotFound) -> Response:
        return answer(request, 404, str(error))

    @app.exception_handler(NewsgraphError)
    async def bad_query(request: Request, error: NewsgraphError) -> Response:
        return answer(request, 400, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        reasons = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in error.errors()
        )
        return answer(request, 422, reasons)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        return answer(request, error.status_code, str(error.detail))


async def run_analysis(analyse: Analyse | None, text: str, html: bool, limit: float) -> Article:
    """The record of a text, within the time limit; nothing is stored."""
    if analyse is None:
        raise HTTPException(503, "analysis is not available: `newsgraph serve` provides it")
    try:
        # The request ends at the limit; the thread finishes its document in the background
        # (a thread cannot be killed), and `serve`'s analyse takes one document at a time.
        record = await asyncio.wait_for(asyncio.to_thread(analyse, text, html), limit)
    except TimeoutError:
        raise HTTPException(503, f"the analysis took longer than {limit:g} s") from None
    return Article.from_dict(record)


def _api(app: FastAPI, corpora: Corpora, analyse: Analyse | None, time_limit: float) -> None:
    api: dict[str, Any] = {"responses": ERRORS, "tags": ["api"]}

    @app.get("/api/articles", **api)
    def articles(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """The articles, newest first."""
        return pages.article_list(corpora.get(), limit, offset)

    @app.get("/api/articles/{article_id}", **api)
    def article(article_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One article's record, its body cut for highlighting, its timeline."""
        return pages.article_page(corpora.get(), article_id)

    @app.get("/api/quotes", **api)
    def quotes(
        speaker: Text = None,
        about: Text = None,
        text: Text = None,
        since: Text = None,
        until: Text = None,
        type: QuoteType | None = None,
        kind: QuoteKind | None = None,
        outlet: Text = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Who said what, by date: the statements matching every filter (as `newsgraph quotes`)."""
        filters = QuoteFilters(speaker, about, text, since, until, type, kind, outlet)
        return pages.quote_list(corpora.get(), filters, limit, offset)

    @app.get("/api/people", **api)
    def people(name: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """People and organisations quoted, most quoted first."""
        return pages.people_list(corpora.get(), name, limit, offset)

    @app.get("/api/people/{person_id}", **api)
    def person(person_id: RowId) -> dict[str, Any]:
        """One person: titles, stated gender and its evidence, quotes, quotes per week."""
        return pages.person_page(corpora.get(), person_id)

    @app.get("/api/entities", **api)
    def entities(type: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        """Every entity named, the most widely named first."""
        return pages.entity_list(corpora.get(), type, limit, offset)

    @app.get("/api/entities/{entity_id}", **api)
    def entity(entity_id: RowId) -> dict[str, Any]:
        """One entity: the quotes about it and its dated events."""
        return pages.entity_page(corpora.get(), entity_id)

    @app.get("/api/search", **api)
    def search(
        q: Text = None,
        speaker: Text = None,
        about: Text = None,
        since: Text = None,
        until: Text = None,
        type: QuoteType | None = None,
        kind: QuoteKind | None = None,
        outlet: Text = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Articles matching the words, with marked snippets, and the quotes matching."""
        filters = QuoteFilters(speaker, about, None, since, until, type, kind, outlet)
        return pages.search(corpora.get(), q, filters, limit, offset)

    @app.get("/api/timeline", **api)
    def timeline(
        entity: Text = None, speaker: Text = None, limit: Limit = 100, offset: Offset = 0
    ) -> dict[str, Any]:
        """Dated events across the articles, in date order."""
        return pages.timeline_page(corpora.get(), entity, speaker, limit, offset)

    @app.get("/api/sources", **api)
    def sources(since: Text = None, until: Text = None, about: Text = None) -> dict[str, Any]:
        """Who gets quoted: shares by stated gender, source kind, outlet, section, month."""
        filters = QuoteFilters(since=since, until=until, about=about)
        return pages.sources_page(corpora.get(), filters)

    @app.get("/api/stats", **api)
    def stats() -> dict[str, Any]:
        """Rows per table, schema version, extracting versions."""
        return pages.stats_page(corpora.get())

    @app.post("/api/extract", responses={**ERRORS, 503: {"model": Problem}}, tags=["api"])
    async def extract(body: ExtractRequest) -> dict[str, Any]:
        """An article's text or HTML in, its record out; nothing is stored."""
        article = await run_analysis(analyse, body.text, body.html, time_limit)
        return article.to_dict()


def _pages(
    app: FastAPI,
    corpora: Corpora,
    environment: Environment,
    analyse: Analyse | None,
    time_limit: float,
) -> None:
    page: dict[str, Any] = {"response_class": HTMLResponse, "include_in_schema": False}

    def render(name: str, data: dict[str, Any], api: str | None, **extra: Any) -> HTMLResponse:
        html = environment.get_template(name).render(data=data, api=api, **extra)
        return HTMLResponse(html)

    @app.get("/", **page)
    def search_page(request: Request) -> HTMLResponse:
        given = {k: v for k, v in request.query_params.items() if v}
        query = given.pop("q", None)
        filters = QuoteFilters.from_text(given)
        data = pages.search(corpora.get(), query, filters, 20, 0)
        return render("search.html", data, "/api/search?" + request.url.query)

    @app.get("/articles", **page)
    def articles_page(offset: Offset = 0) -> HTMLResponse:
        data = pages.article_list(corpora.get(), 50, offset)
        return render("articles.html", data, f"/api/articles?offset={offset}")

    @app.get("/articles/{article_id}", **page)
    def article_page(article_id: str) -> HTMLResponse:
        data = pages.article_page(corpora.get(), article_id)
        return render("article.html", data, f"/api/articles/{article_id}")

    @app.get("/people", **page)
    def people_page(offset: Offset = 0) -> HTMLResponse:
        data = pages.people_list(corpora.get(), None, 50, offset)
        return render("people.html", data, f"/api/people?offset={offset}")

    @app.get("/people/{person_id}", **page)
    def person_page(person_id: RowId) -> HTMLResponse:
        data = pages.person_page(corpora.get(), person_id)
        return render("person.html", data, f"/api/people/{person_id}")

    @app.get("/entities", **page)
    def entities_page(offset: Offset = 0) -> HTMLResponse:
        data = pages.entity_list(corpora.get(), None, 50, offset)
        return render("entities.html", data, f"/api/entities?offset={offset}")

    @app.get("/entities/{entity_id}", **page)
    def entity_page(entity_id: RowId) -> HTMLResponse:
        data = pages.entity_page(corpora.get(), entity_id)
        return render("entity.html", data, f"/api/entities/{entity_id}")

    @app.get("/timeline", **page)
    def timeline_page(request: Request, entity: Text = None, speaker: Text = None) -> HTMLResponse:
        data = pages.timeline_page(corpora.get(), entity or None, speaker or None, 200, 0)
        return render("timeline.html", data, "/api/timeline?" + request.url.query)

    @app.get("/sources", **page)
    def sources_page(
        request: Request, since: Text = None, until: Text = None, about: Text = None
    ) -> HTMLResponse:
        filters = QuoteFilters(since=since, until=until, about=about).without_blanks()
        data = pages.sources_page(corpora.get(), filters)
        return render("sources.html", data, "/api/sources?" + request.url.query)

    @app.get("/analyse", **page)
    def analyse_form() -> HTMLResponse:
        return render("analyse.html", {}, None, text="", html=False)

    @app.post("/analyse", **page)
    async def analyse_page(request: Request) -> HTMLResponse:
        # A form post parsed here: no multipart dependency, and the body is capped by Guard.
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        text = form.get("text", [""])[0]
        html = form.get("format", ["text"])[0] == "html"
        if not text.strip():
            raise HTTPException(400, "paste an article's text or HTML to analyse")
        article = await run_analysis(analyse, text, html, time_limit)
        data = pages.article_view(article, {})
        return render("analyse.html", data, None, text=text, html=html)
