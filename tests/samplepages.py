"""Real live pages for the store tests, and variants of them: split in pages, edited, cut.

The bundled sample (14 entries, no times) and the corpus beside the repository
(``../shared/corpus``) are the material; variants are made by changing their text, never by
writing pages from scratch.
"""

from __future__ import annotations

from pathlib import Path

from livebrief.parse import read_path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "000_fd0f76058283f76d.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE_KEY = "pact-with-north-korea-will-protect-us-both-from-aggression-says-putin"

#: Two corpus pages with times, the Al Jazeera one later on the same day (2023-09-12).
TIMED_LATE = CORPUS / "aljazeera_20230912_liveblog.txt"
TIMED_EARLY = CORPUS / "bbc_cn38321180et_p2.txt"
GUARDIAN = CORPUS / "guardian_newsbreak_20220519.txt"


def sample_text() -> str:
    """Return the bundled sample's text."""
    return SAMPLE.read_text(encoding="utf-8")


def sample_headlines() -> list[str]:
    """Return the sample's headlines in page order (newest first)."""
    return [e.headline or "" for e in read_path(SAMPLE).entries]


def split_sample(at: str = "Watch livestream of Putin's visit on BBC") -> tuple[str, str]:
    """Split the sample into page 1 (the header and the newer half) and page 2 (the rest)."""
    lines = sample_text().split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith(at))
    return "\n".join(lines[:cut]) + "\n", "\n".join(lines[cut:])


def replace_once(text: str, old: str, new: str) -> str:
    """Return ``text`` with ``old`` replaced by ``new``, checking that ``old`` is there once."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def drop_entry(text: str, headline: str) -> str:
    """Return ``text`` without the entry headed ``headline`` (up to the next entry's headline)."""
    headlines = sample_headlines()
    lines = text.split("\n")
    start = lines.index(headline)
    following = headlines[headlines.index(headline) + 1 :]
    end = next((lines.index(h) for h in following if h in lines[start + 1 :]), len(lines))
    return "\n".join(lines[:start] + lines[end:])


def write(folder: Path, name: str, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``folder/name`` and return the path."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
