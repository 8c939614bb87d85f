"""Where the next page of a live page is: its own "next" link, else a guessed page number.

A live page spread over several URLs usually says where its next (older) page is. The page's
links are asked in this order, the first found winning:

1. ``<link rel="next" href=...>`` (the HTML standard's link type, also what search engines
   read);
2. ``<a rel="next" href=...>``;
3. an ``<a>`` inside a pagination element (``<nav>``, ``role="navigation"``, or a class, id or
   ``aria-label`` naming pagination, a pager or paging) whose text, ``aria-label`` or ``title``
   says *Next*, *Next page*, *Older*, *Older posts* or the like (arrows and case ignored).

Relative links are resolved against the page's address (or its ``<base href>``). A
:class:`Walk` decides, page after page, which URL comes next: the page's own link when it is on
the same host and not seen before; the guessed ``?page=N`` / ``/page/N`` only while the site has
shown no next link at all (a site that links its pages ends where the links end); nothing once
``max_pages`` pages are done. This module only reads pages: :mod:`livebrief.fetch` fetches them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import SplitResult, urldefrag, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from livebrief.errors import InputError
from livebrief.fetch import SCHEMES, page_url
from livebrief.parse.decode import decode

log = logging.getLogger(__name__)

#: What a pagination link to the next (older) page says, folded (see :func:`_folded`).
NEXT_LABELS = frozenset(
    {
        "next",
        "next page",
        "next posts",
        "older",
        "older posts",
        "older entries",
        "older updates",
        "older page",
        "see older posts",
        "show older posts",
    }
)
#: Words of a class, id or label that mark an element holding page links.
PAGER_WORDS = frozenset({"pagination", "pager", "paging", "paginator", "pagenav", "pages"})
#: How far up from a link its pagination element is looked for.
_PAGER_DEPTH = 6
_DEFAULT_PORTS = {"http": 80, "https": 443}
_NOT_WORD = re.compile(r"[^\w]+")
_SPLIT = re.compile(r"[\s_]+|(?<=\w)-{1,2}(?=\w)")


def _folded(text: str | None) -> str:
    # "Older posts ›", "NEXT »", "Next\xa0page" all become plain lower-case words.
    return " ".join(_NOT_WORD.sub(" ", (text or "").casefold()).split())


def _resolve(base: str, href: str | None) -> str | None:
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    url, _fragment = urldefrag(urljoin(base, href))
    return url if urlsplit(url).scheme.lower() in SCHEMES else None


def _is_pager(node: LexborNode) -> bool:
    attrs = node.attributes
    if node.tag == "nav" or attrs.get("role") == "navigation":
        return True
    names = " ".join(str(attrs.get(a) or "") for a in ("class", "id", "aria-label")).lower()
    words = set(_SPLIT.split(names))
    return bool(words & PAGER_WORDS) or "paginat" in names


def _in_pager(node: LexborNode) -> bool:
    parent = node.parent
    for _ in range(_PAGER_DEPTH):
        if parent is None or parent.tag in ("body", "html"):
            return False
        if _is_pager(parent):
            return True
        parent = parent.parent
    return False


def _says_next(node: LexborNode) -> bool:
    attrs = node.attributes
    said = (node.text(deep=True), attrs.get("aria-label"), attrs.get("title"))
    return any(_folded(text) in NEXT_LABELS for text in said)


def next_links(html: str, url: str) -> list[str]:
    """Return the page's links to its next page, best first, as absolute URLs without fragment.

    Parameters
    ----------
    html
        The page's HTML (any other text simply has no links).
    url
        The page's address, against which relative links are resolved.

    Returns
    -------
    list[str]
        ``link[rel=next]``, then ``a[rel=next]``, then next links of pagination elements (see
        the module's description); each URL once, only ``http`` and ``https``.
    """
    tree = LexborHTMLParser(html)
    base_node = tree.css_first("base[href]")
    base = urljoin(url, base_node.attributes.get("href") or "") if base_node else url
    found: list[str | None] = []
    for tag in ("link", "a"):
        for node in tree.css(f"{tag}[rel][href]"):
            if "next" in (node.attributes.get("rel") or "").lower().split():
                found.append(_resolve(base, node.attributes.get("href")))
    for node in tree.css("a[href]"):
        if _says_next(node) and _in_pager(node):
            found.append(_resolve(base, node.attributes.get("href")))
    return list(dict.fromkeys(u for u in found if u))


def _port(parts: SplitResult) -> int | None:
    port = parts.port  # ValueError for a port that is not a number: the caller says "no"
    return None if port == _DEFAULT_PORTS.get(parts.scheme.lower()) else port


def same_host(url: str, other: str) -> bool:
    """Tell whether two URLs are on one host: same host name and port, http or https alike."""
    a, b = urlsplit(url), urlsplit(other)
    try:
        return bool(a.hostname) and a.hostname == b.hostname and _port(a) == _port(b)
    except ValueError:
        return False


@dataclass
class Walk:
    """The pages of one live page, visited one after another from ``start``.

    Call :meth:`after` with each page fetched; it returns the URL of the page to fetch next, or
    None when the pages end: no next link (on a site that has shown one), a link to another
    host, a link back to a page already visited (a loop), or ``max_pages`` pages done.

    Attributes
    ----------
    start
        The URL asked for: the first page.
    max_pages
        The most pages visited, the first included (1: only ``start``).
    first
        The page number of ``start`` (``?page=3`` starts at 3).
    """

    start: str
    max_pages: int = 1
    first: int = 1
    seen: set[str] = field(default_factory=set)
    visited: int = 0
    linked: bool = False

    @property
    def number(self) -> int:
        """The page number of the page to visit next (``first`` before any visit)."""
        return self.first + self.visited

    def after(self, requested: str, final: str, body: bytes) -> str | None:
        """Record a visited page and return the URL of the next one, None if there is none.

        Parameters
        ----------
        requested, final
            The URL fetched and the one it ended at after redirects.
        body
            The page as fetched, in which its next link is looked for.
        """
        self.seen.update(urldefrag(u)[0] for u in (requested, final))
        self.visited += 1
        if self.visited >= self.max_pages:
            if self.max_pages > 1:
                log.info("%s: stopped at the limit of %d pages", self.start, self.max_pages)
            return None
        try:
            links = next_links(decode(body, final), final)
        except InputError:  # a body that is not text has no links
            links = []
        if links:
            self.linked = True
            return self._follow(final, links)
        if self.linked:
            log.info("%s: no next link: the last page", final)
            return None
        guess = page_url(self.start, self.number)
        return None if guess in self.seen else guess

    def _follow(self, page: str, links: list[str]) -> str | None:
        on_host = [u for u in links if same_host(u, self.start)]
        if not on_host:
            log.info("%s: next link %s is on another host: not followed", page, links[0])
            return None
        if on_host[0] in self.seen:
            log.info("%s: next link %s leads back to a page already read", page, on_host[0])
            return None
        return on_host[0]
