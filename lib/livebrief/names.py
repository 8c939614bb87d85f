"""Names that livebrief turns into file and folder names: never a device on Windows.

Windows keeps ``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM0``-``COM9`` and ``LPT0``-``LPT9`` for
devices, in any case and with any extension (``con.txt``, ``Nul.tar.gz``): a folder of that
name cannot be made there, and copying a store's raw pages or a briefings folder to Windows
would fail. Page keys (raw-page folders, dataset partitions) and briefing names (output
folders) are such names, so a name given by the user is refused (:func:`is_reserved`) and a
name made from a title or a URL gets ``-page`` (:func:`unreserved`).
"""

from __future__ import annotations

#: Names Windows reserves for devices, whatever the case or extension (``con``, ``con.txt``).
RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


def is_reserved(name: str) -> bool:
    """Say whether ``name`` is a Windows device name, in any case, with or without extension.

    Windows reads the name up to its first dot and ignores trailing spaces there, so
    ``CON``, ``con.txt``, ``Lpt1.tar.gz`` and ``nul .x`` are all reserved; ``console`` is not.
    """
    return name.split(".", 1)[0].rstrip(" ").lower() in RESERVED_NAMES


def unreserved(name: str, suffix: str = "-page") -> str:
    """Return ``name``, with ``suffix`` after its first part if that is a device name.

    ``CON`` gives ``CON-page``, ``con.txt`` gives ``con-page.txt``; other names are unchanged.
    """
    if not is_reserved(name):
        return name
    head, dot, rest = name.partition(".")
    return f"{head.rstrip(' ')}{suffix}{dot}{rest}"
