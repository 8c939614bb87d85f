"""The JSON reader: Guardian Content API responses built from corpus texts, livebrief JSON.

Also the end-to-end check that ``livebrief parse`` reads an HTML page and a Content API
response without a flag.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fixtures_build as fb
from livebrief import export
from livebrief.errors import LivebriefError, NoEntriesError, UnsupportedInputError
from livebrief.model import ParsedPage
from livebrief.parse import jsonfeed, parse_text, read_path

#: Examples per fuzz test: ``LIVEBRIEF_FUZZ_EXAMPLES``, as in ``test_parse_fuzz`` (CI sets more).
EXAMPLES = int(os.environ.get("LIVEBRIEF_FUZZ_EXAMPLES", "200"))

CASES = ["seed", "guardian", "aljazeera"]


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> fb.Case:
    return fb.load_case(request.param)


def read(value: Any, **kwargs: Any) -> ParsedPage:
    return parse_text(json.dumps(value, ensure_ascii=False), source="<capi>", **kwargs)


def test_content_api_gives_the_text_readers_entries(case: fb.Case) -> None:
    parsed = read(fb.capi_response(case))
    assert parsed.page.reader == "json"
    assert parsed.page.rendering == "guardian-content-api"
    assert parsed.page.title == case.title
    got, want = parsed.entries, case.entries
    assert [e.headline for e in got] == [e.headline for e in want]
    assert [e.authors for e in got] == [e.authors for e in want]
    assert [e.author for e in got] == [e.author for e in want]
    assert [e.paragraphs for e in got] == [e.paragraphs for e in want]
    for e, stamp in zip(got, case.times, strict=True):
        assert e.time == stamp  # the same instant
        assert e.time is not None and e.time.tzinfo is not None
    assert parsed.page.timezone == "Europe/London"
    assert parsed.page.order == case.parsed.page.order
    assert [e.seq for e in got] == [e.seq for e in want]


def test_guardian_case_clocks_and_offsets_match_the_page() -> None:
    case = fb.load_case("guardian")
    parsed = read(fb.capi_response(case))
    assert [e.clock for e in parsed.entries] == ["16:49", "16:42"]  # printed "4.49pm BST"
    assert [e.clock for e in parsed.entries] == [e.clock for e in case.entries]
    first = parsed.entries[0]
    assert first.time is not None and first.time.utcoffset() == timedelta(hours=1)
    assert first.time_raw == "2022-05-19T15:49:00Z"
    assert first.date == "2022-05-19" and first.tz == "Europe/London"
    assert any("Content API gives times in UTC" in n for n in parsed.page.notes)


def test_zone_given_decides_the_clocks() -> None:
    case = fb.load_case("guardian")
    parsed = read(fb.capi_response(case), tz="America/New_York")
    assert [e.clock for e in parsed.entries] == ["11:49", "11:42"]
    assert parsed.page.timezone == "America/New_York"


def test_attributes_become_labels() -> None:
    case = fb.load_case("seed")
    doc = fb.capi_response(case)
    body = doc["response"]["content"]["blocks"]["body"]
    body[0]["attributes"] = {"keyEvent": True}
    body[1]["attributes"] = {"summary": True, "pinned": True}
    body[2]["attributes"] = {"keyEvent": False, "pinned": False}
    got = read(doc).entries
    assert got[0].labels == ["Key event"]
    assert got[1].labels == ["Summary", "Pinned"]
    assert got[2].labels == []


def test_body_text_summary_only() -> None:
    case = fb.load_case("guardian")
    parsed = read(fb.capi_response(case, summary_only=True))
    for got, want in zip(parsed.entries, case.entries, strict=True):
        assert got.body.split() == want.body.split()
    assert any("no paragraph breaks" in n for n in parsed.entries[0].notes)
    # a summary with line breaks keeps them as paragraphs
    doc = fb.capi_response(case, summary_only=True)
    block = doc["response"]["content"]["blocks"]["body"][1]
    block["bodyTextSummary"] = "\n".join(case.entries[1].paragraphs)
    assert read(doc).entries[1].paragraphs == case.entries[1].paragraphs


def test_awkward_blocks() -> None:
    case = fb.load_case("seed")
    doc = fb.capi_response(case)
    content = doc["response"]["content"]
    body = content["blocks"]["body"]
    del body[0]["title"]  # an untitled block
    body[1]["contributors"] = ["profile/nobody-known"]  # a contributor without a tag
    body[2]["contributors"] = []
    body[2]["createdBy"] = {"email": "x@example.com", "firstName": "Kim", "lastName": "Lee"}
    body[3]["firstPublishedDate"] = {"iso8601": body[3]["firstPublishedDate"]}  # thrift form
    body[4]["bodyHtml"] = "<p>Caf&eacute; <em>n&eacute;</em> &amp; more</p><p></p>"
    body[5]["published"] = False
    body.append(dict(body[6]))  # the pinned post repeated
    parsed = read(doc)
    got = parsed.entries
    assert len(got) == len(case.entries) - 1
    assert got[0].headline is None and got[0].paragraphs == case.entries[0].paragraphs
    assert got[1].authors == [] and any("not among the content's tags" in n for n in got[1].notes)
    assert got[2].author == "Kim Lee" and any("createdBy" in n for n in got[2].notes)
    assert got[3].time == case.times[3]
    assert got[4].paragraphs == ["Café né & more"]
    assert any("1 unpublished blocks left out" in n for n in parsed.page.notes)


def test_response_without_blocks_says_how_to_ask() -> None:
    case = fb.load_case("guardian")
    doc = fb.capi_response(case)
    del doc["response"]["content"]["blocks"]
    with pytest.raises(NoEntriesError, match="show-blocks"):
        read(doc)


def test_livebrief_json_reads_back(tmp_path: Path) -> None:
    case = fb.load_case("guardian")
    original = read(fb.capi_response(case))
    path = tmp_path / "out.json"
    path.write_bytes(export.to_json([original]))
    back = read_path(path)
    assert back.page.reader == "json"
    assert [e.to_dict() for e in back.entries] == [e.to_dict() for e in original.entries]
    assert back.page.title == original.page.title
    assert back.page.source == "<capi>"
    seed = fb.load_case("seed").parsed
    path.write_bytes(export.to_json([seed]))
    again = read_path(path)
    assert [e.to_dict() for e in again.entries] == [e.to_dict() for e in seed.entries]
    assert again.page.roster == seed.page.roster


def test_several_livebrief_pages_are_refused() -> None:
    seed = fb.load_case("seed").parsed
    text = export.to_json([seed, seed]).decode("utf-8")
    assert jsonfeed.sniff(text)
    with pytest.raises(UnsupportedInputError, match="2 pages"):
        parse_text(text, source="two.json")


def test_other_json_is_left_to_the_text_reader() -> None:
    assert not jsonfeed.sniff('{"hello": "world"}')
    assert not jsonfeed.sniff("{not json")
    assert not jsonfeed.sniff(fb.SEED.read_text(encoding="utf-8"))


# --- End to end: the command reads HTML and Content API JSON without a flag ---------------------


def _command() -> list[str]:
    beside = Path(sys.executable).with_name("livebrief")
    found = str(beside) if beside.exists() else shutil.which("livebrief")
    return [found] if found else [sys.executable, "-m", "livebrief"]


@pytest.mark.parametrize("kind", ["html", "json"])
def test_cli_parses_html_and_content_api(tmp_path: Path, kind: str) -> None:
    case = fb.load_case("seed")
    if kind == "html":
        blog = fb.ld_script(fb.liveblog_object(case))
        data = fb.page_html(case, head=blog, body=fb.bbc_markup(case))
    else:
        data = json.dumps(fb.capi_response(case), ensure_ascii=False, indent=1)
    path = tmp_path / f"page.{kind}"
    path.write_text(data, encoding="utf-8")
    done = subprocess.run(
        [*_command(), "parse", str(path), "--format", "json"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    out = json.loads(done.stdout)
    assert out["page"]["reader"] == kind
    assert len(out["entries"]) == 14
    assert [e["headline"] for e in out["entries"]] == [e.headline for e in case.entries]
    assert [e["author"] for e in out["entries"]] == [e.author for e in case.entries]
    stamps = [fb.datetime.fromisoformat(e["time"]) for e in out["entries"]]
    assert stamps == case.times
    assert all(s.utcoffset() is not None for s in stamps)
    assert stamps[0].astimezone(timezone.utc).isoformat() == "2024-06-19T00:05:00+00:00"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.sampled_from(["2022-05-19T15:49:30Z", "<p>a &amp; b</p>", "profile/x", "keyEvent"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "title", "bodyHtml", "bodyTextSummary", "attributes", "pinned",
                         "firstPublishedDate", "contributors", "createdBy", "published",
                         "firstName", "keyEvent", "iso8601"]), inner, max_size=5),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=EXAMPLES, deadline=2000)
@given(st.lists(_JSON, max_size=6))
def test_no_blocks_make_the_json_reader_crash(body: list[Any]) -> None:
    doc = {"response": {"content": {"blocks": {"body": body}, "tags": body[:1]}}}
    try:
        parsed = jsonfeed.read_json(json.dumps(doc))
    except LivebriefError:
        return
    assert sorted(e.seq for e in parsed.entries) == list(range(len(parsed.entries)))
    assert all(e.time is None or e.time.tzinfo is not None for e in parsed.entries)
