"""Hostile content: text from the web stays text, names stay names, values stay values.

A live page whose headlines and title carry script tags, event handlers, ``javascript:`` links,
HTML comments, Markdown and LaTeX control characters, ANSI escapes, a right-to-left override
and a 5,000-letter word is briefed for real (papermill, nbconvert, WeasyPrint and Chromium),
then loaded in headless Chromium: the hostile scripts would mark the page's ``<body>`` if they
ran, and a control page shows that the check sees it when they do. The PDFs must show the
same text as text. Parameters given with ``-p`` must reach the notebook as the very strings
given, and names made from titles or file names must stay inside the output folder.
Fetching: what ``test_fetch`` leaves out (a body that trickles past the time limit, a
compressed bomb, other schemes on a redirect).
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest

from hardening import dump_dom, livebrief, no_error, one_error_line, pdf_text
from livebrief import fetch
from livebrief.errors import ConfigError, FetchError
from livebrief.fetch import FetchOptions
from livebrief.ingest import file_page_key
from livebrief.names import is_reserved, unreserved
from livebrief.parse import parse_text
from livebrief.render import avoid_slow_imports
from livebrief.render.guard import RESERVED_NAMES, folder_name
from livebrief.schedule import load_config
from livesite import Reply, Site, offline_fixture, sequence, site_fixture  # noqa: F401
from samplepages import SAMPLE, sample_text

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = REPO / "notebooks" / "templates"

#: Marks the page's <body> if it runs: ``--dump-dom`` then shows ``data-pwned``.
MARK = "document.body.dataset.pwned"
LONG_WORD = "W" * 5000
#: The sample's headlines, and what a hostile page puts in their place.
HOSTILE = {
    "Three reasons Putin and Kim might want to be friends": (
        f"<script>{MARK}='script';window.__pwned=1</script> scripted headline"
    ),
    "A relationship of convenience": f"<img src=x onerror=\"{MARK}='img'\"> image headline",
    "Putin is holding meetings in Yakutsk": (
        f"<a href=\"javascript:{MARK}='link'\">linked</a> and [x](javascript:alert(1)) headline"
    ),
    "How South Korea is watching Putin's trip to Pyongyang": (
        "<!-- hidden comment --> $$\\begin{pmatrix}x\\end{pmatrix}$$ *star* _under_ "
        "\\begin{document} headline"
    ),
    "Why is everything about Putin's trip shrouded in mystery?": (
        "\x1b[31mANSI red\x1b[0m headline"
    ),
    # An override, an isolate, a mark and, unpaired, overrides that would reorder the rest.
    "Pyongyang is ready with the red carpet for Putin": (
        "Right-to-left \u202eevil\u202c override, \u2067isolated\u2069, \u200fmarked and "
        "\u202dunpaired \u202eopen end"
    ),
}
#: The bidirectional controls a briefing drops (livebrief.briefing.shown).
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
TITLE = f"Live <script>{MARK}='title'</script> &amp; <b>bold</b> title"
#: A title given with -p that would end the kernel if it were pasted into code.
INJECTION = '"); import os; os._exit(3) #'


def hostile_text() -> str:
    """The sample with hostile headlines and a hostile title line."""
    lines = sample_text().split("\n")
    lines[0] = TITLE
    swapped = {old: new for old, new in HOSTILE.items()}
    return "\n".join(swapped.get(line, line) for line in lines)


def shown(text: str) -> str:
    """Hostile text as a briefing shows it: in its own order, without bidi controls."""
    return BIDI.sub("", text)


def squeeze(text: str) -> str:
    """Drop white space and control characters: PDF text wraps lines and loses escapes."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch)[0] != "C")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.txt"
    path.write_text(hostile_text(), encoding="utf-8")
    return path


def brief(page: Path, out: Path, *args: str) -> Path:
    """Run ``livebrief report`` on ``page``; return the briefing's folder."""
    done = livebrief("report", page, "--out", out, *args, timeout=600)
    assert done.returncode == 0, done.stderr
    no_error(done.stderr)
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert len(folders) == 1, sorted(out.iterdir())
    return folders[0]


@pytest.fixture(scope="module")
def weasyprint_briefing(page: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return brief(page, tmp_path_factory.mktemp("weasy"), "--format", "html,pdf")


@pytest.fixture(scope="module")
def chromium_briefing(page: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Chromium prints the HTML as a browser: a script in it would run while it prints.
    title = f"{INJECTION} {LONG_WORD} end"
    out = tmp_path_factory.mktemp("chromium")
    return brief(page, out, "--pdf-engine", "chromium", "-p", f"title={title}")


BRIEFINGS = ["weasyprint_briefing", "chromium_briefing"]


def test_the_reader_keeps_hostile_text_as_text() -> None:
    parsed = parse_text(hostile_text(), source="hostile.txt")
    assert parsed.page.reader == "text" and parsed.page.title == TITLE
    headlines = [e.headline for e in parsed.entries]
    for text in HOSTILE.values():
        assert text in headlines, text


@pytest.mark.slow
@pytest.mark.parametrize("briefing", BRIEFINGS)
def test_hostile_text_is_escaped_in_the_html(briefing: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue(briefing)
    page = (folder / "briefing.html").read_text("utf-8")
    assert "<script" not in page.lower()  # the template has none, and nothing got in
    assert not re.search(r"<[^>]*\son\w+\s*=", page)  # no event handler in any tag
    assert not re.search(r"<a\b[^>]*javascript:", page, re.I)
    assert "<!-- hidden comment -->" not in page
    assert not BIDI.search(page)  # nothing can reorder the text
    for text in HOSTILE.values():
        assert html.escape(shown(text), quote=False) in page, text
    if briefing == "weasyprint_briefing":
        assert f"<title>{html.escape(TITLE, quote=False)}</title>" in page
    else:
        assert f"<title>{html.escape(INJECTION, quote=False)} {LONG_WORD} end</title>" in page


def test_folder_names_of_hostile_titles_stay_plain() -> None:
    for text in [
        "../../etc",
        "/etc/passwd",
        "..",
        ".",
        "...",
        "",
        "a/b\\c",
        "nul\x00in the middle",
        "x" * 5000,
        "CON",
        "con.txt",
        "Lpt1",
        "-rf",
        "\u202eevil",
        "日本語のみ",
    ]:
        name = folder_name(text)
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}", name), (text, name)
        assert name.split(".")[0].lower() not in RESERVED_NAMES, (text, name)
        out = Path("/srv/reports")
        assert (out / name).resolve().parent == out, (text, name)
    assert folder_name("putin-kim") == "putin-kim"
    assert folder_name("000_fd0f76058283f76d") == "000_fd0f76058283f76d"


#: Windows device names in the forms Windows reads them: any case, with or without extension.
DEVICE_NAMES = ["CON", "nul", "Aux.txt", "PRN.tar.gz", "com1", "LPT9", "lpt0.x", "CoM7.page"]


@pytest.mark.parametrize("name", DEVICE_NAMES)
def test_device_names_are_refused_as_page_keys(name: str, tmp_path: Path) -> None:
    store = tmp_path / "lb.duckdb"
    done = livebrief("ingest", SAMPLE, "--page-key", name, "--store", store, timeout=120)
    assert done.returncode == 2, done.stderr
    suggestion = name.replace(".", "-page.", 1) if "." in name else f"{name}-page"
    one_error_line(done.stderr, repr(name), "cannot be a page key", "device", repr(suggestion))
    assert not store.exists() and not (tmp_path / "raw").exists()


@pytest.mark.parametrize("key", ["name", "page_key"])
@pytest.mark.parametrize("name", ["CON", "nul.txt", "Com3"])
def test_device_names_are_refused_in_a_briefings_file(key: str, name: str, tmp_path: Path) -> None:
    briefing = {"name": "alpha", "sources": [str(SAMPLE)], key: name}
    config = tmp_path / "briefings.yml"
    config.write_text(json.dumps({"briefings": [briefing]}), encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"{key}: '{name}' is a name Windows keeps for a device"):
        load_config(config)
    out = tmp_path / "out"
    done = livebrief("run", config, "--store", tmp_path / "lb.duckdb", cwd=tmp_path, timeout=120)
    assert done.returncode == 2, done.stderr
    one_error_line(done.stderr, str(config), f"{key}: {name!r}", "Windows")
    assert not out.exists() and not (tmp_path / "lb.duckdb").exists()


def test_page_keys_made_from_titles_urls_and_file_names_are_never_device_names() -> None:
    # Made, not given: such a key gets "-page", as a briefing folder does.
    assert file_page_key(Path("page.txt"), "CON") == "con-page"
    assert file_page_key(Path("aux.txt"), None) == "aux-page"
    assert file_page_key(Path("Nul_p2.txt"), "") == "nul-page"
    assert fetch.url_page_key("http://con/") == "con-page"
    assert fetch.url_page_key("https://www.example.com/con") == "example-com-con"
    assert folder_name("CON") == "CON-page" and folder_name("con.txt") == "con-page.txt"
    for name in DEVICE_NAMES:
        assert is_reserved(name) and not is_reserved(unreserved(name)), name
    for name in ["console", "con-page", "nullable", "com10", "lpt", "acon", "x.con"]:
        assert not is_reserved(name) and unreserved(name) == name, name


# --- In a browser ----------------------------------------------------------------------------


@pytest.mark.slow
def test_the_browser_check_sees_a_script_that_runs(tmp_path: Path) -> None:
    # The control: the same markers, unescaped, do mark the page. So the absence of the
    # mark below means the scripts did not run, not that the check is blind.
    control = tmp_path / "control.html"
    control.write_text(
        "<html><body><p>control</p>"
        + HOSTILE["A relationship of convenience"]  # the image's error handler: later
        + "<script>document.body.dataset.ran = 'script'</script></body></html>",
        encoding="utf-8",
    )
    dom = dump_dom(control)
    assert re.search(r'<body[^>]*data-pwned="img"', dom), dom[:500]
    assert re.search(r'<body[^>]*data-ran="script"', dom), dom[:500]


@pytest.mark.slow
@pytest.mark.parametrize("briefing", BRIEFINGS)
def test_no_script_runs_in_chromium_and_the_text_is_visible(
    briefing: str, request: pytest.FixtureRequest
) -> None:
    folder: Path = request.getfixturevalue(briefing)
    dom = dump_dom(folder / "briefing.html")
    assert "data-pwned" not in dom
    assert not re.search(r"<script\b", dom, re.I)
    assert not re.search(r"<img\b[^>]*\bsrc=\"?x\b", dom)
    assert not BIDI.search(dom)
    for text in HOSTILE.values():
        assert html.escape(shown(text), quote=False) in dom, text


@pytest.mark.slow
@pytest.mark.parametrize("briefing", BRIEFINGS)
def test_the_pdf_shows_hostile_text_as_text(briefing: str, request: pytest.FixtureRequest) -> None:
    folder: Path = request.getfixturevalue(briefing)
    text = squeeze(pdf_text(folder / "briefing.pdf"))
    for needle in HOSTILE.values():
        # Printed in the order written: an override would have drawn "evil" as "live", and
        # an unpaired one "open end" as "dne nepo".
        assert squeeze(shown(needle)) in text, needle
    assert "Right-to-leftlive" not in text and "dnenepo" not in text
    if briefing == "chromium_briefing":
        assert squeeze(INJECTION) in text
        # The 5,000-letter word, wrapped over lines (and pages), not cut off at the margin.
        assert text.count("W") >= len(LONG_WORD)


@pytest.mark.slow
def test_a_very_long_title_starts_on_the_first_page(tmp_path: Path) -> None:
    # A title taller than what is left of page 1: WeasyPrint kept headings whole, so it moved
    # the title to page 2 and printed page 1 empty but for its number.
    title = "Live " + "W" * 1500 + " end"
    folder = brief(SAMPLE, tmp_path / "out", "--format", "pdf", "-p", f"title={title}")
    tool = shutil.which("pdftotext")
    if not tool:
        pytest.skip("pdftotext is not installed (poppler-utils)")
    pages = [
        subprocess.run(
            [tool, "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(folder / "briefing.pdf"), "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        for n in (1, 2)
    ]
    assert squeeze(pages[0]).startswith("LiveWWWW"), pages[0][:200]
    # The title wraps over the lines and pages it needs, every letter printed.
    assert (squeeze(pages[0]) + squeeze(pages[1])).count("W") >= 1500


# --- Parameters are values, never code ---------------------------------------------------------

#: -p values that would run code, or break out of a string, if pasted into the notebook.
VALUES = {
    "p1": INJECTION,
    "p2": "'''); import os; os._exit(3) #",
    "p3": '\\"; import os; os._exit(3) #',
    "p4": "ends in a backslash\\",
    "p5": "first line\nimport os; os._exit(3)",
    "p6": "{__import__('os')._exit(3)} and %(x)s and {0}",
    "p7": "$(touch pwned) `touch pwned` ${HOME}",
    "p8": "=x=y \u202eevil\u2028next \x1b[31m",
}


def echo_notebook(folder: Path) -> Path:
    """A notebook that writes its parameters to ``echo_to`` and names its own folder.

    It declares what ``livebrief run`` sets too (``page_key``, ``store``, ``since_snapshot``).
    """
    avoid_slow_imports()
    import nbformat

    v4 = nbformat.v4
    names = ["source", "slug", "page_key", "store", *VALUES]
    params = v4.new_code_cell(
        "".join(f'{n}: str = ""  # a value to echo\n' for n in names)
        + 'echo_to: str = "values.json"  # where to write them\n'
        + "since_snapshot: int = 0  # set by livebrief run\n"
    )
    params.metadata["tags"] = ["parameters"]
    echo = v4.new_code_cell(
        "import json, pathlib\n"
        "from IPython.display import HTML, display\n"
        f"values = {{name: globals()[name] for name in {list(VALUES)!r}}}\n"
        "pathlib.Path(echo_to).write_text(json.dumps(values), encoding='utf-8')\n"
        "display(HTML('<p>echo</p>'), metadata={'livebrief': {'slug': slug, 'title': 'echo'}})\n"
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "echo.ipynb"
    nbformat.write(v4.new_notebook(cells=[params, echo]), path)
    shutil.copytree(TEMPLATES, folder / "templates")
    return path


@pytest.mark.slow
def test_parameters_reach_the_notebook_as_values(tmp_path: Path) -> None:
    notebook = echo_notebook(tmp_path / "nb")
    work = tmp_path / "work"
    work.mkdir()
    pairs = [arg for name, value in VALUES.items() for arg in ("-p", f"{name}={value}")]
    done = livebrief(
        "report", SAMPLE, "--out", work / "out", "--notebook", notebook, "--format", "html",
        *pairs, cwd=work,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    echoed = json.loads((work / "values.json").read_text(encoding="utf-8"))
    assert echoed == VALUES
    assert not (work / "pwned").exists()


@pytest.mark.slow
def test_parameters_in_a_briefings_file_reach_the_notebook_as_values(tmp_path: Path) -> None:
    notebook = echo_notebook(tmp_path / "nb")
    echo_to = tmp_path / "values.json"
    briefing = {
        "name": "echo",
        "sources": [str(SAMPLE)],
        "notebook": str(notebook),
        "formats": ["html"],
        "output": str(tmp_path / "out" / "{name}"),
        "parameters": {**VALUES, "echo_to": str(echo_to)},
    }
    config = tmp_path / "briefings.yml"
    doc = {"store": str(tmp_path / "store.duckdb"), "briefings": [briefing]}
    config.write_text(json.dumps(doc), encoding="utf-8")  # JSON is YAML
    done = livebrief("run", config, cwd=tmp_path)
    assert done.returncode == 0, done.stderr + done.stdout
    assert json.loads(echo_to.read_text(encoding="utf-8")) == VALUES
    assert not (tmp_path / "pwned").exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("slug", "source_name", "folder"),
    [
        ("../../escaped", "page.txt", "escaped"),
        ("/absolute/path", "page.txt", "absolute-path"),
        ("CON", "page.txt", "CON-page"),
        ("", "...txt", "briefing"),  # no title: the file's stem, "..", is no name
    ],
)
def test_briefing_folders_stay_inside_the_output_folder(
    slug: str, source_name: str, folder: str, tmp_path: Path
) -> None:
    notebook = echo_notebook(tmp_path / "nb")
    work = tmp_path / "deep" / "work"
    work.mkdir(parents=True)
    source = work / source_name
    shutil.copy(SAMPLE, source)
    out = work / "out"
    done = livebrief(
        "report", source, "--out", out, "--notebook", notebook, "--format", "html",
        "-p", f"slug={slug}", cwd=work,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == [folder]
    assert sorted(p.name for p in (out / folder).iterdir()) == ["briefing.html", "briefing.ipynb"]
    outside = {p for p in tmp_path.rglob("briefing.*") if out not in p.parents}
    assert outside == set()


# --- Fetching: what test_fetch leaves out ------------------------------------------------------


def test_a_body_that_trickles_past_the_time_limit_is_cut(site: Site) -> None:
    # Every read is quick (under the per-read time-out); the whole body is not.
    site.routes["/trickle"] = sequence(Reply(200, b"x" * 4096, trickle=0.05))
    options = FetchOptions(timeout=1.0, total_timeout=0.5, retries=0)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 0\.5 s"):
        fetch.fetch(site.url("/trickle"), options=options)
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("hops", [0, 1])
def test_headers_that_trickle_past_the_time_limit_are_cut(site: Site, hops: int) -> None:
    # A byte of the status line or headers every 50 ms: every read is quick, but the head
    # alone would take 15 s. The limit covers the whole response, after a redirect too.
    padding = {"X-Padding": "x" * 300}
    site.routes["/slow-head"] = sequence(Reply(200, b"late", padding, head_trickle=0.05))
    site.routes["/hop"] = sequence(Reply(302, b"", {"Location": "/slow-head"}))
    options = FetchOptions(timeout=1.0, total_timeout=0.5, retries=0)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 0\.5 s \(1 attempt\)"):
        fetch.fetch(site.url("/hop" if hops else "/slow-head"), options=options)
    assert time.monotonic() - started < 0.5 + 0.5


def test_a_quick_response_is_not_cut_by_the_deadline(site: Site) -> None:
    # The deadline's timer must not touch a response that came in time, nor outlive it.
    site.routes["/quick"] = sequence(Reply(200, b"in time", head_trickle=0.001))
    options = FetchOptions(timeout=1.0, total_timeout=5.0, retries=0)
    got = fetch.fetch(site.url("/quick"), options=options)
    assert got.content == b"in time"


def test_a_compressed_bomb_is_cut_at_the_size_limit(site: Site) -> None:
    # 40 MB of zeros in 40 kB: the limit counts the bytes after decompression.
    bomb = gzip.compress(b"\0" * 40_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    site.routes["/bomb"] = sequence(Reply(200, bomb, headers={"Content-Encoding": "gzip"}))
    options = FetchOptions(max_bytes=1_000_000, retries=0)
    with pytest.raises(FetchError, match="larger than the limit of 1,000,000 bytes"):
        fetch.fetch(site.url("/bomb"), options=options)


@pytest.mark.parametrize(
    "location",
    ["ftp://127.0.0.1/x", "data:text/plain,hi", "javascript:alert(1)", "FILE:///etc/passwd"],
)
def test_a_redirect_to_another_scheme_is_refused(site: Site, location: str) -> None:
    # httpx itself rejects some of these Locations (data:, javascript:) before livebrief's
    # own check of the scheme: either way a FetchError (exit 5), never an unexpected error.
    site.routes["/jump"] = sequence(Reply(302, headers={"Location": location}))
    with pytest.raises(FetchError, match=r"refused: (only http and https|the server sent an)"):
        fetch.fetch(site.url("/jump"), options=FetchOptions(retries=0))


def test_a_body_that_is_not_what_its_encoding_says_is_a_fetch_error(site: Site) -> None:
    site.routes["/garbled"] = sequence(
        Reply(200, b"this is not gzip at all", headers={"Content-Encoding": "gzip"})
    )
    with pytest.raises(FetchError, match="cannot be decoded") as info:
        fetch.fetch(site.url("/garbled"), options=FetchOptions(retries=0))
    assert info.value.exit_code == 5


@pytest.mark.parametrize("url", ["FILE:///etc/passwd", "File://localhost/etc/passwd", "gopher://x"])
def test_ingest_refuses_other_schemes_in_any_case(url: str, tmp_path: Path) -> None:
    db = tmp_path / "lb.duckdb"
    done = livebrief("ingest", url, "--store", db)
    assert done.returncode == 2, done.stderr
    assert "only http and https" in done.stderr and "Traceback" not in done.stderr
    assert not db.exists()
