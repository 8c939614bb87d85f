"""How entries seen in snapshots become one page's entries: ids, versions, coverage order.

Pure functions and one small class over entries-table rows (``Entry.to_dict()``); the store
calls them and keeps the results. The rules, in short (``docs/store.md`` has the long form):

- An entry's **id** is fixed when it is first seen: a hash of the page key and the entry's
  own content (normalised headline, author, first body paragraph, clock), never its position.
- Seen again, an entry is **linked** to the id it had: first by that same hash, then, for an
  entry that changed, by its headline and author, then by its clock and first paragraph, each
  only when exactly one known entry of the page that is not yet matched fits.
- Its **content hash** covers what a reader sees (text, byline, time); a different hash under
  the same id is a new version: an *edit*, or a *re-timing* when only time fields changed.
- A page's **coverage** orders all its entries newest first: by time where known, otherwise by
  page number (page 1 newest) and position, untimed entries staying beside their neighbours.
"""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported where a frame is handled: it costs ~1 s at start-up
    import pandas as pd

#: The fields of an entry a reader sees; a change in any of them makes a new version.
#: ``age`` ("5h ago") changes on every fetch and ``notes`` are the reader's own remarks, so
#: neither counts; ``position``/``seq`` describe the snapshot, not the entry.
CONTENT_FIELDS: tuple[str, ...] = (
    "headline",
    "labels",
    "author",
    "authors",
    "role",
    "place",
    "clock",
    "time",
    "time_raw",
    "date",
    "tz",
    "body",
    "captions",
    "embeds",
)

#: Fields whose change alone makes a version a re-timing rather than an edit.
TIME_FIELDS: frozenset[str] = frozenset({"clock", "time", "time_raw", "date", "tz"})

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text: str | None) -> str:
    """Return ``text`` folded for matching: NFKC, case-folded, straight quotes, one space."""
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.casefold().split())


def _hash(*parts: str, size: int = 20) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def _first_paragraph(row: Mapping[str, Any]) -> str:
    paragraphs = row.get("paragraphs")
    return normalise(paragraphs[0]) if paragraphs is not None and len(paragraphs) else ""


@dataclass(frozen=True)
class _Folded:
    """The parts of an entry its ids and matching keys are made of, normalised once."""

    headline: str
    author: str
    first: str
    clock: str

    @classmethod
    def of(cls, row: Mapping[str, Any]) -> _Folded:
        return cls(
            normalise(row.get("headline")),
            normalise(row.get("author")),
            _first_paragraph(row),
            row.get("clock") or "",
        )

    def natural_id(self, page_key: str) -> str:
        return _hash(page_key, self.headline, self.author, self.first, self.clock)

    def headline_key(self) -> str | None:
        return _hash(self.headline, self.author) if self.headline else None

    def body_key(self) -> str | None:
        return _hash(self.clock, self.first) if self.first else None


def natural_id(page_key: str, row: Mapping[str, Any]) -> str:
    """Return the id an entry gets when first seen: page key, headline, author, paragraph, clock."""
    return _Folded.of(row).natural_id(page_key)


def headline_key(row: Mapping[str, Any]) -> str | None:
    """Return the loose key of an entry with a headline (headline and author), else None."""
    return _Folded.of(row).headline_key()


def body_key(row: Mapping[str, Any]) -> str | None:
    """Return the loose key of an entry with body text (clock and first paragraph), else None."""
    return _Folded.of(row).body_key()


def _plain(value: Any) -> Any:
    # Values read back from the database may be NaN or NA for "none", and NumPy arrays for
    # lists; compare and hash them as None and lists.
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str | int | float):
        return value
    if isinstance(value, Iterable):
        return [_plain(v) for v in value]
    # Only values read into a frame get here (pandas.NA, NaT, NumPy scalars): pandas is loaded.
    import pandas as pd

    return None if pd.isna(value) else value


def content_sha(row: Mapping[str, Any]) -> str:
    """Return the hash of what a reader sees of an entry (:data:`CONTENT_FIELDS`)."""
    values = [row.get(name) for name in CONTENT_FIELDS]
    try:
        text = json.dumps(values, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):  # values read back from the database: arrays, NaN
        text = json.dumps([_plain(v) for v in values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Return the :data:`CONTENT_FIELDS` whose values differ between two versions."""
    return [f for f in CONTENT_FIELDS if _plain(old.get(f)) != _plain(new.get(f))]


def change_kind(fields: Sequence[str]) -> str:
    """Name a change: ``retimed`` when only time fields changed, else ``edited``."""
    return "retimed" if fields and set(fields) <= TIME_FIELDS else "edited"


@dataclass(frozen=True)
class Known:
    """What the linker needs of one stored version of an entry."""

    entry_id: str
    natural_id: str
    headline_key: str | None
    body_key: str | None


class Linker:
    """The entries one page is known to have, and the linking of a new snapshot to them."""

    def __init__(self, page_key: str, known: Iterable[Known] = ()) -> None:
        self.page_key = page_key
        self.ids: set[str] = set()
        self._natural: dict[str, str] = {}
        self._loose: dict[str, set[str]] = defaultdict(set)
        for version in known:
            self.add(version)

    def add(self, version: Known) -> None:
        """Remember one version of an entry, so that later snapshots link to it."""
        self.ids.add(version.entry_id)
        self._natural.setdefault(version.natural_id, version.entry_id)
        for key in (version.headline_key, version.body_key):
            if key:
                self._loose[key].add(version.entry_id)

    def link(self, rows: Sequence[Mapping[str, Any]]) -> list[Known]:
        """Give each entry of one snapshot its id, remembering new entries and versions.

        Parameters
        ----------
        rows
            The snapshot's entries (``Entry.to_dict()``), in input order.

        Returns
        -------
        list of Known
            One per row, in row order: the entry's id and its matching keys as seen now.
        """
        oldest_first = sorted(range(len(rows)), key=lambda i: (rows[i].get("seq") or 0, i))
        folded = [_Folded.of(row) for row in rows]
        naturals = [""] * len(rows)
        repeats: dict[str, int] = defaultdict(int)
        for i in oldest_first:
            base = folded[i].natural_id(self.page_key)
            # Identical entries within one snapshot are told apart by their order of age.
            naturals[i] = base if not repeats[base] else _hash(base, str(repeats[base]))
            repeats[base] += 1
        ids: list[str | None] = [None] * len(rows)
        claimed: set[str] = set()
        for i in oldest_first:
            found = self._natural.get(naturals[i])
            if found and found not in claimed:
                ids[i] = found
                claimed.add(found)
        for i in oldest_first:
            if ids[i] is None:
                ids[i] = self._loose_match(folded[i], claimed)
        out: list[Known] = []
        for i in range(len(rows)):
            entry_id = ids[i] or self._fresh_id(naturals[i])
            claimed.add(entry_id)
            keys = folded[i]
            version = Known(entry_id, naturals[i], keys.headline_key(), keys.body_key())
            self.add(version)
            out.append(version)
        return out

    def _loose_match(self, folded: _Folded, claimed: set[str]) -> str | None:
        for key in (folded.headline_key(), folded.body_key()):
            if key:
                candidates = self._loose.get(key, set()) - claimed
                if len(candidates) == 1:
                    found = next(iter(candidates))
                    claimed.add(found)
                    return found
        return None

    def _fresh_id(self, natural: str) -> str:
        entry_id, n = natural, 0
        while entry_id in self.ids:
            n += 1
            entry_id = _hash(natural, f"new-{n}")
        return entry_id


def order_coverage(frame: pd.DataFrame) -> pd.DataFrame:
    """Sort a page's entries newest first, joining the entries of its pages 1..N.

    Parameters
    ----------
    frame
        One row per entry with ``time`` (ISO 8601 or missing), ``page_number`` (missing when
        unknown: taken as 1), ``snapshot_id``, ``snapshot_seq`` (the entry's ``seq`` in that
        snapshot: 0 is the oldest post) and ``oldest_first`` (whether that page lists its
        posts oldest first), all for the entry's latest sighting.

    Returns
    -------
    pandas.DataFrame
        The rows newest first, with ``position`` (0 the newest) and ``seq`` (0 the oldest)
        recomputed over the whole coverage and a fresh index.
    """
    import pandas as pd

    if frame.empty:
        return frame.reset_index(drop=True)
    work = frame.copy()
    pages = work["page_number"].fillna(1).astype("int64")
    work["_page"] = pages.where(~work["oldest_first"].astype(bool), -pages)
    work["_snap"] = -work["snapshot_id"].astype("int64")
    work["_rank"] = -work["snapshot_seq"].astype("int64")
    # Page order: page 1 first, a newer snapshot of a page before an older, newest post first.
    work = work.sort_values(["_page", "_snap", "_rank"], kind="stable").reset_index(drop=True)
    times = pd.to_datetime(work["time"], utc=True, format="ISO8601", errors="coerce")
    # An untimed entry takes the time of the nearest timed entry above it (newer) on the pages,
    # or below it when none is above, and stays after that entry.
    work["_anchor"] = times.ffill().bfill()
    work["_order"] = range(len(work))
    work = work.sort_values(
        ["_anchor", "_order"], ascending=[False, True], kind="stable", na_position="last"
    )
    work = work.drop(columns=["_page", "_snap", "_rank", "_anchor", "_order"])
    work = work.reset_index(drop=True)
    work["position"] = range(len(work))
    work["seq"] = range(len(work) - 1, -1, -1)
    return work
