"""Build HTML and JSON fixtures at test time from the corpus texts (nothing is saved).

No real HTML of the corpus pages is on hand, so the fixtures place the texts of corpus cases,
as the text reader reads them, into the published structures:

- :func:`liveblog_object` / :func:`ld_script`: a schema.org ``LiveBlogPosting`` with one
  ``BlogPosting`` per entry in ``liveBlogUpdate`` (https://schema.org/LiveBlogPosting and the
  live-coverage structured data search engines document);
- :func:`bbc_markup`: BBC live pages' stream (``ol.lx-stream__feed`` of ``li`` >
  ``article.lx-stream-post``: header with ``time`` and ``h3``, contributor name and
  description paragraphs, body, share tools in the footer);
- :func:`guardian_markup`: Guardian live blogs' ``div.block`` posts (``p.block-time`` with a
  ``time``, ``h2.block-title``, ``div.block-elements`` with paragraphs and quotes);
- :func:`flat_markup`: a CMS body where posts are runs of ``h2``, ``time`` and ``p`` siblings;
- :func:`capi_response`: a Guardian Content API single-item response with ``show-blocks=all``
  and ``show-tags=contributor`` (``response.content.blocks.body[]``);
- :func:`page_html`: the page around them (navigation, header facts, aside, footer).

Texts come from ``../shared/corpus`` (and the bundled sample); times are the ones the text
gives, or made up for the sample, which prints none.
"""

from __future__ import annotations

import hashlib
import html
import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from livebrief.model import Entry, ParsedPage
from livebrief.parse import read_path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SEED = REPO / "samples" / "000_fd0f76058283f76d.txt"
CASE_FILES = {
    "seed": SEED,
    "guardian": CORPUS / "guardian_newsbreak_20220519.txt",
    "aljazeera": CORPUS / "aljazeera_20230912_liveblog.txt",
    "rferl": CORPUS / "rferl_liveblog_20150504.txt",
}
#: The sample prints no times: its posts get these, 11 minutes apart, newest first, so that
#: the oldest falls on the day before (a midnight in the page's zone between them).
MADE_UP_NEWEST = datetime(2024, 6, 19, 1, 5, tzinfo=ZoneInfo("Europe/London"))
MADE_UP_STEP = timedelta(minutes=11)
URL = "https://www.example.com/news/live/{name}"
UTC = timezone.utc


@dataclass
class Case:
    """A corpus page as the text reader reads it, with one aware time per entry."""

    name: str
    parsed: ParsedPage
    times: list[datetime]
    header: list[str]

    @property
    def entries(self) -> list[Entry]:
        """The text reader's entries, in page order."""
        return self.parsed.entries

    @property
    def title(self) -> str:
        """The page title (made up when the text has none)."""
        return self.parsed.page.title or f"Live: {self.name} ({self.entries[0].headline})"

    @property
    def url(self) -> str:
        """A made-up address for the page."""
        return URL.format(name=self.name)


def load_case(name: str) -> Case:
    """Read a corpus case with the text reader and give each entry an aware time."""
    path = CASE_FILES[name]
    parsed = read_path(path)
    entries = parsed.entries
    if all(e.time is not None for e in entries):
        stamps = [e.time for e in entries if e.time is not None]
    else:
        newest_first = parsed.page.order == "newest first"
        n = len(entries)
        stamps = [
            MADE_UP_NEWEST - MADE_UP_STEP * (i if newest_first else n - 1 - i) for i in range(n)
        ]
    text = path.read_text(encoding="utf-8")
    header = [
        line.strip()
        for line in text.splitlines()[:20]
        if "pdates from" in line or line.startswith("Edited by") or "times stated" in line
    ]
    return Case(name, parsed, stamps, header)


def esc(text: str) -> str:
    """Escape text for HTML, as publishers' templates do (``&amp;``, ``&lt;``, quotes)."""
    return html.escape(text, quote=True)


def iso(stamp: datetime, zone: ZoneInfo | timezone | None = None) -> str:
    """Write a time as ISO 8601 with its offset (in ``zone`` when given)."""
    return (stamp.astimezone(zone) if zone else stamp).isoformat()


def capi_time(stamp: datetime) -> str:
    """Write a time as the Content API does: UTC, ``Z``, whole seconds."""
    return stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def slug(name: str) -> str:
    """A contributor tag id as the Guardian forms them: ``profile/laura-bicker``."""
    return "profile/" + "-".join(name.lower().split())


def block_id(case: Case, i: int) -> str:
    """A stable 24-hex-digit block id, as Content API block ids look."""
    return hashlib.sha1(f"{case.name}/{i}".encode()).hexdigest()[:24]


def body_html(paragraphs: list[str]) -> str:
    """Paragraphs as ``<p>`` elements; a paragraph after a lead-in ending in ``:`` is quoted."""
    out: list[str] = []
    for i, para in enumerate(paragraphs):
        quoted = i > 0 and paragraphs[i - 1].endswith(":")
        p = f"<p>{esc(para)}</p>"
        out.append(f'<blockquote class="quoted">{p}</blockquote>' if quoted else p)
    return "\n".join(out)


# --- JSON-LD ----------------------------------------------------------------------------------


def person(name: str, role: str | None = None) -> dict[str, Any]:
    """A schema.org Person."""
    out: dict[str, Any] = {"@type": "Person", "name": name}
    if role:
        out["jobTitle"] = role
    return out


def update_object(
    case: Case, i: int, *, zone: ZoneInfo | timezone | None = None, body: str = "text"
) -> dict[str, Any]:
    """One ``BlogPosting`` of ``liveBlogUpdate`` for entry ``i``.

    ``body`` is ``text`` (paragraphs separated by blank lines), ``html`` (``<p>`` markup) or
    ``joined`` (one line, as some publishers flatten ``articleBody``).
    """
    e, stamp = case.entries[i], case.times[i]
    post: dict[str, Any] = {
        "@type": "BlogPosting",
        "@id": f"{case.url}#post-{i}",
        "url": f"{case.url}?post={i}#post-{i}",
        "datePublished": iso(stamp, zone),
        "dateModified": iso(stamp + timedelta(minutes=3), zone),
    }
    if e.headline:
        post["headline"] = e.headline
    if e.authors:
        people = [person(n, e.role if k == 0 else None) for k, n in enumerate(e.authors)]
        post["author"] = people[0] if len(people) == 1 else people
    if body == "html":
        post["articleBody"] = body_html(e.paragraphs)
    elif body == "joined":
        post["articleBody"] = " ".join(e.paragraphs)
    else:
        post["articleBody"] = "\n\n".join(e.paragraphs)
    return post


def liveblog_object(
    case: Case,
    *,
    zone: ZoneInfo | timezone | None = None,
    body: str = "text",
    only: list[int] | None = None,
) -> dict[str, Any]:
    """A schema.org ``LiveBlogPosting`` carrying the case's entries (``only`` some of them)."""
    idx = list(range(len(case.entries))) if only is None else only
    return {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "@id": case.url,
        "url": case.url,
        "headline": case.title,
        "description": f"Live coverage: {case.title}",
        "coverageStartTime": iso(min(case.times), zone),
        "coverageEndTime": iso(max(case.times) + timedelta(hours=6), zone),
        "datePublished": iso(min(case.times), zone),
        "dateModified": iso(max(case.times), zone),
        "publisher": {"@type": "Organization", "name": "Example News"},
        "liveBlogUpdate": [update_object(case, i, zone=zone, body=body) for i in idx],
    }


def ld_script(value: Any) -> str:
    """A ``<script type="application/ld+json">`` block holding ``value``."""
    text = json.dumps(value, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


# --- Markup -----------------------------------------------------------------------------------


def _figure(captions: list[str]) -> str:
    if not captions:
        return ""
    return (
        f'<figure><img src="/img.jpg" alt="{esc(captions[0])}">'
        f"<figcaption>{esc(' '.join(captions[1:]))}</figcaption></figure>"
    )


def bbc_markup(case: Case, *, only: list[int] | None = None, zone: ZoneInfo | None = None) -> str:
    """The case's entries as a BBC live stream (``lx-stream``) list."""
    zone = zone or ZoneInfo("Europe/London")
    items = []
    for i in range(len(case.entries)) if only is None else only:
        e, stamp = case.entries[i], case.times[i]
        label = "".join(
            f'<span class="lx-stream-post__header-label">{esc(x)}</span>' for x in e.labels
        )
        head = f'<span class="lx-stream-post__header-text">{esc(e.headline or "")}</span>'
        byline = ""
        if e.authors:
            byline = (
                '<div class="lx-stream-post__contributor">'
                f'<p class="lx-stream-post__contributor-name">{esc(" & ".join(e.authors))}</p>'
                f'<p class="lx-stream-post__contributor-description">{esc(e.role or "")}</p>'
                "</div>"
            )
        items.append(
            '<li class="lx-stream__post-container"><article class="lx-stream-post">'
            '<header class="lx-stream-post__header">'
            f'<time class="lx-stream-post__meta-time" datetime="{iso(stamp)}">'
            '<span class="visually-hidden">published at </span>'
            f'<span class="qa-post-auto-meta">{stamp.astimezone(zone):%H:%M}</span></time>'
            + (f'<h3 class="lx-stream-post__header-title">{label}{head}</h3>' if e.headline else "")
            + "</header>"
            + byline
            + f'<div class="lx-stream-post-body">{body_html(e.paragraphs)}'
            + _figure(e.captions)
            + "</div>"
            '<footer class="lx-stream-post__footer"><div class="lx-share-tools">'
            '<button class="lx-share-tools__cta">Share</button>'
            '<ul class="lx-share-tools__items"><li>Facebook</li><li>Twitter</li></ul>'
            "</div></footer></article></li>"
        )
    return '<ol class="lx-stream__feed">\n' + "\n".join(items) + "\n</ol>"


def guardian_markup(case: Case, *, zone: ZoneInfo | None = None) -> str:
    """The case's entries as Guardian live-blog ``div.block`` posts (no ``<article>``)."""
    zone = zone or ZoneInfo("Europe/London")
    blocks = []
    for i, e in enumerate(case.entries):
        stamp = case.times[i].astimezone(zone)
        shown = f"{stamp:%I.%M%p}".lstrip("0").lower() + f" {stamp:%Z}"
        contributor = esc(e.author or "")
        byline = f'<p class="block-byline">{esc(e.author)}</p>' if e.author else ""
        blocks.append(
            f'<div id="block-{block_id(case, i)}" class="block" '
            f'data-block-contributor="{contributor}">'
            '<p class="block-time published-time">'
            f'<a href="?page=with:block-{block_id(case, i)}#block-{block_id(case, i)}">'
            f'<time datetime="{capi_time(case.times[i])}">{shown}</time></a></p>'
            + (f'<h2 class="block-title">{esc(e.headline)}</h2>' if e.headline else "")
            + byline
            + f'<div class="block-elements">{body_html(e.paragraphs)}</div>'
            '<div class="block-share"><a class="block-share__link">Share on Facebook</a></div>'
            "</div>"
        )
    return '<div class="js-liveblog-body">\n' + "\n".join(blocks) + "\n</div>"


def flat_markup(case: Case) -> str:
    """The case's entries as sibling ``h2``/``time``/``p`` runs in one body element."""
    parts = []
    for i, e in enumerate(case.entries):
        stamp = case.times[i]
        parts.append(f'<p class="stamp"><time datetime="{iso(stamp)}">{stamp:%H:%M}</time></p>')
        parts.append(f"<h2>{esc(e.headline or '')}</h2>")
        if e.authors:
            parts.append(f'<p class="byline">By {esc(" and ".join(e.authors))}</p>')
        parts.append(body_html(e.paragraphs))
    return '<div class="article-body">\n' + "\n".join(parts) + "\n</div>"


def page_html(case: Case, *, head: str = "", body: str = "") -> str:
    """A whole page: navigation, title and header facts, ``body``, an aside and a footer."""
    facts = "\n".join(f"<p>{esc(line)}</p>" for line in case.header)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{esc(case.title)} - Example News</title>
<meta property="og:title" content="{esc(case.title)}">
<script>window.dataLayer = [{{"page": "live"}}];</script>
<style>.lx-stream {{ display: block; }}</style>
{head}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><nav><ul><li>Home</li><li>News</li><li>Sport</li></ul></nav></header>
<main id="main">
<div class="page-header"><h1>{esc(case.title)}</h1>
{facts}
</div>
<div class="ad-slot">Advertisement</div>
{body}
<aside class="related"><h2>Related stories</h2><ul><li>Another story</li></ul></aside>
</main>
<footer class="site-footer"><p>Copyright Example News</p></footer>
</body>
</html>
"""


# --- Guardian Content API ---------------------------------------------------------------------


def capi_block(case: Case, i: int, *, summary_only: bool = False) -> dict[str, Any]:
    """One Content API body block for entry ``i``."""
    e, stamp = case.entries[i], case.times[i]
    markup = body_html(e.paragraphs)
    block: dict[str, Any] = {
        "id": block_id(case, i),
        "bodyHtml": markup,
        "bodyTextSummary": " ".join(e.paragraphs),
        "attributes": {},
        "published": True,
        "createdDate": capi_time(stamp - timedelta(minutes=4)),
        "firstPublishedDate": capi_time(stamp),
        "publishedDate": capi_time(stamp),
        "lastModifiedDate": capi_time(stamp + timedelta(minutes=2)),
        "contributors": [slug(n) for n in e.authors],
        "elements": [{"type": "text", "assets": [], "textTypeData": {"html": markup}}],
    }
    if e.headline:
        block["title"] = e.headline
    if summary_only:
        del block["bodyHtml"]
    return block


def capi_response(case: Case, *, summary_only: bool = False) -> dict[str, Any]:
    """A Content API response for the case as a live blog, blocks in the page's order."""
    names = sorted({n for e in case.entries for n in e.authors})
    path = f"world/live/{min(case.times):%Y/%b/%d}/{case.name}".lower()
    content = {
        "id": path,
        "type": "liveblog",
        "sectionId": "world",
        "sectionName": "World news",
        "webPublicationDate": capi_time(min(case.times)),
        "webTitle": case.title,
        "webUrl": f"https://www.theguardian.com/{path}",
        "apiUrl": f"https://content.guardianapis.com/{path}",
        "fields": {
            "headline": case.title,
            "standfirst": f"<p>Live coverage: {esc(case.title)}</p>",
            "liveBloggingNow": "false",
            "lastModified": capi_time(max(case.times)),
        },
        "tags": [
            {
                "id": slug(n),
                "type": "contributor",
                "webTitle": n,
                "webUrl": f"https://www.theguardian.com/{slug(n)}",
                "apiUrl": f"https://content.guardianapis.com/{slug(n)}",
                "references": [],
            }
            for n in names
        ],
        "blocks": {
            "body": [
                capi_block(case, i, summary_only=summary_only) for i in range(len(case.entries))
            ],
            "totalBodyBlocks": len(case.entries),
        },
        "isHosted": False,
        "pillarId": "pillar/news",
        "pillarName": "News",
    }
    return {"response": {"status": "ok", "userTier": "developer", "total": 1, "content": content}}
