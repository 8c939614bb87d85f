"""livebrief.parse.dump: pages as text-dump tools print them (wrapped, numbered, Markdown).

The corpus pages are put in HTML (tests/fixtures_build.py), dumped by the real tools (lynx,
w3m, html2text, markdownify) and read back: the entries must be the text reader's on the
corpus text. The corpus texts are also wrapped the way ``fold``/textwrap do, at several widths.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import fixtures_build as fb
from livebrief.model import Entry
from livebrief.parse import dump
from livebrief.parse.text import read_text

CASES = ["seed", "guardian", "aljazeera", "rferl"]
MARKUPS: dict[str, Callable[[fb.Case], str]] = {
    "bbc": fb.bbc_markup,
    "guardian": fb.guardian_markup,
    "flat": fb.flat_markup,
}
CORPUS_TEXTS = [*sorted(fb.CORPUS.glob("*.txt")), fb.SEED]


def _binary(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed: tools/install-system-packages.sh installs it")
        pytest.skip(f"{name} is not installed (tools/install-system-packages.sh installs it)")
    return path


def _run(cmd: list[str], html: str, tmp_path: Path) -> str:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    done = subprocess.run([*cmd, str(page)], capture_output=True, text=True, check=True)
    return done.stdout


def lynx(html: str, tmp_path: Path) -> str:
    return _run([_binary("lynx"), "-dump", "-display_charset=utf-8"], html, tmp_path)


def lynx_narrow(html: str, tmp_path: Path) -> str:
    cmd = [_binary("lynx"), "-dump", "-nolist", "-width=60", "-display_charset=utf-8"]
    return _run(cmd, html, tmp_path)


def w3m(html: str, tmp_path: Path) -> str:
    return _run([_binary("w3m"), "-dump", "-O", "UTF-8", "-T", "text/html"], html, tmp_path)


def html2text_md(html: str, tmp_path: Path) -> str:
    import html2text

    return str(html2text.html2text(html))


def markdownify_md(html: str, tmp_path: Path) -> str:
    import markdownify

    return str(markdownify.markdownify(html))


TOOLS: dict[str, Callable[[str, Path], str]] = {
    "lynx": lynx,
    "lynx-60": lynx_narrow,
    "w3m": w3m,
    "html2text": html2text_md,
    "markdownify": markdownify_md,
}


def _shape(entries: list[Entry], *, roles: bool) -> list[tuple[object, ...]]:
    return [(e.headline, e.authors, e.role if roles else None) for e in entries]


def _words(entries: list[Entry]) -> list[list[str]]:
    return [" ".join(e.paragraphs).split() for e in entries]


@pytest.mark.parametrize("tool", list(TOOLS))
@pytest.mark.parametrize("markup", list(MARKUPS))
@pytest.mark.parametrize("name", CASES)
def test_a_dumped_page_reads_as_its_text(name: str, markup: str, tool: str, tmp_path: Path) -> None:
    case = fb.load_case(name)
    dumped = TOOLS[tool](fb.page_html(case, body=MARKUPS[markup](case)), tmp_path)
    parsed = read_text(dumped)
    # The fixtures print a role under the name in the BBC markup only.
    roles = markup == "bbc"
    assert _shape(parsed.entries, roles=roles) == _shape(case.entries, roles=roles)
    # Every word of every post's body, in order, with nothing of the page's chrome in it.
    assert _words(parsed.entries) == _words(case.entries)
    # Paragraph by paragraph, except where the tool prints a post's paragraphs without blank
    # lines between them and one of them ends a sentence where the line was full (lynx on the
    # BBC's list of posts): there a paragraph's end and a line broken after a full stop look
    # the same (docs/formats.md).
    if not (tool.startswith("lynx") and markup == "bbc"):
        assert [e.paragraphs for e in parsed.entries] == [e.paragraphs for e in case.entries]
    assert parsed.page.title == case.parsed.page.title or parsed.page.title is not None
    if tool != "markdownify":  # markdownify prints the <title> too ("... - Example News")
        assert [(m.name, m.place) for m in parsed.page.roster] == [
            (m.name, m.place) for m in case.parsed.page.roster
        ]


def _fold(text: str, width: int) -> str:
    """Wrap every line at ``width`` columns as ``fold -s`` does, keeping its indent."""
    out: list[str] = []
    for line in text.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        parts = textwrap.wrap(
            line.strip(), width - len(indent), break_long_words=False, break_on_hyphens=False
        )
        out.extend(indent + p for p in parts) if parts else out.append("")
    return "\n".join(out)


@pytest.mark.parametrize("path", CORPUS_TEXTS, ids=lambda p: p.stem)
def test_pages_no_tool_touched_come_back_as_they_are(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert dump.wrap_width(text.split("\n")) is None
    undone, notes = dump.undo(text)
    assert undone is text and notes == []


# The blank-separated and numbered renderings: a paragraph is a run of lines of its own.
BLANK_SEPARATED = [
    "guardian_newsbreak_20220519",
    "bbc_69124350_p4_numbered",
    "bbc_locallive_east_40828213_unnumbered",
    "cnn_20190425_putin_kim",
]


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("path", CORPUS_TEXTS, ids=lambda p: p.stem)
def test_a_folded_page_is_found_wrapped_at_its_width(path: Path, width: int) -> None:
    folded = _fold(path.read_text(encoding="utf-8"), width)
    assert dump.wrap_width(folded.split("\n")) == width
    assert f"the text was wrapped at {width} columns" in " ".join(dump.undo(folded)[1])


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("stem", BLANK_SEPARATED)
def test_a_folded_blank_separated_page_reads_as_before(stem: str, width: int) -> None:
    text = (fb.CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    before, after = read_text(text), read_text(_fold(text, width))
    assert [(e.headline, e.authors, e.role, e.clock, e.labels) for e in after.entries] == [
        (e.headline, e.authors, e.role, e.clock, e.labels) for e in before.entries
    ]
    assert [e.paragraphs for e in after.entries] == [e.paragraphs for e in before.entries]


def test_the_seed_folded_keeps_every_post_and_byline() -> None:
    # Flat: no blank lines between paragraphs, so some paragraph ends are ambiguous; the
    # posts, headlines and bylines are not.
    text = fb.SEED.read_text(encoding="utf-8")
    before = read_text(text)
    for width in (72, 80, 100):
        after = read_text(_fold(text, width))
        assert [(e.headline, e.authors, e.role) for e in after.entries] == [
            (e.headline, e.authors, e.role) for e in before.entries
        ]
        assert _words(after.entries) == _words(before.entries)


# --- Made-up shapes ------------------------------------------------------------------------

PARAGRAPHS = [
    "Rescuers pulled 40 people from the water on Tuesday after a ferry carrying more than 60"
    " passengers capsized in rough seas, the coastguard said in a statement issued late on"
    " Tuesday night.",
    "The coastguard said the search would go on overnight and that a US-led team of divers"
    " had joined the effort to reach the ferry's lower deck, where most of the missing are"
    " thought to have been sleeping.",
    "A survivor described the moment the vessel began to list and water poured into the"
    " cabins where families had been sleeping during the crossing from the mainland.",
    "The operator said it was cooperating fully with the investigation and had suspended all"
    " of its other sailings until the cause of the accident was known.",
]
ITEM = "First item that is long enough to fill the line and needs a second line to finish"


def _wrapped_page(width: int) -> str:
    """A page as a tool wraps it: headline, indented paragraphs, a list with hanging indent."""
    out = ["Ferry sinks off the coast", ""]
    for p in PARAGRAPHS:
        out += [*textwrap.wrap(p, width, initial_indent="   ", subsequent_indent="   "), ""]
    out += textwrap.wrap(ITEM, width, initial_indent="     * ", subsequent_indent="       ")
    out += ["     * Second item", ""]
    return "\n".join(out)


@pytest.mark.parametrize("width", [60, 72, 79])
def test_wrapped_lines_are_joined_and_short_ones_left(width: int) -> None:
    text, notes = dump.undo(_wrapped_page(width))
    lines = [s.strip() for s in text.split("\n") if s.strip()]
    # The width the lines show (no line of this short page may reach the tool's own).
    found = int(notes[0].removeprefix("lines joined: the text was wrapped at ").split()[0])
    assert width - 3 <= found <= width
    # Each paragraph whole, even where the tool broke "US-led" after its hyphen.
    assert lines == ["Ferry sinks off the coast", *PARAGRAPHS, f"* {ITEM}", "* Second item"]


def test_lynx_link_numbers_references_and_buttons_go() -> None:
    page = (
        "   [1]Skip to content\n\n"
        "   Rescuers pulled 40 people from the water, [2]the coastguard said in a\n"
        "   statement.\n"
        "   (BUTTON) Share\n\n"
        "References\n\n   1. https://example.com/#main\n   2. https://example.com/coastguard\n"
    )
    text, notes = dump.undo(page)
    assert "[1]" not in text and "[2]" not in text and "References" not in text
    assert "https://" not in text and "(BUTTON)" not in text
    assert "   Share" in text
    assert notes[0] == "lynx link numbers and its list of references dropped"


def test_text_that_mentions_numbers_in_brackets_is_left_alone() -> None:
    page = "The vote [1] passed by 300 votes to 12.\n\nReferences to the ruling were many.\n"
    assert dump.undo(page) == (page, [])


MARKDOWN = """\
# Storm live: ferries cancelled

[Skip to content](#main)

## Ferries cancelled as storm nears

**Anna Smith**

*Transport correspondent*

Ferry operators have [cancelled all sailings](https://example.com/ferries) this morning as \
the storm approaches, the coastguard said\\.

![Waves batter the harbour wall](https://example.com/waves.jpg)

> "We have never seen anything like it," said one harbour master.

* Sailings resume on Friday
"""


def test_markdown_is_read_as_the_plain_text_of_the_page() -> None:
    text, notes = dump.undo(MARKDOWN)
    lines = [s for s in text.split("\n") if s.strip()]
    assert "Markdown read as plain text" in notes
    assert lines[:5] == [
        "Storm live: ferries cancelled",
        "Skip to content",
        "Ferries cancelled as storm nears",
        "Anna Smith",
        "Transport correspondent",
    ]
    assert lines[5].startswith("Ferry operators have cancelled all sailings this morning")
    assert lines[5].endswith("the coastguard said.")
    assert lines[6:8] == ["Image", "Waves batter the harbour wall"]
    assert lines[8] == '"We have never seen anything like it," said one harbour master.'
    assert lines[9] == "• Sailings resume on Friday"
    parsed = read_text(MARKDOWN)
    e = parsed.entries[0]
    assert (e.headline, e.author, e.role) == (
        "Ferries cancelled as storm nears",
        "Anna Smith",
        "Transport correspondent",
    )
    assert e.captions == ["Image", "Waves batter the harbour wall"]  # marker, then alt text
    assert parsed.page.title == "Storm live: ferries cancelled"


def test_a_markdown_menu_line_is_one_entry_per_line() -> None:
    page = read_text(
        "[Skip to main content](https://example.com/#main)\n\n"
        "[News](https://example.com/) [Opinion](https://example.com/commentisfree) "
        "[Sport](https://example.com/sport) [Culture](https://example.com/culture) "
        "[Lifestyle](https://example.com/lifeandstyle)\n\n"
        "Live\n\n[Wildfires](https://example.com/world/wildfires)\n\n"
        "# Europe wildfires live: thousands evacuated in Sicily as blazes close Palermo airport\n\n"
        "Firefighters battle flames near Palermo; Greece orders new evacuations on Evia\n\n"
        "[Tom Ambrose](https://example.com/profile/tom-ambrose)\n\n"
        "Tue 25 Jul 2023 17.05 BST\n\n16.50 BST\n\n"
        "Sicily regional president calls for state of emergency\n\n"
        "The president of Sicily has asked the Italian government to declare an emergency.\n"
    )
    assert page.page.title == (
        "Europe wildfires live: thousands evacuated in Sicily as blazes close Palermo airport"
    )
    assert [(e.headline, e.clock) for e in page.entries] == [
        ("Sicily regional president calls for state of emergency", "16:50")
    ]


def test_a_page_with_a_few_hashes_and_arrows_is_not_markdown() -> None:
    page = "Score: Arsenal 2-1 Chelsea\n\n#bbcfootball\n\nGet involved > Text 81111\n"
    assert dump.undo(page) == (page, [])


def test_a_short_flat_page_of_long_lines_is_not_taken_for_wrapped() -> None:
    # Body lines of 96-98 characters: a width a tool could use, but no line breaks mid-sentence.
    page = (
        "Rail strike: Trains cancelled across England - live\n"
        "Live Reporting\n"
        "All times stated are UK\n"
        "Commuters face long queues at Waterloo\n"
        "Queues stretched out of the station at 07:30 as only one train in four was running this"
        " morning.\n"
        "Staff were handing out bottles of water while the boards showed a long list of cancelled"
        " trains.\n"
        "Some passengers said they had been waiting for more than an hour and a half for a train"
        " to Woking.\n"
        "'We have no choice' - union\n"
        "The RMT union says there are no further talks planned with the train companies this"
        " week.\n"
    )
    assert dump.undo(page) == (page, [])
    assert [e.headline for e in read_text(page).entries] == [
        "Commuters face long queues at Waterloo",
        "'We have no choice' - union",
    ]


def test_a_window_of_a_lynx_dump_without_its_references() -> None:
    page = (
        "   [12]Caucusgoers arrive at a Des Moines church\n"
        "   By [13]Hannah Knowles\n"
        "   People arrived in heavy coats as the doors opened, [14]the campaign said.\n"
    )
    text, notes = dump.undo(page)
    assert "[1" not in text
    assert notes == ["lynx link numbers dropped"]


def test_numbers_in_brackets_in_ordinary_text_stay() -> None:
    page = "The vote [1] passed.\n\nIt was close [2], aides said.\n"
    assert dump.undo(page) == (page, [])


WRAPPED_WINDOW = """\
Live
Spain
Spain wildfires live: thousands evacuated as blaze reaches outskirts of Valencia

Fire crews battle more than 40 fires across eastern Spain as temperatures reach
44C; three firefighters injured near Xativa

Jakub Krupa (now) and Helen Livingstone (earlier)
Wed 14 Aug 2024 13.02 BST
First published on Wed 14 Aug 2024 05.31 BST

Key events

  \u2022 18m ago Regional government closes A-7 motorway south of Valencia
  \u2022 1h ago Three firefighters injured near Xativa
  \u2022 2h ago Sanchez to visit affected areas on Thursday

Show key events only

Please turn on JavaScript to use this feature

18m ago
12.44 BST

Regional government closes A-7 motorway south of Valencia

The Valencian regional government has closed the A-7 motorway in both
directions between Xativa and Canals after the fire jumped the road shortly
before midday.

Drivers heading south towards Alicante are being sent along the N-330, and the
regional emergency service, Emergencias 112 CV, has asked people not to travel
to the area unless they have to.

About 2,300 people have now been evacuated from homes in Xativa, Canals and
l'Alcudia de Crespins, the service said.

Share
"""


def test_a_wrapped_window_with_the_pages_header_and_a_title_sticking_out() -> None:
    # w3m wrapped the text at 79 columns and left the 80-character title whole; the header's
    # short lines and the headlines (each a block's own end) say nothing about the width.
    assert dump.wrap_width(WRAPPED_WINDOW.split("\n")) == 79
    (entry,) = read_text(WRAPPED_WINDOW).entries
    assert entry.paragraphs[0].endswith("shortly before midday.")
    assert len(entry.paragraphs) == 3
