"""The HTML reader on pages built at test time from corpus texts (see ``fixtures_build``).

The same live entries read from the text, from a JSON-LD page and from markup-only pages must
give the same headlines, authors and bodies; the HTML versions also give exact times.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fixtures_build as fb
from livebrief.model import NEWEST_FIRST, OLDEST_FIRST, Entry, ParsedPage
from livebrief.parse import html as html_reader
from livebrief.parse import parse_text, read_path

#: Examples per fuzz test: ``LIVEBRIEF_FUZZ_EXAMPLES``, as in ``test_parse_fuzz`` (CI sets more).
EXAMPLES = int(os.environ.get("LIVEBRIEF_FUZZ_EXAMPLES", "200"))

CASES = ["seed", "guardian", "aljazeera"]


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> fb.Case:
    return fb.load_case(request.param)


def read(text: str) -> ParsedPage:
    """Read through the registry, as ``livebrief parse`` does: no flag, the sniffers decide."""
    return parse_text(text, source="<fixture>")


def same_entries(got: list[Entry], want: list[Entry]) -> None:
    assert [e.headline for e in got] == [e.headline for e in want]
    assert [e.authors for e in got] == [e.authors for e in want]
    assert [e.author for e in got] == [e.author for e in want]
    assert [e.paragraphs for e in got] == [e.paragraphs for e in want]


def exact_times(got: list[Entry], case: fb.Case) -> None:
    for e, want in zip(got, case.times, strict=True):
        assert e.time is not None and e.time.tzinfo is not None
        assert e.time == want
        assert e.clock == f"{e.time:%H:%M}"
        assert e.date == e.time.date().isoformat()


# --- The same entries from text, JSON-LD and markup ------------------------------------------


def test_jsonld_page_gives_the_text_readers_entries(case: fb.Case) -> None:
    page = fb.page_html(case, head=fb.ld_script(fb.liveblog_object(case)), body=fb.bbc_markup(case))
    parsed = read(page)
    assert parsed.page.reader == "html"
    assert parsed.page.rendering == "json-ld+markup"
    assert any("markup shows the same" in n for n in parsed.page.notes)
    same_entries(parsed.entries, case.entries)
    exact_times(parsed.entries, case)
    assert [e.role for e in parsed.entries] == [e.role for e in case.entries]
    assert parsed.page.title == case.title
    assert parsed.page.order == case.parsed.page.order
    assert [e.seq for e in parsed.entries] == [e.seq for e in case.entries]


def test_jsonld_only_page(case: fb.Case) -> None:
    parsed = read(fb.page_html(case, head=fb.ld_script(fb.liveblog_object(case))))
    assert parsed.page.rendering == "json-ld"
    same_entries(parsed.entries, case.entries)
    exact_times(parsed.entries, case)


@pytest.mark.parametrize("style", ["bbc", "guardian", "flat"])
def test_markup_only_page(case: fb.Case, style: str) -> None:
    build = {"bbc": fb.bbc_markup, "guardian": fb.guardian_markup, "flat": fb.flat_markup}
    parsed = read(fb.page_html(case, body=build[style](case)))
    assert parsed.page.rendering == "markup"
    assert any("no JSON-LD" in n for n in parsed.page.notes)
    same_entries(parsed.entries, case.entries)
    exact_times(parsed.entries, case)


def test_seed_page_facts_come_from_the_page_header() -> None:
    case = fb.load_case("seed")
    parsed = read(fb.page_html(case, body=fb.bbc_markup(case)))
    text_page = case.parsed.page
    assert parsed.page.editors == text_page.editors == ["Flora Drury"]
    assert parsed.page.roster == text_page.roster
    assert parsed.page.timezone == "Europe/London"  # "All times stated are UK"
    assert [e.place for e in parsed.entries] == [e.place for e in case.entries]
    # The made-up times cross midnight in London: the oldest posts are dated the day before.
    assert parsed.entries[0].date == "2024-06-19"
    assert parsed.entries[-1].date == "2024-06-18"
    assert parsed.entries[-1].clock == "22:42"


def test_guardian_printed_zone_gives_the_clocks() -> None:
    # Guardian markup: UTC in datetime="...Z", "4.49pm BST" printed: clocks as printed.
    case = fb.load_case("guardian")
    parsed = read(fb.page_html(case, body=fb.guardian_markup(case)))
    assert parsed.page.timezone == "Europe/London"
    assert (
        [e.clock for e in parsed.entries] == [e.clock for e in case.entries] == ["16:49", "16:42"]
    )
    assert parsed.entries[0].time_raw == "4.49pm BST"
    assert parsed.entries[0].time == case.times[0]


def test_markup_leaves_chrome_out_and_keeps_captions() -> None:
    case = fb.load_case("aljazeera")
    case.entries[0].captions[:] = ["Wreckage of the jet", "Photograph: Agency"]
    try:
        parsed = read(fb.page_html(case, body=fb.bbc_markup(case)))
    finally:
        case.entries[0].captions.clear()
    text = json.dumps(parsed.to_dict())
    for chrome in (
        "Share",
        "Facebook",
        "Advertisement",
        "Related stories",
        "Skip to content",
        "dataLayer",
        "published at",
        "Copyright",
    ):
        assert chrome not in text
    assert parsed.entries[0].captions == ["Wreckage of the jet", "Photograph: Agency"]
    same_entries(parsed.entries, case.entries)


def test_untitled_and_time_only_posts_in_markup() -> None:
    # RFE/RL: oldest first, untitled posts and posts that are only a time.
    case = fb.load_case("rferl")
    for build in (fb.guardian_markup, fb.bbc_markup):
        parsed = read(fb.page_html(case, body=build(case)))
        same_entries(parsed.entries, case.entries)
        exact_times(parsed.entries, case)
        assert parsed.page.order == OLDEST_FIRST
        assert [e.seq for e in parsed.entries] == list(range(7))


# --- JSON-LD and markup together ---------------------------------------------------------------


def test_disagreement_keeps_the_union_with_notes() -> None:
    case = fb.load_case("seed")
    n = len(case.entries)
    ld = fb.liveblog_object(case, only=list(range(1, n)))  # the newest post not yet in JSON-LD
    body = fb.bbc_markup(case, only=list(range(n - 1)))  # markup paginated: oldest left out
    parsed = read(fb.page_html(case, head=fb.ld_script(ld), body=body))
    assert parsed.page.rendering == "json-ld+markup"
    assert any(
        "disagree: 1 entries only in the JSON-LD, 1 only in the markup" in x
        for x in parsed.page.notes
    )
    same_entries(parsed.entries, case.entries)
    exact_times(parsed.entries, case)
    only = [[x for x in e.notes if x.startswith("only in")] for e in parsed.entries]
    assert only[0] == ["only in the page markup, not in the JSON-LD"]
    assert only[-1] == ["only in the JSON-LD, not in the page markup"]
    assert not any(only[1:-1])
    assert "modified 2024-06-18T22:45:00+01:00" in parsed.entries[-1].notes
    assert [e.position for e in parsed.entries] == list(range(n))


def test_flattened_article_body_takes_paragraphs_from_markup() -> None:
    case = fb.load_case("guardian")
    ld = fb.liveblog_object(case, body="joined")
    parsed = read(fb.page_html(case, head=fb.ld_script(ld), body=fb.bbc_markup(case)))
    same_entries(parsed.entries, case.entries)
    # and with no markup, one paragraph holding the same words
    alone = read(fb.page_html(case, head=fb.ld_script(ld)))
    assert [e.body.split() for e in alone.entries] == [e.body.split() for e in case.entries]


# --- Awkward JSON-LD --------------------------------------------------------------------------


def test_graph_wrapper_several_blocks_and_a_broken_one() -> None:
    case = fb.load_case("aljazeera")
    blog = fb.liveblog_object(case)
    del blog["@context"]
    scripts = [
        fb.ld_script({"@context": "https://schema.org", "@type": "Organization", "name": "X"}),
        "<script type='application/ld+json'>{not json</script>",
        fb.ld_script(
            {
                "@context": "https://schema.org",
                "@graph": [{"@type": "WebPage", "@id": case.url, "mainEntity": blog}],
            }
        ),
    ]
    parsed = read(fb.page_html(case, head="\n".join(scripts)))
    assert parsed.page.rendering == "json-ld"
    assert any("JSON-LD block 2 is not valid JSON" in n for n in parsed.page.notes)
    same_entries(parsed.entries, case.entries)
    exact_times(parsed.entries, case)


def test_updates_split_over_two_liveblog_objects_are_merged_once() -> None:
    case = fb.load_case("seed")
    first = fb.liveblog_object(case, only=list(range(8)))
    second = fb.liveblog_object(case, only=list(range(6, 14)))  # overlaps on posts 6 and 7
    head = fb.ld_script([first]) + fb.ld_script(second)
    parsed = read(fb.page_html(case, head=head))
    assert any("2 LiveBlogPosting objects" in n for n in parsed.page.notes)
    same_entries(parsed.entries, case.entries)


def test_authors_as_string_list_and_reference() -> None:
    case = fb.load_case("aljazeera")
    blog = fb.liveblog_object(case)
    ups = blog["liveBlogUpdate"]
    ups[0]["author"] = "By Ann Lee and Bo Kim"
    ups[1]["author"] = [{"@id": "#staff-1"}, {"@type": "Organization", "name": "Al Jazeera Staff"}]
    ups[2]["author"] = {"@type": "Person", "givenName": "Cy", "familyName": "Park"}
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            blog,
            {
                "@type": "Person",
                "@id": "#staff-1",
                "name": "Dee Fox",
                "jobTitle": "Reporting from Doha",
            },
        ],
    }
    parsed = read(fb.page_html(case, head=fb.ld_script(graph)))
    got = parsed.entries
    assert got[0].authors == ["Ann Lee", "Bo Kim"]
    assert got[1].authors == ["Dee Fox", "Al Jazeera Staff"]
    assert got[1].role == "Reporting from Doha" and got[1].place == "Doha"
    assert got[2].author == "Cy Park"


def test_missing_fields() -> None:
    case = fb.load_case("aljazeera")
    blog = fb.liveblog_object(case)
    ups = blog["liveBlogUpdate"]
    del ups[0]["headline"]
    del ups[1]["datePublished"]
    del ups[2]["articleBody"]
    parsed = read(fb.page_html(case, head=fb.ld_script(blog)))
    a, b, c = parsed.entries
    assert a.headline is None and a.paragraphs == case.entries[0].paragraphs
    assert b.time is None and b.clock is None and b.headline == case.entries[1].headline
    assert c.paragraphs == [] and c.time == case.times[2]
    assert [e.seq for e in parsed.entries] == [2, 1, 0]


def test_entities_and_nested_markup_in_bodies() -> None:
    case = fb.load_case("aljazeera")
    blog = fb.liveblog_object(case)
    up = blog["liveBlogUpdate"][0]
    up["headline"] = "Jet crashes &amp; burns in Volgograd&nbsp;region"
    up["articleBody"] = (
        "<div class='body'><p>First <strong>bold</strong> and <a href='#'>linked</a>"
        " words&#8230;</p><p>Caf&eacute; &ldquo;quoted&rdquo;<br>after a break</p>"
        "<ul><li>one <em>item</em></li><li>two</li></ul>"
        "<blockquote class='twitter-tweet'><p>A tweet</p></blockquote>"
        "<figure><img alt='The jet'><figcaption>Crash site <span>AFP</span></figcaption>"
        "</figure></div>"
    )
    parsed = read(fb.page_html(case, head=fb.ld_script(blog)))
    e = parsed.entries[0]
    assert e.headline == "Jet crashes & burns in Volgograd region"
    assert e.paragraphs == [
        "First bold and linked words…",
        "Café “quoted”",
        "after a break",
        "one item",
        "two",
    ]
    assert e.embeds == ["A tweet"]
    assert e.captions == ["The jet", "Crash site AFP"]


def test_entities_in_markup() -> None:
    page = (
        "<!doctype html><html><body><article><h2>Tom &amp; Jerry&rsquo;s &quot;day&quot;</h2>"
        "<time datetime='2024-01-02T03:04:00+05:30'>08:34</time><p>A&nbsp;b &lt;c&gt;</p>"
        "</article><article><h2>Second</h2><time datetime='2024-01-02T03:00:00+05:30'>x</time>"
        "<p>Text.</p></article></body></html>"
    )
    parsed = read(page)
    assert parsed.entries[0].headline == 'Tom & Jerry’s "day"'
    assert parsed.entries[0].paragraphs == ["A b <c>"]
    # +05:30 has no Etc/ zone: the clock keeps the offset, the zone is named by it.
    assert parsed.entries[0].clock == "03:04" and parsed.entries[0].tz == "UTC+05:30"
    assert parsed.page.timezone is None


def test_non_utc_offsets() -> None:
    case = fb.load_case("aljazeera")
    seoul = ZoneInfo("Asia/Seoul")
    parsed = read(fb.page_html(case, head=fb.ld_script(fb.liveblog_object(case, zone=seoul))))
    assert parsed.page.timezone == "Etc/GMT-9"
    assert [e.clock for e in parsed.entries] == ["03:40", "03:10", "03:02"]
    assert all(
        e.time is not None and e.time.utcoffset() == timedelta(hours=9) for e in parsed.entries
    )
    exact_times(parsed.entries, case)
    # the user's zone decides the clocks when the page states none
    mapped = html_reader.read_html(
        fb.page_html(case, head=fb.ld_script(fb.liveblog_object(case, zone=seoul))),
        tz="America/New_York",
    )
    assert [e.clock for e in mapped.entries] == ["14:40", "14:10", "14:02"]
    # a page that states its zone wins over the offsets
    seed = fb.load_case("seed")
    parsed = read(fb.page_html(seed, head=fb.ld_script(fb.liveblog_object(seed, zone=seoul))))
    assert parsed.page.timezone == "Europe/London"
    assert parsed.entries[0].clock == "01:05"


def test_offsets_that_change_map_to_a_zone() -> None:
    case = fb.load_case("aljazeera")
    blog = fb.liveblog_object(case)
    # A live page across the end of summer time in London: +01:00, then +00:00.
    blog["liveBlogUpdate"][0]["datePublished"] = "2023-10-29T01:30:00+00:00"
    blog["liveBlogUpdate"][1]["datePublished"] = "2023-10-29T01:10:00+01:00"
    blog["liveBlogUpdate"][2]["datePublished"] = "2023-10-29T00:50:00+01:00"
    parsed = read(fb.page_html(case, head=fb.ld_script(blog)))
    assert parsed.page.timezone == "Europe/London"
    assert [e.clock for e in parsed.entries] == ["01:30", "01:10", "00:50"]


def test_out_of_order_entries() -> None:
    case = fb.load_case("seed")
    blog = fb.liveblog_object(case)
    ups = blog["liveBlogUpdate"]
    ups[2], ups[5] = ups[5], ups[2]  # a late edit moved a post
    parsed = read(fb.page_html(case, head=fb.ld_script(blog)))
    assert parsed.page.order == NEWEST_FIRST
    assert any("go against the page's order" in n for n in parsed.page.notes)
    seqs = [e.seq for e in parsed.entries]
    want = list(range(13, -1, -1))
    want[2], want[5] = want[5], want[2]
    assert seqs == want
    # and oldest first, shuffled
    ups.reverse()
    ups[0], ups[1] = ups[1], ups[0]
    parsed = read(fb.page_html(case, head=fb.ld_script(blog)))
    assert parsed.page.order == OLDEST_FIRST
    by_seq = sorted(parsed.entries, key=lambda e: e.seq)
    assert [e.time for e in by_seq] == sorted(case.times)


def test_naive_times_take_the_page_zone() -> None:
    case = fb.load_case("seed")
    blog = fb.liveblog_object(case)
    for up in blog["liveBlogUpdate"]:
        up["datePublished"] = up["datePublished"][:19]  # offset dropped
    parsed = read(fb.page_html(case, head=fb.ld_script(blog)))
    assert parsed.entries[0].time == case.times[0]  # "All times stated are UK"
    assert parsed.entries[0].time.tzinfo == ZoneInfo("Europe/London")  # type: ignore[union-attr]


# --- Fallback, sniffing, markup without datetime ------------------------------------------------


def test_page_without_posts_is_read_as_visible_text() -> None:
    case = fb.load_case("seed")
    lines = fb.SEED.read_text(encoding="utf-8").splitlines()
    body = "\n".join(f"<div><p>{fb.esc(line)}</p></div>" for line in lines)
    page = f"<!DOCTYPE html><html><head><title>x</title></head><body>{body}</body></html>"
    parsed = read(page)
    assert parsed.page.reader == "html"
    assert parsed.page.rendering.startswith("html-text (")
    assert "visible text was read as text" in parsed.page.notes[0]
    same_entries(parsed.entries, case.entries)


def test_clocks_without_datetime_are_dated_like_text() -> None:
    page = (
        "<html><body><div class='feed'>"
        "<div class='post'><h3>Later</h3><time>16:45 BST</time><p>Two.</p></div>"
        "<div class='post'><h3>Earlier</h3><time>09:05 BST</time><p>One.</p></div>"
        "</div></body></html>"
    )
    parsed = html_reader.read_html(page, date=fb.datetime(2024, 5, 1).date())
    assert [e.clock for e in parsed.entries] == ["16:45", "09:05"]
    assert [e.time_raw for e in parsed.entries] == ["16:45 BST", "09:05 BST"]
    first = parsed.entries[1].time
    assert first is not None and first.isoformat() == "2024-05-01T09:05:00+01:00"


@pytest.mark.parametrize("name", sorted(p.stem for p in fb.CORPUS.glob("*.txt")))
def test_corpus_texts_are_not_sniffed_as_html(name: str) -> None:
    text = (fb.CORPUS / f"{name}.txt").read_text(encoding="utf-8")
    assert not html_reader.sniff(text)


def test_html_is_sniffed() -> None:
    assert html_reader.sniff("<!DOCTYPE html><p>x")
    assert html_reader.sniff("\n  <!-- saved --><html><body>")
    assert html_reader.sniff("<div><p>a</p><p>b</p><p>c</p><p>d</p><p>e</p></div>")
    assert not html_reader.sniff("A <b> tag alone in plain text")


def test_saved_page_file_reads_without_a_flag(tmp_path: fb.Path) -> None:
    case = fb.load_case("guardian")
    path = tmp_path / "page.html"
    path.write_text(fb.page_html(case, head=fb.ld_script(fb.liveblog_object(case))), "utf-8")
    parsed = read_path(path)
    assert parsed.page.reader == "html" and len(parsed.entries) == 2
    assert parsed.entries[0].time == case.times[0]
    assert parsed.entries[0].time.utcoffset() == timedelta(hours=1)  # type: ignore[union-attr]
    assert parsed.entries[0].time.astimezone(timezone.utc).hour == 15  # type: ignore[union-attr]


def test_labels_and_image_captions() -> None:
    case = fb.load_case("aljazeera")
    blog = fb.liveblog_object(case)
    blog["liveBlogUpdate"][0]["headline"] = "Breaking: " + str(case.entries[0].headline)
    blog["liveBlogUpdate"][1]["image"] = {"@type": "ImageObject", "caption": "Grain at a port"}
    parsed = read(fb.page_html(case, head=fb.ld_script(blog)))
    assert parsed.entries[0].labels == ["Breaking"]
    assert parsed.entries[0].headline == case.entries[0].headline
    assert parsed.entries[1].captions == ["Grain at a port"]
    case.entries[2].labels.append("Analysis")
    try:
        marked = read(fb.page_html(case, body=fb.bbc_markup(case)))
    finally:
        case.entries[2].labels.clear()
    assert marked.entries[2].labels == ["Analysis"]
    assert marked.entries[2].headline == case.entries[2].headline


# --- No input makes the readers crash -------------------------------------------------------

_PIECES = st.sampled_from(
    ["<article>", "</article>", "<h2>", "</h2>", "<h3>Head</h3>", "<p>", "</p>", "<div>",
     "</div>", "<li>", "<ul>", "<time datetime='2024-01-01T10:00:00+02:00'>10:00</time>",
     "<time>25:99</time>", "<time datetime='nonsense'>x</time>", "<br>", "<figure><img alt='a'>",
     "<figcaption>c</figcaption></figure>", "<p class='byline'>By Ann Lee, in Seoul</p>",
     "<span class='author'></span>", "<script type='application/ld+json'>",
     '{"@type": "LiveBlogPosting", "liveBlogUpdate": [{"headline": "x"}]}', "</script>",
     '{"@graph": [null, 1, "x", {"@type": ["LiveBlogPosting"], "liveBlogUpdate": {}}]}',
     "<!-- c -->", "&amp;", "&#0;", "&bogus;", "Text words here.", "\n", "<", ">", "\x00", "é"]
)  # fmt: skip


@settings(max_examples=EXAMPLES, deadline=2000)
@given(st.lists(_PIECES, max_size=60))
def test_no_html_makes_the_reader_crash(pieces: list[str]) -> None:
    parsed = html_reader.read_html("<!doctype html><html><body>" + "".join(pieces))
    assert isinstance(parsed, ParsedPage)
    for pos, e in enumerate(parsed.entries):
        assert e.position == pos
        assert e.time is None or e.time.tzinfo is not None
    assert sorted(e.seq for e in parsed.entries) == list(range(len(parsed.entries)))
