"""Fetch a URL with httpx: bounded in time, size and redirects, with a clear user agent.

Every way a fetch goes wrong (no connection, an HTTP error status, too many redirects, a
server that does not answer in time, a body over the size limit) is a `FetchError` naming
the URL and the reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from newsgraph._version import __version__
from newsgraph.errors import FetchError, InputTooLargeError
from newsgraph.ingest.options import ReadOptions

USER_AGENT = (
    f"newsgraph/{__version__} (news article extraction; +https://pypi.org/project/newsgraph/)"
)
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml;q=0.9,*/*;q=0.5"
# The whole fetch may take this many times the per-step timeout: a server that sends a byte
# now and then must not hold a batch for ever.
TOTAL_TIMEOUT_FACTOR = 3


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # lower-cased, without parameters; "" when not given
    charset: str | None  # as the server declared it; decoding tries it first
    data: bytes


def fetch(url: str, options: ReadOptions) -> Fetched:
    """The body of `url`, or a FetchError saying why not."""
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    timeout = httpx.Timeout(options.timeout)
    try:
        with (
            httpx.Client(
                headers=headers,
                timeout=timeout,
                follow_redirects=True,
                max_redirects=options.max_redirects,
            ) as client,
            client.stream("GET", url) as response,
        ):
            response.raise_for_status()
            data = _read_capped(response, url, options)
            return Fetched(
                url=str(response.url),
                content_type=response.headers.get("content-type", "").split(";")[0].strip().lower(),
                charset=response.charset_encoding,
                data=data,
            )
    except httpx.HTTPStatusError as error:
        status = error.response
        raise FetchError(url, f"HTTP {status.status_code} {status.reason_phrase}") from None
    except httpx.TooManyRedirects:
        raise FetchError(url, f"more than {options.max_redirects} redirects") from None
    except httpx.TimeoutException:
        raise FetchError(url, f"no answer within {options.timeout:g} s (timeout)") from None
    except httpx.HTTPError as error:
        raise FetchError(url, f"cannot be fetched ({type(error).__name__}: {error})") from None


def _read_capped(response: httpx.Response, url: str, options: ReadOptions) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise _too_large(url, options.max_bytes)
    deadline = time.monotonic() + options.timeout * TOTAL_TIMEOUT_FACTOR
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            raise _too_large(url, options.max_bytes)
        if time.monotonic() > deadline:
            total = options.timeout * TOTAL_TIMEOUT_FACTOR
            raise FetchError(url, f"not complete within {total:g} s (timeout)")
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, max_bytes: int) -> InputTooLargeError:
    return InputTooLargeError(url, f"larger than the limit of {max_bytes:,} bytes")
