"""Settings read from the environment: limits that a deployment tunes without a flag."""

from __future__ import annotations

import os

from livebrief.errors import UsageError


def env_number(name: str, default: float, unit: str) -> float:
    """Return the positive number in ``$name``, or ``default`` when it is unset or empty.

    Raises
    ------
    UsageError
        When the variable holds anything but a positive number (``unit`` names what it counts,
        for the message).
    """
    text = os.environ.get(name, "")
    try:
        value = float(text) if text else default
    except ValueError:
        value = -1.0
    if not value > 0:  # also refuses NaN
        raise UsageError(f"{name}={text!r} is not a positive number of {unit}")
    return value
