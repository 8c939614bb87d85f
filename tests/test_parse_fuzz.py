"""Property tests: no text makes the reader crash or hang, and what it returns is sound.

Texts are built from a grammar that mixes real corpus lines with the shapes the reader looks
for (times in every printed form, labels, bylines, page facts, numbered items, captions) and
with noise (blank lines, white space, unicode, control characters). Each example has a
deadline, so a reader that takes too long on some line fails here rather than in production.

Beyond the text reader and the time parser, the same grammar feeds the whole input path: bytes
in any encoding the decoder knows (the entries must not depend on it), damaged UTF-8, the HTML
reader (every character of an entry comes from the page), livebrief's own JSON (read back as
written) and :func:`livebrief.times.resolve` (times aware, in the zone they say).

``LIVEBRIEF_FUZZ_EXAMPLES`` sets the examples per test (default 200: the whole file runs in
well under a minute); ``LIVEBRIEF_FUZZ_EXAMPLES=5000`` runs a longer search by hand. What was
tried and found is in ``docs/reliability.md``.
"""

from __future__ import annotations

import html
import json
import os
import re
import textwrap
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import golden
from livebrief import times
from livebrief.errors import InputError, LivebriefError, NoEntriesError
from livebrief.model import NEWEST_FIRST, OLDEST_FIRST, Entry, ParsedPage
from livebrief.parse import dump, parse_text, read_bytes
from livebrief.parse import lines as L
from livebrief.parse.decode import decode
from livebrief.parse.html import read_html
from livebrief.parse.text import read_text

EXAMPLES = int(os.environ.get("LIVEBRIEF_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=2000,  # ms per example: a hang fails instead of stalling the suite
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
CLOCK = re.compile(r"^\d\d:\d\d$")


@lru_cache(maxsize=1)
def corpus_pages() -> tuple[tuple[str, ...], ...]:
    """The lines of every corpus case and the seed, page by page, in page order."""
    found = [
        tuple(case.path.read_text("utf-8").split("\n"))
        for case in golden.cases()
        if case.path.is_file()
    ]
    # Hand-made lines keep the grammar alive where ../shared/corpus is missing.
    found.append(("Edited by Flora Drury", "All times stated are UK", "Laura Bicker"))
    return tuple(found)


@lru_cache(maxsize=1)
def corpus_lines() -> tuple[str, ...]:
    """Every distinct line of the corpus and the seed."""
    return tuple(sorted({line for page in corpus_pages() for line in page}))


# --- The grammar -----------------------------------------------------------------------------

hours = st.integers(0, 30)  # past 23 on purpose: "25:99" must be rejected, not raised
mins = st.integers(0, 99)
days = st.integers(1, 31)  # "29 Feb" without a year and "31 Feb" must not raise
months = st.sampled_from(
    [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "January",
        "September",
        "December",
    ]
)
years = st.integers(1990, 2035)
zones = st.sampled_from(
    [
        "BST",
        "GMT",
        "UTC",
        "ET",
        "EDT",
        "CET",
        "KST",
        "XYZ",
        "British Summer Time",
        "Greenwich Mean Time",
    ]
)


@st.composite
def time_lines(draw: st.DrawFn) -> str:
    """A line in one of the printed time forms, with numbers in and out of range."""
    h, m, d, mo, y = draw(hours), draw(mins), draw(days), draw(months), draw(years)
    z = draw(zones)
    hh, mm = f"{h:02d}", f"{m:02d}"
    h12 = draw(st.integers(0, 13))
    forms = [
        f"Posted at {hh}:{mm}{hh}:{mm}",
        f"Posted at {h}:{mm}",
        f"{draw(st.text(max_size=30))}published at {hh}:{mm} {z} {d} {mo} {y}",
        f"Headlinepublished at {hh}:{mm} {z}",
        f"published at {hh}:{mm} Greenwich Mean Time",
        f"{h12}.{mm}pm {z}",
        f"{h12}.{mm}am",
        f" date {y}-{d % 12 + 1:02d}-{d:02d} {h12}.{mm}pm BST",
        f"{hh}{mm}: ",
        f"  {draw(st.integers(0, 120))}. {hh}{mm}: {draw(st.text(max_size=20))}",
        f"{hh}:{mm} {d}.{d % 12 + 1}.{y}",
        f"- {d} {mo} {y} - {hh}:{mm}({hh}:{mm} {z})",
        f"{h12}:{mm} a.m. {z}, {mo} {d}, {y}",
        f"Updated {h12}:{mm} p.m. ET, {mo} {d}, {y}",
        f"{draw(st.integers(0, 99))}h ago",
        f"{draw(st.integers(0, 99))} mins ago",
        f"{hh}.{mm} {z}",
        f"{hh}:{mm}",
        f"{h}.{mm}",
        f"{hh}:{mm} Wigan",
        f"{d} {mo} {hh}:{mm}",
        f"{mo} {d} {hh}:{mm}",
        f"{d} {mo} {y} Last updated at {hh}:{mm}",
        f"Monday {d} {mo} {y} {hh}:{mm}",
        # Times that open a line, glued to a name, with slashes or brackets; video lengths.
        f"{h12}.{mm}am: {draw(st.text(max_size=30))}",
        f"{hh}:{mm} {z} - {draw(st.text(max_size=30))}",
        f"{hh}:{mm}{draw(names)}",
        f"{d:02d}/{d % 12 + 1:02d}/{y} {h12}:{mm} PM {z}",
        f"{mo} {d}, {y} {hh}:{mm} ({z})",
        f"{draw(st.integers(0, 9)):02d}:{draw(st.integers(0, 70)):02d}",
        f"Video Duration {draw(st.integers(0, 99)):02d} minutes",
        f"{draw(st.sampled_from(['Saturday, ', 'Friday ', '']))}{mo} {d}",
    ]
    return draw(st.sampled_from(forms))


names = st.sampled_from(
    [
        "Laura Bicker",
        "Shaimaa Khalil",
        "Ben Tavener",
        "Jean Mackenzie",
        "Ayeshea Perera",
        "Derek Cai",
        "Jake Kwon",
        "Nathan Hodge",
        "Faith Ridler",
        "Kim Jong Un",
        "Anna María de la Cruz",
    ]
)
roles = st.sampled_from(
    [
        "China correspondent",
        "in Seoul",
        "Reporting from Seoul",
        "BBC News",
        "Live page editor",
        "Moscow producer",
        "BBC News, Singapore",
        "BBC Look East weather",
        "Europe correspondent",
    ]
)
labels = st.sampled_from(
    ["Breaking", "Analysis", "Watch", "Key event", "Pinned post", "Breaking:", "Live", "Update"]
)
fixed = st.sampled_from(
    [
        "Edited by Flora Drury",
        "All times stated are UK",
        "All times are in GMT",
        "Times in nowhere",
        "Live Reporting",
        "Summary",
        "Key points",
        "Image source, Getty Images",
        "Media caption,",
        "Image caption,",
        "Copy link",
        "Article share tools",
        "Back to top",
        "Sort by:",
        "qatar airways",
        "https://example.org/x",
        "Welcome to our live coverage",
        "What's the latest?",
        "1.",
        "Watch the video below:",
        "•",
        "-",
        "  •  ",
        "View post",
    ]
)


@st.composite
def shaped_lines(draw: st.DrawFn) -> str:
    """A line shaped like what the reader looks for: bylines, labels, facts, numbered items."""
    a, b = draw(names), draw(names)
    role, label = draw(roles), draw(labels)
    head = draw(st.sampled_from(corpus_lines()))[:120]
    forms = [
        a,
        role,
        f"{a} & {b}",
        f"From CNN's {a} in Tokyo",
        f"From CNN’s {a} in {draw(st.sampled_from(['Moscow', 'Seoul', 'Kyiv']))}",
        f"By {a}, Europe correspondent, in Warsaw",
        f"By {a}, CNN",
        f"With updates from {a} and {b} in Seoul, {a} in Beijing and {b}",
        f"Live reporting by {a}. Updates from {b} in Kyiv",
        f"Edited by {a} and {b}",
        label,
        f"{label}{head}",
        f"{label} {head}",
        f"  {draw(st.integers(0, 12))}. {head}",
        f"    {head}",
        f"  • {head}",
        f"{head}Image source, Getty Images",
        f"{head} View post | {head} View post",
        # What dump tools print: Markdown, lynx's link numbers and references, sign-offs.
        f"## {head}",
        f"[{head}](https://example.com/{a})",
        f"![{head}](https://example.com/x.jpg)",
        f"> {head}",
        f"**{a}**",
        "=" * draw(st.integers(1, 80)),
        f"[{draw(st.integers(0, 99))}]{head}",
        "References",
        f"   {draw(st.integers(1, 9))}. https://example.com/{draw(st.integers(0, 99))}",
        "(BUTTON) Share",
        f"— {a}",
        f"-- {b}",
        f"{a}, Economics Correspondent",
        f"{a} in London",
        f"Read more: {head}",
        "Related stories",
        "Copyright 2024 Example News",
    ]
    return draw(st.sampled_from(forms))


@st.composite
def wrapped(draw: st.DrawFn) -> str:
    """A page's lines wrapped at a dump tool's width (fold, lynx, html2text)."""
    text = draw(st.one_of(free_pages(), structured_pages()))
    width = draw(st.integers(20, 140))
    out: list[str] = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        parts = textwrap.wrap(line.strip(), max(width - len(indent), 10))
        out.extend(indent + p for p in parts) if parts else out.append("")
    return "\n".join(out)


noise_chars = st.characters(
    codec=None,
    categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf"),
    exclude_characters="\n",
)
noise_lines = st.one_of(
    st.text(noise_chars, max_size=80),
    st.text(
        st.sampled_from(" \t\r\x0b\x0c\x1c\x1d\x1e\x85\xa0\u2028\u2029\u3000\ufeff"), max_size=40
    ),
    st.text(st.sampled_from("0123456789:.-–•() apmAPMBSTGMago"), max_size=30),
)
lines = st.one_of(
    st.sampled_from(corpus_lines()),
    st.sampled_from(corpus_lines()),
    time_lines(),
    shaped_lines(),
    fixed,
    st.just(""),
    st.just(""),
    noise_lines,
)


@st.composite
def free_pages(draw: st.DrawFn) -> str:
    """Lines from the grammar in any order, sometimes with a run of a real page spliced in."""
    body = draw(st.lists(lines, max_size=60))
    if draw(st.booleans()):
        real = draw(st.sampled_from(corpus_pages()))
        start = draw(st.integers(0, len(real) - 1))
        at = draw(st.integers(0, len(body)))
        body[at:at] = real[start : start + draw(st.integers(1, 30))]
    return "\n".join(body)


@st.composite
def posts(draw: st.DrawFn, number: int | None) -> list[str]:
    """One post in the shapes pages use: time, label, headline, byline, body, noise."""
    out: list[str] = []
    head = draw(st.sampled_from(corpus_lines()))[:100] or "A headline"
    if number is not None:
        out.append(f"  {number}. {draw(st.sampled_from(['', '1949: ']))}{head}")
    else:
        if draw(st.booleans()):
            out.append(draw(time_lines()))
        if draw(st.booleans()):
            out.append(draw(labels))
        out.append(head)
    if draw(st.booleans()):
        out += [draw(names), draw(roles)]
    for _ in range(draw(st.integers(0, 5))):
        out.append(draw(st.one_of(st.sampled_from(corpus_lines()), lines)))
    return out


@st.composite
def structured_pages(draw: st.DrawFn) -> str:
    """A header, then posts: flat, blank-separated or numbered, with noise between."""
    header = draw(st.lists(st.one_of(fixed, shaped_lines(), lines), max_size=6))
    numbered = draw(st.booleans())
    body: list[str] = []
    for k in range(draw(st.integers(1, 8))):
        body += draw(posts(k + 1 if numbered else None))
    sep = "\n\n" if numbered or draw(st.booleans()) else "\n"
    return sep.join(header + body) + draw(st.sampled_from(["", "\n", "\n\n"]))


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page from either grammar, with one of the line endings found in the wild."""
    text = draw(st.one_of(free_pages(), structured_pages(), wrapped()))
    return text.replace("\n", "\r\n") if draw(st.integers(0, 5)) == 0 else text


given_dates = st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2035, 12, 31)))
given_zones = st.sampled_from([None, "Europe/London", "UTC", "America/New_York", "Asia/Seoul"])


def ends_in_stock_headline(text: str) -> bool:
    """Tell whether a text ends in a stock headline followed by blank lines (once a crash)."""
    rest = text.split("\n")
    while rest and not rest[-1].strip():
        rest.pop()
    return (
        len(rest) < len(text.split("\n")) and bool(rest) and L.is_stock_headline(rest[-1].strip())
    )


# --- Invariants ------------------------------------------------------------------------------


def check_page(parsed: ParsedPage, text: str) -> None:
    """Check what any parse must satisfy, whatever the text.

    Text is compared with the page as the reader reads it: without the characters a page
    never shows (soft hyphens, zero-width spaces: ``lines.visible``), and after a dump tool's
    wrapping, Markdown and link numbers are undone (livebrief.parse.dump), which only joins
    lines and drops marks.
    """
    assert isinstance(parsed, ParsedPage)
    entries = parsed.entries
    n = len(entries)
    assert n <= sum(1 for line in text.split("\n") if line.strip())
    text = dump.undo(L.visible(text))[0]
    assert [e.position for e in entries] == list(range(n))
    assert sorted(e.seq for e in entries) == list(range(n))
    for e in entries:
        if e.headline is not None:
            assert e.headline, "an empty headline must be None"
            # A glued label or time may have been cut off: what is left is still input text.
            assert e.headline in text
        for para in e.paragraphs:
            assert para in text
        for cap in e.captions:
            assert cap in text
        if e.clock is not None:
            assert CLOCK.match(e.clock), e.clock
            assert int(e.clock[:2]) < 24 and int(e.clock[3:]) < 60
        if e.time is not None:
            assert e.time.tzinfo is not None and e.time.utcoffset() is not None
            assert e.clock == e.time.strftime("%H:%M")
            assert e.date == e.time.date().isoformat()
        assert e.words == len(e.body.split())
    e_dict = parsed.to_dict()  # every parse is JSON-ready
    assert len(e_dict["entries"]) == n


@FUZZ
@given(text=pages(), day=given_dates, tz=given_zones)
def test_parse_text_returns_a_sound_page_or_says_no_entries(
    text: str, day: date | None, tz: str | None
) -> None:
    try:
        parsed = parse_text(text, source="fuzz.txt", date=day, tz=tz)
    except NoEntriesError as exc:
        assert "fuzz.txt" in str(exc)
        return
    assert parsed.entries
    check_page(parsed, text)


@FUZZ
@given(text=pages())
def test_read_text_always_returns_a_page(text: str) -> None:
    check_page(read_text(text, source="fuzz.txt"), text)


@FUZZ
@given(text=st.text(max_size=400))
def test_parse_text_on_arbitrary_unicode(text: str) -> None:
    try:
        parsed = parse_text(text)
    except NoEntriesError:
        return
    check_page(parsed, text)


@FUZZ
@given(line=st.one_of(time_lines(), noise_lines, lines))
def test_match_time_line_returns_a_valid_mark_or_none(line: str) -> None:
    mark = times.match_time_line(line)
    if mark is None:
        return
    assert isinstance(mark, times.TimeMark)
    assert mark.raw == line.strip()
    if mark.clock is not None:
        assert CLOCK.match(mark.clock)
        assert int(mark.clock[:2]) < 24 and int(mark.clock[3:]) < 60
    if mark.zone is not None:
        assert times.zone_for(mark.zone) == mark.zone
    if mark.month_day is not None:
        month, day = mark.month_day
        assert 1 <= month <= 12 and 1 <= day <= 31
    assert mark.date is None or mark.month_day is None


@FUZZ
@given(line=st.one_of(time_lines(), shaped_lines(), lines))
def test_split_published_and_match_hhmm_never_raise(line: str) -> None:
    pub = times.split_published(line)
    if pub is not None:
        head, mark = pub
        assert head in line
        assert mark.clock is not None and CLOCK.match(mark.clock)
    hh = times.match_hhmm(line)
    if hh is not None:
        assert hh[0].clock is not None and CLOCK.match(hh[0].clock)


# --- Crashes and hangs found by the search, kept as regressions -----------------------------------


def seconds(fn: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    fn(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("gap", [" " * 40, "\t" * 40, " \u00a0" * 20])
def test_short_white_space_runs_inside_a_line_are_fast(gap: str) -> None:
    text = f"10:00\nHeadline\nA{gap}B\nThe body of the post.\n"
    assert seconds(read_text, text) < 0.5


def test_a_long_white_space_run_inside_a_line_does_not_hang() -> None:
    # 800 spaces take ~1.5 s today (cubic); a linear reader takes a millisecond.
    text = "10:00\nHeadline\nA" + " " * 800 + "B\nThe body of the post.\n"
    assert seconds(read_text, text) < 0.25


@pytest.mark.parametrize(
    "text",
    ["Welcome back\n", "Body text.\n\n10:00\nA headline\nBody.\n\nThat's all for now\n\n"],
)
def test_stock_headline_on_the_last_line_does_not_crash(text: str) -> None:
    assert ends_in_stock_headline(text)
    check_page(read_text(text), text)


@pytest.mark.parametrize(
    "text",
    [
        "A headline\r\nImage source, Getty Images\r\n",
        "Live: A title of a live page\nA long caption of the lead photo, on Monday, 2024. "
        "© Emmanuel Dunand, AFP\n",
    ],
)
def test_a_caption_on_the_headers_last_line_does_not_crash(text: str) -> None:
    check_page(read_text(text), text)


# --- Bytes in: encodings, damaged UTF-8 --------------------------------------------------------


def entry_dicts(parsed: ParsedPage) -> list[dict[str, object]]:
    """The entries of a parse as plain values, for comparing two parses."""
    return [e.to_dict() for e in parsed.entries]


def parse_or_none(parse: Callable[[], ParsedPage]) -> list[dict[str, object]] | None:
    try:
        return entry_dicts(parse())
    except NoEntriesError:
        return None


def no_utf8_by_chance(data: bytes) -> bool:
    """Tell whether cp1252 bytes hold no valid multi-byte UTF-8 (which would be ambiguous)."""
    text = data.decode("utf-8", errors="replace")
    return all(ch < "\x80" or ch == "\ufffd" for ch in text)


@FUZZ
@given(text=pages(), codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252"]))
def test_the_entries_do_not_depend_on_the_encoding(text: str, codec: str) -> None:
    if not text.strip() or text.startswith("\ufeff"):  # a leading U+FEFF is read as a BOM
        return
    if codec == "cp1252":
        try:
            data = text.encode("cp1252")
        except UnicodeEncodeError:
            return
        if not no_utf8_by_chance(data):
            return
    else:
        data = text.encode(codec)
    try:
        decoded = decode(data, "fuzz.txt")
    except InputError:  # binary-looking noise is refused whatever its encoding
        return
    assert decoded == text.replace("\r\n", "\n").replace("\r", "\n")
    want = parse_or_none(lambda: parse_text(decoded, source="fuzz.txt"))
    assert parse_or_none(lambda: read_bytes(data, source="fuzz.txt")) == want


#: Letters outside ASCII, so that UTF-8 text has multi-byte characters to tell it by.
_WIDE = st.text(
    st.characters(min_codepoint=0xA0, max_codepoint=0x2FFF, categories=("L", "N", "P", "Zs")),
    min_size=8,
    max_size=60,
)
_PLAIN = st.text(st.sampled_from("abc XYZ 012.,\n"), max_size=60)


@FUZZ
@given(parts=st.lists(st.one_of(_WIDE, _PLAIN), min_size=1, max_size=6), data=st.data())
def test_utf8_cut_anywhere_reads_as_its_prefix(parts: list[str], data: st.DataObject) -> None:
    # A page cut at any byte (mid-character too) reads as the text up to the cut: never as
    # cp1252 mojibake, never with junk where the cut character was.
    text = "".join(parts)
    raw = text.encode("utf-8")
    if not raw:
        return
    cut = raw[: data.draw(st.integers(1, len(raw)))]
    prefix = cut.decode("utf-8", errors="ignore")  # what is whole before the cut
    if sum(ch > "\x7f" for ch in prefix) < 8 and prefix.encode() != cut:
        return  # too little UTF-8 to tell it by: cp1252 is as likely
    try:
        got = decode(cut, "cut.txt")
    except InputError:
        assert not prefix.strip()
        return
    assert got == prefix.replace("\r\n", "\n").replace("\r", "\n")


@FUZZ
@given(
    parts=st.lists(_WIDE, min_size=1, max_size=4),
    junk=st.sampled_from([b"\xff", b"\xfe", b"\x80", b"\xc0\x80", b"\xed\xa0\x80", b"\xf8"]),
    data=st.data(),
)
def test_a_stray_byte_in_utf8_is_one_replacement(
    parts: list[str], junk: bytes, data: st.DataObject
) -> None:
    text = "".join(parts)
    at = data.draw(st.integers(0, len(text)))
    raw = text[:at].encode() + junk + text[at:].encode()
    broken = raw.decode("utf-8", errors="replace").count("\ufffd")
    if sum(ch > "\x7f" for ch in text) < 8 * broken:
        return  # too little UTF-8 around the junk to tell it from cp1252
    got = decode(raw, "junk.txt")
    # Each broken sequence is one U+FFFD (Python counts maximal invalid subparts as W3C does).
    assert got.replace("\ufffd", "") == text
    assert got.startswith(text[:at]) and got.endswith(text[at:])


# --- The HTML reader ---------------------------------------------------------------------------

#: Text a live page's markup may carry: corpus lines, noise, and markup that must stay text.
_HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "<!-- a comment -->",
    "$$\\begin{x}$$ *a* _b_",
    "\u202eevil\u202c",
    "\x1b[31mred\x1b[0m",
    "W" * 500,
    "&amp; &lt; &#0; &bogus;",
]
_HTML_TEXT = st.one_of(
    st.sampled_from(corpus_lines()),
    st.sampled_from(_HOSTILE),
    st.text(noise_chars, max_size=60),
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """A live page's HTML: posts as articles, headings, times and paragraphs, in wrappers."""
    posts = []
    base = datetime(2024, 6, 18, 9, 0, tzinfo=timezone.utc)
    for k in range(draw(st.integers(0, 6))):
        stamp = base + timedelta(minutes=draw(st.integers(-3000, 3000)))
        when = draw(
            st.sampled_from(
                [
                    "",
                    f"<time datetime='{stamp.isoformat()}'>{stamp:%H:%M}</time>",
                    f"<time>{stamp:%H:%M}</time>",
                    "<time datetime='nonsense'>25:99</time>",
                ]
            )
        )
        head = html.escape(draw(_HTML_TEXT))
        paras = "".join(
            f"<p>{html.escape(draw(_HTML_TEXT))}</p>" for _ in range(draw(st.integers(0, 4)))
        )
        byline = draw(st.sampled_from(["", f"<p class='byline'>By {draw(names)}, in Seoul</p>"]))
        tag = draw(st.sampled_from(["article", "div class='block'", "li", "section"]))
        posts.append(f"<{tag} id='p{k}'>{when}<h2>{head}</h2>{byline}{paras}</{tag.split()[0]}>")
    wrap = draw(st.sampled_from(["<main>{}</main>", "<ol class='feed'>{}</ol>", "{}"]))
    title = html.escape(draw(_HTML_TEXT))
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><h1>{title}</h1>"
        + wrap.format("".join(posts))
        + "</body></html>"
    )


@FUZZ
@given(page=html_pages(), tz=given_zones)
def test_the_html_reader_takes_every_character_from_the_page(page: str, tz: str | None) -> None:
    parsed = read_html(page, source="fuzz.html", tz=tz)
    n = len(parsed.entries)
    assert [e.position for e in parsed.entries] == list(range(n))
    assert sorted(e.seq for e in parsed.entries) == list(range(n))
    # Markup and entities aside, nothing is invented: every character is the page's (U+FFFD
    # stands for characters HTML itself forbids, such as NUL).
    allowed = set(html.unescape(page)) | set(" \n\ufffd")
    for e in parsed.entries:
        for text in [e.headline or "", *e.paragraphs, *e.captions]:
            assert set(text) <= allowed, set(text) - allowed
        check_times(e, parsed.page.timezone, tz)


# --- livebrief's own JSON, read back ----------------------------------------------------------


@FUZZ
@given(text=structured_pages(), day=given_dates, tz=given_zones)
def test_livebrief_json_reads_back_as_written(text: str, day: date | None, tz: str | None) -> None:
    try:
        parsed = parse_text(text, source="fuzz.txt", date=day, tz=tz)
    except NoEntriesError:
        return
    doc = json.dumps(parsed.to_dict(), ensure_ascii=False)
    again = parse_text(doc, source="fuzz.json")
    assert again.page.reader == "json"
    assert entry_dicts(again) == entry_dicts(parsed)


# --- Times: resolve ------------------------------------------------------------------------------


def check_times(e: Entry, page_zone: str | None, given: str | None) -> None:
    """A time is aware, in the zone the entry names, and shows the entry's clock and date."""
    if e.time is None:
        return
    assert e.time.utcoffset() is not None
    if e.tz is not None:
        assert ZoneInfo(e.tz)  # a real IANA zone
        if isinstance(e.time.tzinfo, ZoneInfo):
            assert e.time.tzinfo.key == e.tz
    if e.clock is not None:
        assert e.clock == e.time.strftime("%H:%M")
    if e.date is not None:
        assert e.date == e.time.date().isoformat()


@FUZZ
@given(
    lines=st.lists(st.one_of(time_lines(), st.none()), min_size=1, max_size=12),
    order=st.sampled_from([NEWEST_FIRST, OLDEST_FIRST]),
    page_zone=given_zones,
    page_date=given_dates,
    day=given_dates,
    tz=given_zones,
)
def test_resolve_gives_times_in_the_zone_each_entry_names(
    lines: list[str | None],
    order: str,
    page_zone: str | None,
    page_date: date | None,
    day: date | None,
    tz: str | None,
) -> None:
    marks = [times.match_time_line(line) if line else None for line in lines]
    entries = [Entry(position=i, clock=m.clock if m else None) for i, m in enumerate(marks)]
    notes = times.resolve(
        entries, marks, order=order, page_zone=page_zone, page_date=page_date, date=day, tz=tz
    )
    assert all(isinstance(n, str) and n for n in notes)
    for e, m in zip(entries, marks, strict=True):
        # The zone a post prints wins, then the page's, then the one given, then the one
        # its time form implies (the BBC's "Posted at" is UK time).
        assert e.tz == ((m.zone if m else None) or page_zone or tz or (m.house if m else None))
        if e.time is not None:
            assert e.clock is not None and e.date is not None
            if e.tz is None:
                assert e.time.tzinfo == ZoneInfo("UTC")
                assert any("UTC" in n for n in notes)
        check_times(e, page_zone, tz)


@FUZZ
@given(text=pages(), day=given_dates, tz=given_zones)
def test_parsed_times_are_in_the_pages_zone_unless_a_post_prints_its_own(
    text: str, day: date | None, tz: str | None
) -> None:
    try:
        parsed = parse_text(text, source="fuzz.txt", date=day, tz=tz)
    except LivebriefError:
        return
    for e in parsed.entries:
        check_times(e, parsed.page.timezone, tz)
        if e.time is not None and e.tz not in (parsed.page.timezone, tz, None):
            assert e.time_raw, e  # a zone of its own can only come from its printed time
