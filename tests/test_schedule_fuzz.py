"""Property tests of the briefings file reader (``livebrief.schedule.load_config``).

Documents are built from the file's own keys, near misses of them and values of every YAML
type (nested, aliased, with control characters and NUL), then dumped as YAML and sometimes cut
or garbled: whatever the text, reading it must give a checked :class:`Config` or one
:class:`ConfigError` line naming the file, quickly (a deadline per example), and never another
exception. ``LIVEBRIEF_FUZZ_EXAMPLES`` sets the examples per test, as in ``test_parse_fuzz``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from livebrief.errors import ConfigError
from livebrief.schedule import load_config
from livebrief.schedule.config import BRIEFING_KEYS, DEFAULT_KEYS, TOP_KEYS
from samplepages import SAMPLE

EXAMPLES = int(os.environ.get("LIVEBRIEF_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=2000,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

#: Keys as written, and as mistyped.
KEYS = st.sampled_from(
    [*TOP_KEYS, *BRIEFING_KEYS, *DEFAULT_KEYS, "briefing", "sorces", "format", "Name", ""]
)
NAMES = st.sampled_from(["alpha", "beta", "a/b", "../x", "", "x" * 200, "CON", "a b"])
PATHS = st.sampled_from(
    [str(SAMPLE), "missing.txt", "../../etc/passwd", "", "a\0b", "file:///etc/passwd", "x" * 300]
)
PARAMETERS = st.dictionaries(
    st.sampled_from(["title", "top_authors", "bin_minutes", "date", "tz", "source", "colour"]),
    st.one_of(
        st.integers(-(2**70), 2**70),
        st.text(max_size=20),
        st.sampled_from(["2024-06-18", "2024-13-40", "Europe/London", "Mars/Base", "\0"]),
        st.floats(allow_nan=True),
        st.booleans(),
        st.none(),
    ),
    max_size=4,
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    PATHS,
    NAMES,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def briefing(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {}
    if draw(st.booleans()):
        item["name"] = draw(NAMES)
    if draw(st.booleans()):
        item["sources"] = draw(st.one_of(st.lists(PATHS, max_size=3), VALUES))
    for key in draw(st.lists(KEYS, max_size=3)):
        item[key] = draw(VALUES)
    if draw(st.booleans()):
        item["parameters"] = draw(PARAMETERS)
    if draw(st.booleans()):
        item["formats"] = draw(st.lists(st.sampled_from(["html", "pdf", "docx", ""]), max_size=3))
    return item


GOOD_PARAMETERS = st.fixed_dictionaries(
    {},
    optional={
        "title": st.text(max_size=40),
        "top_authors": st.integers(1, 20),
        "tz": st.sampled_from(["Europe/London", "Asia/Seoul", "UTC"]),
        "date": st.dates().map(lambda d: d.isoformat()),
    },
)


@st.composite
def good_document(draw: st.DrawFn) -> dict[str, Any]:
    """A valid briefings file, to which one thing may then be done wrong."""
    names = draw(
        st.lists(st.sampled_from(["alpha", "beta", "b.1", "C_3"]), min_size=1, unique=True)
    )
    briefings = [
        {
            "name": name,
            "sources": [str(SAMPLE)],
            "parameters": draw(GOOD_PARAMETERS),
            "formats": draw(st.lists(st.sampled_from(["html", "pdf"]), min_size=1, unique=True)),
        }
        for name in names
    ]
    doc: dict[str, Any] = {"store": "store.duckdb", "briefings": briefings}
    if draw(st.booleans()):
        doc["defaults"] = {"formats": ["html"], "output": "out/{name}"}
    if draw(st.booleans()):  # one thing wrong: a stray key, or one value of any type
        target = draw(st.sampled_from([doc, *briefings]))
        target[draw(KEYS)] = draw(VALUES)
    return doc


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A briefings file: well formed or not, with wrong keys and values, sometimes garbled."""
    doc: dict[str, Any] = {}
    if draw(st.booleans()):
        doc = draw(good_document())
    else:
        if draw(st.booleans()):
            doc["store"] = draw(st.one_of(PATHS, VALUES))
        if draw(st.booleans()):
            doc["defaults"] = draw(st.one_of(st.dictionaries(KEYS, VALUES, max_size=3), VALUES))
        doc["briefings"] = draw(st.one_of(st.lists(briefing(), max_size=3), VALUES))
        for key in draw(st.lists(KEYS, max_size=2)):
            doc[key] = draw(VALUES)
    text = yaml.safe_dump(doc, allow_unicode=draw(st.booleans()))
    how = draw(st.sampled_from(["as is", "as is", "as is", "cut", "insert", "anchor"]))
    if how == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif how == "insert":
        at = draw(st.integers(0, len(text)))
        text = (
            text[:at]
            + draw(st.sampled_from(["\t", ": ", "- ", "&a ", "*a", "{", "]", "\0"]))
            + text[at:]
        )
    elif how == "anchor":
        text = "x0: &a [1, 2]\n" + text.replace("null", "*a", 1)
    return text


@FUZZ
@given(text=documents())
def test_any_briefings_file_gives_a_config_or_one_config_error(
    text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("cfg")
    path = folder / "briefings.yml"
    path.write_text(text, encoding="utf-8", errors="surrogateescape")
    try:
        config = load_config(path)
    except ConfigError as exc:
        message = str(exc)
        event("refused: " + ("not valid YAML" if "not valid YAML" in message else "a key or value"))
        assert message.startswith(f"{path}: ")
        assert "\n" not in message and len(message) < 2000
        return
    event("read: a valid file")
    names = [b.name for b in config.briefings]
    assert names and len(set(names)) == len(names)
    for spec in config.briefings:
        assert spec.notebook.is_file()
        assert set(spec.formats) <= {"html", "pdf"}


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    # YAML aliases nest one list nine deep, nine wide: 387 million items if ever expanded or
    # printed. The file must be refused in a moment, not after hours (a child process, so
    # that a regression fails on its time-out instead of hanging the suite).
    levels = ["&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"&l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
    for where in (
        "store: [{}]",
        "briefings: [{{name: a, sources: [a.txt], parameters: {{title: [{}]}}}}]",
    ):
        path = tmp_path / "bomb.yml"
        path.write_text(where.format(", ".join(levels)) + "\n", encoding="utf-8")
        code = (
            "import sys\nfrom livebrief.errors import ConfigError\n"
            "from livebrief.schedule import load_config\n"
            "try:\n    load_config(sys.argv[1])\nexcept ConfigError as exc:\n    print(exc)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"{path}: ") and len(done.stdout) < 2000
