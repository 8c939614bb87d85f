"""The golden set: corpus pages with the entries a careful reader finds, and their scoring.

The cases live in ``../shared/corpus`` beside the repository (never copied in); the seed is
scored from the bundled sample with the expectations written in :data:`SEED_EXPECTED`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from livebrief.model import ParsedPage
from livebrief.parse import read_path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SAMPLE = REPO / "samples" / "000_fd0f76058283f76d.txt"

FIELDS = ("entries", "headline", "author", "role", "clock", "labels", "paragraphs")


def _seed_entry(
    headline: str, paragraphs: int, author: str | None = None, role: str | None = None
) -> dict[str, Any]:
    return {
        "headline": headline,
        "author": author,
        "role": role,
        "time": None,
        "labels": [],
        "paragraphs": paragraphs,
    }


SEED_EXPECTED: dict[str, Any] = {
    "order": "newest first",
    "page_meta": {
        "title": "Pact with North Korea will protect us both from aggression, says Putin",
        "editors": ["Flora Drury"],
        "roster": [
            {"name": "Shaimaa Khalil", "place": "Seoul"},
            {"name": "Jake Kwon", "place": "Seoul"},
            {"name": "Laura Bicker", "place": "Beijing"},
            {"name": "Ben Tavener", "place": "Moscow"},
            {"name": "Jean Mackenzie", "place": "Ukraine"},
            {"name": "Ayeshea Perera", "place": "Singapore"},
            {"name": "Yvette Tan", "place": "Singapore"},
            {"name": "Frances Mao", "place": "Singapore"},
            {"name": "Kelly Ng", "place": "Singapore"},
            {"name": "Fan Wang", "place": "Singapore"},
        ],
    },
    "entries": [
        _seed_entry("Three reasons Putin and Kim might want to be friends", 3),
        _seed_entry("A relationship of convenience", 8, "Laura Bicker", "China correspondent"),
        _seed_entry("Putin is holding meetings in Yakutsk", 4),
        _seed_entry(
            "How South Korea is watching Putin's trip to Pyongyang", 8, "Shaimaa Khalil", "in Seoul"
        ),
        _seed_entry(
            "Why is everything about Putin's trip shrouded in mystery?",
            6,
            "Ben Tavener",
            "Moscow producer",
        ),
        _seed_entry("Pyongyang is ready with the red carpet for Putin", 5),
        _seed_entry(
            "What does Putin want from Kim and will he get it?", 5, "Joel Guinto", "BBC News"
        ),
        _seed_entry("Watch livestream of Putin's visit on BBC", 2),
        _seed_entry("Russian military concerts being aired on North Korean TV", 2),
        _seed_entry("Where will Putin be staying in North Korea?", 5),
        _seed_entry("A carefully choreographed visit", 6, "Laura Bicker", "China correspondent"),
        _seed_entry("What's on the itinerary when Putin lands?", 5),
        _seed_entry("Where is Putin now?", 4),
        _seed_entry("Welcome to our live coverage", 6, "Ayeshea Perera", "Live page editor"),
    ],
}


@dataclass
class Case:
    """One golden case: its name, its text file and what a careful reader finds in it."""

    name: str
    path: Path
    expected: dict[str, Any]


def cases() -> list[Case]:
    """Return the seed and every corpus case, sorted by name."""
    out = [Case("seed", SAMPLE, SEED_EXPECTED)]
    for js in sorted(CORPUS.glob("*.json")):
        out.append(Case(js.stem, js.with_suffix(".txt"), json.loads(js.read_text("utf-8"))))
    return out


def _field(entry: dict[str, Any], name: str) -> Any:
    if name == "clock":
        return entry.get("clock", entry.get("time"))
    if name == "paragraphs":
        v = entry.get("paragraphs")
        return len(v) if isinstance(v, list) else v
    if name == "labels":
        return sorted(entry.get("labels") or [])
    return entry.get(name)


def score(parsed: ParsedPage, expected: dict[str, Any]) -> dict[str, float]:
    """Score a parse against a case: the share of expected entries right in each field.

    Entries are aligned by position; a missing or extra entry counts against every field.
    """
    got = [e.to_dict() for e in parsed.entries]
    want = expected["entries"]
    n = max(len(got), len(want)) or 1
    result = {"entries": min(len(got), len(want)) / n}
    for name in FIELDS[1:]:
        right = sum(
            1 for g, w in zip(got, want, strict=False) if _field(g, name) == _field(w, name)
        )
        result[name] = right / n
    return result


def diffs(parsed: ParsedPage, expected: dict[str, Any]) -> list[str]:
    """Describe every field that differs, for a readable failure."""
    got = [e.to_dict() for e in parsed.entries]
    out = (
        [f"entries: got {len(got)}, want {len(expected['entries'])}"]
        if len(got) != len(expected["entries"])
        else []
    )
    for k, (g, w) in enumerate(zip(got, expected["entries"], strict=False)):
        for name in FIELDS[1:]:
            if _field(g, name) != _field(w, name):
                out.append(f"#{k} {name}: got {_field(g, name)!r}, want {_field(w, name)!r}")
    return out


def parse_case(case: Case) -> ParsedPage:
    """Parse a case's text file with the public reader."""
    return read_path(case.path)
