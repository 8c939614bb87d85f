"""HTML to text blocks: one paragraph per block element, tags stripped, entities decoded.

The HTML readers (:mod:`livebrief.parse.html`, :mod:`livebrief.parse.jsonfeed`) share this
walker. :class:`BlockWriter` turns markup into text blocks; :class:`BodyWriter` also keeps
figure captions and embedded posts apart from a post's paragraphs. Page chrome (scripts,
navigation, share tools, ads, visually hidden text) is never read: :func:`is_junk` says what.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

#: Elements that end the running paragraph: their text is a block of its own.
BLOCK_TAGS = frozenset(
    ["p", "div", "section", "article", "main", "header", "footer", "li", "ul", "ol", "dl", "dd",
     "dt", "blockquote", "pre", "table", "tbody", "thead", "tr", "td", "th", "caption", "address",
     "details", "summary", "center", "fieldset", "hgroup", "h1", "h2", "h3", "h4", "h5", "h6",
     "body", "html"]
)  # fmt: skip
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
#: Elements whose content is never text a reader sees, or is page furniture.
SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "button", "form", "input", "select",
     "textarea", "nav", "aside", "head", "meta", "link", "object", "canvas", "dialog", "map",
     "area", "audio", "source", "track", "picture"]
)  # fmt: skip
#: Words of class and id names that mark chrome: share tools, ads, promotions, hidden text.
JUNK_WORDS = frozenset(
    ["share", "sharing", "social", "advert", "advertisement", "adverts", "ad", "ads", "adslot",
     "advertising", "promo", "promotion", "newsletter", "cookie", "cookies", "consent",
     "outbrain", "taboola", "sponsored", "recommended", "subscribe", "signup", "paywall",
     "breadcrumb", "breadcrumbs", "pagination", "toolbar", "menu", "comments", "visuallyhidden",
     "sr-only", "visually-hidden", "screen-reader-text", "skip-link"]
)  # fmt: skip
_SPLIT = re.compile(r"[\s_-]+")
_EMBED_WORDS = ("tweet", "twitter", "instagram", "facebook", "tiktok", "youtube", "embed")
_MAX_DEPTH = 200


def words_of(value: str | None) -> set[str]:
    """Return the words of a class or id value: ``lx-stream__share-tools`` -> share, tools."""
    return set(_words(value)) if value else set()


@lru_cache(maxsize=16384)
def _words(value: str) -> frozenset[str]:
    low = value.lower()
    return frozenset(w for w in _SPLIT.split(low) if w) | frozenset(low.split())


@lru_cache(maxsize=16384)
def _junk_names(cls: str | None, ident: str | None, role: str | None) -> bool:
    if role in ("navigation", "banner", "complementary"):
        return True
    return bool((cls and _words(cls) & JUNK_WORDS) or (ident and _words(ident) & JUNK_WORDS))


def is_junk(node: LexborNode) -> bool:
    """Tell whether an element is page chrome that no reader of the post sees."""
    if node.tag in SKIP_TAGS:
        return True
    attrs = node.attributes
    if not attrs:
        return False
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    return _junk_names(attrs.get("class"), attrs.get("id"), attrs.get("role"))


#: A CSS selector for every element :func:`is_junk` may reject.
JUNK_CANDIDATES = ", ".join(
    [*sorted(SKIP_TAGS), "[class]", "[id]", "[hidden]", "[aria-hidden]", "[role]"]
)


def squash(text: str) -> str:
    """Collapse runs of white space (non-breaking spaces included) to one space, strip ends."""
    return " ".join(text.split())


def node_text(node: LexborNode) -> str:
    """Return an element's visible text on one line (chrome inside it left out)."""
    writer = BlockWriter()
    writer.walk(node)
    writer.flush()
    return " ".join(writer.blocks)


class BlockWriter:
    """Walk markup and collect its text, one block per block-level element.

    Subclasses handle particular elements by overriding :meth:`element` (return True when the
    element was dealt with) and decide what a finished block is by overriding :meth:`emit`.
    """

    def __init__(self, *, cleaned: bool = False) -> None:
        self.blocks: list[str] = []
        self._buf: list[str] = []
        self._check = not cleaned  # a tree already rid of chrome needs no second look

    def emit(self, text: str) -> None:
        """Keep one finished block of text."""
        self.blocks.append(text)

    def element(self, node: LexborNode) -> bool:
        """Handle an element specially; return True when its content must not be walked."""
        return False

    def flush(self) -> None:
        """End the running block: emit its text when it holds any."""
        if self._buf:
            text = squash("".join(self._buf))
            self._buf.clear()
            if text:
                self.emit(text)

    def add_text(self, text: str) -> None:
        """Add inline text to the running block."""
        self._buf.append(text)

    def visit(self, node: LexborNode, depth: int = 0) -> None:
        """Read one node (an element or a text node) and what it holds."""
        tag = node.tag
        if tag == "-text":
            self._buf.append(node.text_content or "")
            return
        if tag is None or tag[0] == "-" or (self._check and is_junk(node)) or self.element(node):
            return
        if tag in ("br", "hr"):
            self.flush()
        elif depth > _MAX_DEPTH:
            self._buf.append(node.text(separator=" "))
        elif tag in BLOCK_TAGS:
            self.flush()
            self.walk(node, depth + 1)
            self.flush()
        else:
            self.walk(node, depth + 1)

    def walk(self, node: LexborNode, depth: int = 0) -> None:
        """Read the children of ``node``."""
        for child in node.iter(include_text=True):
            self.visit(child, depth)


class BodyWriter(BlockWriter):
    """A :class:`BlockWriter` that keeps figure captions, image alt text and embeds apart."""

    def __init__(self, *, cleaned: bool = False) -> None:
        super().__init__(cleaned=cleaned)
        self.captions: list[str] = []
        self.embeds: list[str] = []

    def element(self, node: LexborNode) -> bool:
        """Route figures and images to captions, frames and social posts to embeds."""
        tag = node.tag
        if tag == "figure" or tag == "figcaption":
            self.flush()
            self._figure(node)
            return True
        if tag == "img":
            alt = squash(node.attributes.get("alt") or "")
            if alt:
                self.captions.append(alt)
            return True
        if tag in ("iframe", "video", "embed"):
            src = node.attributes.get("src") or node.attributes.get("data-src")
            if src:
                self.embeds.append(src)
            return True
        if tag == "blockquote" and _is_embed(node):
            self.flush()
            text = node_text(node)
            if text:
                self.embeds.append(text)
            return True
        return False

    def _figure(self, node: LexborNode) -> None:
        if _is_embed(node) and node.css_first("img") is None:
            text = node_text(node)
            if text:
                self.embeds.append(text)
            return
        for img in node.css("img"):
            alt = squash(img.attributes.get("alt") or "")
            if alt and alt not in self.captions:
                self.captions.append(alt)
        caps = [node] if node.tag == "figcaption" else node.css("figcaption")
        for cap in caps:
            text = node_text(cap)
            if text and text not in self.captions:
                self.captions.append(text)


def _is_embed(node: LexborNode) -> bool:
    names = words_of(node.attributes.get("class"))
    return any(w.startswith(_EMBED_WORDS) for w in names)


def fragment_body(markup: str) -> BodyWriter:
    """Read an HTML fragment (a post body) into paragraphs, captions and embeds.

    Text without markup is split into paragraphs at line breaks.
    """
    writer = BodyWriter()
    if "<" not in markup:
        text = html.unescape(markup) if "&" in markup else markup
        writer.blocks.extend(p for p in (squash(line) for line in text.splitlines()) if p)
        return writer
    body = LexborHTMLParser(markup).body
    if body is not None:
        writer.walk(body)
        writer.flush()
    return writer


def plain(value: str) -> str:
    """Return a short string (a headline, a name) with entities decoded and tags stripped."""
    if "<" in value and ">" in value:
        return " ".join(fragment_body(value).blocks)
    return squash(html.unescape(value) if "&" in value else value)
