"""The golden-set gate (trafilatura's evaluation gate as the model).

Every case of ``../shared/corpus`` and the seed is parsed and scored per field; the scores are
pinned in :data:`FLOORS`, so CI fails when any field of any case drops.
"""

from __future__ import annotations

import pytest

import golden

# Pinned floors: the share of a case's entries that must be right in each field. All at 1.0
# today; lower one only with a note on why the case is judged differently now.
FLOORS: dict[str, float] = dict.fromkeys(golden.FIELDS, 1.0)

CASES = golden.cases()


def test_corpus_is_beside_the_repository() -> None:
    assert golden.CORPUS.is_dir(), f"{golden.CORPUS} missing: clone beside ../shared"
    assert len(CASES) == 12


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_entries_fields_meet_pinned_floors(case: golden.Case) -> None:
    parsed = golden.parse_case(case)
    scores = golden.score(parsed, case.expected)
    low = {k: v for k, v in scores.items() if v < FLOORS[k]}
    assert not low, f"{case.name}: {low}\n" + "\n".join(golden.diffs(parsed, case.expected))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_page_facts(case: golden.Case) -> None:
    parsed = golden.parse_case(case)
    meta = case.expected["page_meta"]
    assert parsed.page.title == meta.get("title")
    assert parsed.page.editors == meta.get("editors", [])
    assert [{"name": m.name, "place": m.place} for m in parsed.page.roster] == meta["roster"]
    assert parsed.page.order == case.expected["order"]
    if "summary" in meta:
        assert parsed.page.summary == meta["summary"]
    if "page_authors" in meta:
        assert parsed.page.authors == meta["page_authors"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_captions_embeds_first_lines_and_dates(case: golden.Case) -> None:
    parsed = golden.parse_case(case)
    for k, (got, want) in enumerate(zip(parsed.entries, case.expected["entries"], strict=True)):
        first = got.paragraphs[0] if got.paragraphs else None
        if "first_body_line" in want:
            assert first == want["first_body_line"], f"#{k}"
        assert got.captions == want.get("captions", []), f"#{k}"
        if "embeds" in want:
            assert got.embeds == want["embeds"], f"#{k}"
        if want.get("date"):
            assert got.date == want["date"], f"#{k}"


def test_overall_score_is_perfect() -> None:
    total = {f: 0.0 for f in golden.FIELDS}
    for case in CASES:
        for f, v in golden.score(golden.parse_case(case), case.expected).items():
            total[f] += v
    assert {f: v / len(CASES) for f, v in total.items()} == dict.fromkeys(golden.FIELDS, 1.0)


def test_seed_places_come_from_roles_and_roster() -> None:
    parsed = golden.parse_case(CASES[0])
    places = {e.author: e.place for e in parsed.entries if e.author}
    assert places == {
        "Laura Bicker": "Beijing",  # the roster's bureau wins over the "China" beat
        "Shaimaa Khalil": "Seoul",
        "Ben Tavener": "Moscow",
        "Joel Guinto": None,
        "Ayeshea Perera": "Singapore",
    }
    assert parsed.page.timezone == "Europe/London"
    assert all(e.time is None and e.clock is None for e in parsed.entries)
