"""End-to-end tests of the briefing: the notebook run by papermill, HTML, PDF, Chromium.

The slow tests run the real notebook on the seed and on corpus pages with times, then check the
outputs as a reader would meet them: pdftotext for the words, pdfimages for the charts, headless
Chromium for script errors.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from livebrief import render
from livebrief.errors import InputError, RenderError, UsageError
from livebrief.parse import read_path

# As `livebrief report` does, keep jsonschema from building its optional IRI grammar (seconds
# of import) when nbformat is imported.
render.avoid_slow_imports()
import nbformat  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = REPO / "samples" / "000_fd0f76058283f76d.txt"
TIMED = SHARED / "corpus" / "aljazeera_20230912_liveblog.txt"
TIMED_ROSTER = SHARED / "corpus" / "rferl_liveblog_20150504.txt"
NOTEBOOK = REPO / "notebooks" / "briefing.ipynb"
CJK_TITLE = "Kim and Putin 金正恩与普京 live"
SEED_CORRESPONDENTS = [
    "Laura Bicker",
    "Shaimaa Khalil",
    "Ben Tavener",
    "Joel Guinto",
    "Ayeshea Perera",
]


def need(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        pytest.skip(f"{tool} is not installed (see .ci/run)")
    return found


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(
        [need("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    return " ".join(out.split())


def pdf_images(pdf: Path) -> list[str]:
    out = subprocess.run(
        [need("pdfimages"), "-list", str(pdf)], capture_output=True, check=True, text=True
    ).stdout.splitlines()[2:]
    return [line for line in out if line.split()[2] == "image"]


def pdf_pages(pdf: Path) -> tuple[int, str]:
    info = subprocess.run(
        [need("pdfinfo"), str(pdf)], capture_output=True, check=True, text=True
    ).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    size = re.search(r"Page size:\s+(.*)", info).group(1)  # type: ignore[union-attr]
    return pages, size


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory: pytest.TempPathFactory) -> render.Report:
    out = tmp_path_factory.mktemp("reports")
    return render.render(SEED, out=out, cwd=REPO)


@pytest.fixture(scope="module")
def timed_report(tmp_path_factory: pytest.TempPathFactory) -> render.Report:
    if not TIMED.exists():
        pytest.skip(f"{TIMED} missing: the corpus lives in ../shared beside the repository")
    out = tmp_path_factory.mktemp("reports")
    return render.render(TIMED, out=out, cwd=REPO, parameters={"title": CJK_TITLE})


# ---------------------------------------------------------------------------------------------
# The committed notebook: a thin, typed, stripped contract.


def test_notebook_is_stripped_and_thin() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert [c for c in code if "parameters" in c.metadata.get("tags", [])] == [code[0]]
    assert not [c for c in code if "injected-parameters" in c.metadata.get("tags", [])]
    imports = [ln for c in code for ln in c.source.splitlines() if "import" in ln]
    assert imports == ["import livebrief.briefing as bf"]
    assert not [c for c in code if re.search(r"^\s*(def|class|lambda)\b", c.source, re.M)]
    assert sum(c.cell_type == "markdown" for c in nb.cells) >= 6


def test_parameters_are_typed_and_explained() -> None:
    render.avoid_slow_imports()
    import papermill

    params = papermill.inspect_notebook(str(NOTEBOOK))
    assert set(params) == {
        *("source", "url", "date", "tz", "bin_minutes", "top_authors", "title"),
        *("page_key", "store", "since_snapshot"),
    }
    for name, p in params.items():
        assert p["inferred_type_name"] in {"str", "int"}, name
        assert len(p["help"]) > 15, name
    assert (REPO / json.loads(params["source"]["default"])).exists()
    # livebrief reads the same names and types without importing papermill
    assert render.notebook_parameters(NOTEBOOK) == {
        n: p["inferred_type_name"] for n, p in params.items()
    }


def test_template_extends_lab_and_loads_nothing_remote() -> None:
    folder = REPO / "notebooks" / "templates" / render.TEMPLATE
    assert json.loads((folder / "conf.json").read_text())["base_template"] == "lab"
    text = (folder / "index.html.j2").read_text()
    assert "extends 'lab/index.html.j2'" in text
    assert "http" not in (folder / "static" / "livebrief.css").read_text()


# ---------------------------------------------------------------------------------------------
# Fast failures: nothing is started for a bad request.


def test_missing_source_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        render.render(tmp_path / "nope.txt", out=tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("formats", "engine"), [(["docx"], "weasyprint"), (["pdf"], "latex")])
def test_unknown_format_or_engine(tmp_path: Path, formats: list[str], engine: str) -> None:
    with pytest.raises(UsageError):
        render.render(SEED, out=tmp_path, formats=formats, pdf_engine=engine)


def test_parameters_are_typed_from_the_notebook() -> None:
    params = render.parse_parameters(["bin_minutes=30", "tz=Europe/London", "title=A=B"], NOTEBOOK)
    assert params == {"bin_minutes": 30, "tz": "Europe/London", "title": "A=B"}


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ("bin_minutes=half", "expected int"),
        ("colour=red", "no such parameter"),
        ("source=x.txt", "as SOURCE"),
        ("novalue", "NAME=VALUE"),
    ],
)
def test_bad_parameters_are_usage_errors(pair: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        render.parse_parameters([pair], NOTEBOOK)


def test_report_checks_every_source_before_running(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.txt: no such file"):
        render.report([SEED, tmp_path / "missing.txt"], out=tmp_path, formats="html")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------------
# The seed: a page without times.


@pytest.mark.slow
def test_seed_outputs_exist_in_the_slug_folder(seed_report: render.Report) -> None:
    assert seed_report.folder.name == "pact-with-north-korea-will-protect-us-both-from-aggression"
    names = sorted(p.name for p in seed_report.folder.iterdir())
    assert names == ["briefing.html", "briefing.ipynb", "briefing.pdf"]


@pytest.mark.slow
def test_seed_executed_notebook_records_the_run(seed_report: render.Report) -> None:
    nb = nbformat.read(seed_report.notebook, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and str(SEED) in injected[0].source
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    streams = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "stream"]
    assert errors == [] and streams == []
    assert nb.metadata["papermill"]["parameters"]["source"] == str(SEED)


@pytest.mark.slow
def test_seed_html_has_charts_with_alt_text_and_no_code(seed_report: render.Report) -> None:
    assert seed_report.html is not None
    page = seed_report.html.read_text(encoding="utf-8")
    imgs = re.findall(r"<img\b[^>]*>", page)
    assert len(imgs) == 2
    for img in imgs:
        assert 'src="data:image/png;base64,' in img
        alt = re.search(r'alt="([^"]*)"', img)
        assert alt and len(alt.group(1)) > 40 and "No description" not in alt.group(1)
    assert "the page gave no times" in page.lower()
    assert "<script" not in page
    assert "jp-CodeMirrorEditor" not in page and 'class="highlight' not in page
    assert "jp-InputPrompt" not in page and "bf.load" not in page and "import livebrief" not in page
    assert "injected" not in page.lower() and "How to use this notebook" not in page
    assert not re.search(r'(src|href)="https?:', page)
    assert "<title>Pact with North Korea" in page
    # Missing values (the roster's places, say) show as a dash, never as Python's or pandas'.
    cells = re.findall(r"<td>([^<]*)</td>", page)
    assert "—" in cells
    assert not {"None", "nan", "NaN", "&lt;NA&gt;", "NaT"} & set(cells)


@pytest.mark.slow
def test_seed_pdf_has_title_correspondents_numbers_and_charts(
    seed_report: render.Report,
) -> None:
    assert seed_report.pdf is not None
    text = pdf_text(seed_report.pdf)
    parsed = read_path(SEED)
    assert parsed.page.title and parsed.page.title in text
    for name in SEED_CORRESPONDENTS:
        assert name in text
    words = sum(e.words for e in parsed.entries)
    assert f"{words:,}" in text and f"{len(parsed.entries)} (0 with a time)" in text
    assert "The page gave no times: entries are shown in page order" in text
    pages, size = pdf_pages(seed_report.pdf)
    assert pages >= 2 and "A4" in size
    images = pdf_images(seed_report.pdf)
    assert len(images) == 2
    widths = [int(line.split()[3]) for line in images]
    assert min(widths) >= 1200  # charts at about 200 dpi over 7 inches: crisp on paper


@pytest.mark.slow
def test_seed_html_runs_in_chromium_without_errors(seed_report: render.Report) -> None:
    assert seed_report.html is not None
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                need("chromium"),
                *render.CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                seed_report.html.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0
    console = [ln for ln in done.stderr.splitlines() if ":CONSOLE" in ln or "Uncaught" in ln]
    assert console == []
    dom = done.stdout
    assert "Pact with North Korea" in dom and dom.count("<img") == 2
    assert "jp-CodeMirrorEditor" not in dom and "bf.load" not in dom


# ---------------------------------------------------------------------------------------------
# A corpus page with times.


@pytest.mark.slow
def test_timed_page_has_a_cadence_on_a_time_axis(timed_report: render.Report) -> None:
    assert timed_report.html is not None and timed_report.pdf is not None
    page = timed_report.html.read_text(encoding="utf-8")
    alts = re.findall(r'<img\b[^>]*alt="([^"]*)"', page)
    assert any(a.startswith("Bar chart of posts per") for a in alts)
    assert "the page gave no times" not in page.lower()
    text = pdf_text(timed_report.pdf)
    parsed = read_path(TIMED)
    for e in parsed.entries:
        assert e.headline and e.headline[:40] in text
        assert e.clock and e.clock in text
    assert "median gap" in text and "longest gap" in text
    assert f"{len(parsed.entries)} ({len(parsed.entries)} with a time)" in text
    assert len(pdf_images(timed_report.pdf)) == 2
    # the title override, in Chinese characters, is drawn with a CJK font, not as missing glyphs
    assert CJK_TITLE in text
    fonts = subprocess.run(
        [need("pdffonts"), str(timed_report.pdf)], capture_output=True, check=True, text=True
    ).stdout
    assert "CJK" in fonts


@pytest.mark.slow
def test_chromium_engine_prints_a4_with_charts(tmp_path: Path) -> None:
    need("chromium")
    source = TIMED_ROSTER if TIMED_ROSTER.exists() else SEED
    report = render.render(
        source, out=tmp_path, formats=["pdf"], pdf_engine="chromium", parameters={"bin_minutes": 30}
    )
    assert report.pdf is not None and report.html is None
    assert sorted(p.name for p in report.folder.iterdir()) == ["briefing.ipynb", "briefing.pdf"]
    pages, size = pdf_pages(report.pdf)
    assert pages >= 1 and "A4" in size
    assert len(pdf_images(report.pdf)) == 2
    nb = nbformat.read(report.notebook, as_version=4)
    alts = [
        o.metadata["image/png"]["alt"]
        for c in nb.cells
        for o in c.get("outputs", [])
        if "image/png" in o.get("data", {})
    ]
    assert alts[0].startswith("Bar chart of posts per 30-minute bin")
    assert "Posts per 30-minute bin" in pdf_text(report.pdf)


# ---------------------------------------------------------------------------------------------
# Failures keep the previous briefing.


def broken_notebook(folder: Path, code: str, templates: bool = True) -> Path:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(code))
    nb.cells[-1]["id"] = "broken"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "briefing.ipynb"
    nbformat.write(nb, path)
    if templates:
        shutil.copytree(NOTEBOOK.parent / "templates", folder / "templates")
    return path


@pytest.mark.slow
def test_failing_cell_names_the_cell_and_keeps_the_previous_briefing(
    seed_report: render.Report, tmp_path: Path
) -> None:
    before = digest(seed_report.folder)
    nb = broken_notebook(tmp_path / "nb", 'raise RuntimeError("deliberate failure")')
    with pytest.raises(RenderError) as caught:
        render.render(SEED, out=seed_report.folder.parent, notebook=nb, cwd=REPO)
    message = str(caught.value)
    assert re.search(r"cell \d+ \(`raise RuntimeError", message)
    assert "RuntimeError: deliberate failure" in message
    assert "\n" not in message and len(message) < 400
    assert digest(seed_report.folder) == before


@pytest.mark.slow
def test_export_failure_keeps_the_previous_briefing(
    seed_report: render.Report, tmp_path: Path
) -> None:
    before = digest(seed_report.folder)
    nb = broken_notebook(tmp_path / "nb", "pass", templates=False)
    with pytest.raises(RenderError, match="HTML export failed"):
        render.render(SEED, out=seed_report.folder.parent, notebook=nb, cwd=REPO)
    assert digest(seed_report.folder) == before  # no stray temporary files either


# ---------------------------------------------------------------------------------------------
# Kernels: this interpreter, over IPC, several at once (papermill issue 511).


@pytest.mark.slow
def test_kernels_start_in_parallel_in_this_python() -> None:
    kms = [render.start_kernel(REPO) for _ in range(3)]
    try:
        assert len({km.connection_file for km in kms}) == 3
        for km in kms:
            assert km.kernel_spec.argv[0] == sys.executable
            if os.name == "posix":
                assert km.transport == "ipc"
            assert asyncio.run(km.is_alive())
    finally:
        for km in kms:
            render.stop_kernel(km)
    assert not any(Path(km.connection_file).exists() for km in kms)


# ---------------------------------------------------------------------------------------------
# The command.


def livebrief(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "livebrief", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_report_help_shows_an_example() -> None:
    done = livebrief("report", "--help")
    assert done.returncode == 0
    assert "livebrief report samples/000_fd0f76058283f76d.txt" in done.stdout
    assert "--pdf-engine" in done.stdout and "NAME=VALUE" in done.stdout


def test_report_bad_parameter_exits_2_in_one_line(tmp_path: Path) -> None:
    done = livebrief("report", str(SEED), "--out", str(tmp_path), "-p", "top_authors=many")
    assert done.returncode == 2
    assert done.stderr.strip() == "livebrief: error: -p top_authors='many': expected int"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_report_command_writes_and_lists_the_briefing(tmp_path: Path) -> None:
    done = livebrief(
        "report",
        "samples/000_fd0f76058283f76d.txt",
        "--out",
        str(tmp_path),
        "--format",
        "html",
        "-p",
        "title=Putin in Pyongyang",
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    folder = tmp_path / "pact-with-north-korea-will-protect-us-both-from-aggression"
    assert done.stdout.splitlines() == [
        str(folder / "briefing.ipynb"),
        str(folder / "briefing.html"),
    ]
    assert "<title>Putin in Pyongyang</title>" in (folder / "briefing.html").read_text()


@pytest.mark.slow
def test_report_command_failing_cell_exits_4_and_keeps_the_briefing(
    seed_report: render.Report, tmp_path: Path
) -> None:
    before = digest(seed_report.folder)
    nb = broken_notebook(tmp_path / "nb", "1 / 0")
    done = livebrief(
        "report", str(SEED), "--out", str(seed_report.folder.parent), "--notebook", str(nb)
    )
    assert done.returncode == 4
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("livebrief: error: ")
    assert "(`1 / 0`) failed: ZeroDivisionError: division by zero" in lines[0]
    assert digest(seed_report.folder) == before
    failed = seed_report.folder.parent / f"{SEED.stem}.failed.ipynb"
    assert failed.exists() and "ZeroDivisionError" in failed.read_text()
