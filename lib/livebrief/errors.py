"""The one exception tree of livebrief.

Every error a user can meet is a :class:`LivebriefError`; its message names the input, the
problem and, where there is one, the next step. The CLI prints it as one line and exits with the
class's ``exit_code``.
"""

from __future__ import annotations


class LivebriefError(Exception):
    """Raised for any failure livebrief reports to its user (base class)."""

    exit_code = 1


class InputError(LivebriefError):
    """Raised when an input cannot be read: missing, a folder, empty, binary, undecodable."""

    exit_code = 2


class NoEntriesError(InputError):
    """Raised when an input was read but no live-page entry could be found in it."""


class UnsupportedInputError(InputError):
    """Raised when no registered reader understands an input's format."""


class UsageError(LivebriefError):
    """Raised when arguments or parameters are wrong (bad date, unknown zone, bad format)."""

    exit_code = 2


class ConfigError(UsageError):
    """Raised when a briefings file of ``livebrief run`` is invalid (a bad key or value)."""


class OutputError(LivebriefError):
    """Raised when an output cannot be written (folder missing or not writable, disk full)."""

    exit_code = 3


class RenderError(LivebriefError):
    """Raised when a notebook fails to execute or a briefing cannot be exported."""

    exit_code = 4


class FetchError(LivebriefError):
    """Raised when a URL cannot be fetched: refused scheme, HTTP error, time-out, too large."""

    exit_code = 5


class StoreError(LivebriefError):
    """Raised when the store cannot be opened, locked or written, or is not a livebrief store."""

    exit_code = 6


class ClusterError(LivebriefError):
    """Raised when a Dask cluster cannot be used: no dask, no scheduler, no workers, a task lost."""

    exit_code = 7
