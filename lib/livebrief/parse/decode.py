"""Turn the raw bytes of an input into text, or say plainly why they are not a text page.

The rules are deterministic, in this order:

1. nothing at all → "is empty";
2. a known binary signature (PNG, JPEG, GIF, GZIP, ZIP, PDF) → named for what it is;
3. a byte-order mark → UTF-8, UTF-16 or UTF-32 as it says;
4. NUL bytes in every other position → BOM-less UTF-16, little- or big-endian;
5. valid UTF-8 → UTF-8;
6. UTF-8 with a few broken sequences (a stray byte, a tail cut in the middle of a character)
   among many good multi-byte ones → UTF-8, the tail dropped and each broken sequence shown as
   U+FFFD, with a warning; read as cp1252 they would garble every other non-ASCII character;
7. otherwise cp1252 (Windows Western, a superset of printable latin-1), and latin-1 for the five
   bytes cp1252 leaves undefined.

Statistical detection (charset-normalizer) is deliberately not used: on pages of a few kilobytes
it confuses the Western code pages with one another, while the rules above are exact for the
encodings live-page dumps come in. The decoded text must then look like text (few control
characters) and hold more than white space. Line endings become ``\\n``.

An input larger than :func:`max_input_bytes` (``$LIVEBRIEF_MAX_INPUT_MB``, 32 by default) is
refused, before it is read where its size is known (:func:`check_size`): no live page is that
large, and parsing one costs about 20 times its size in memory.
"""

from __future__ import annotations

import codecs
import logging
import re

from livebrief.errors import InputError
from livebrief.settings import env_number

log = logging.getLogger(__name__)

#: Leading bytes of binary formats someone may pass by mistake → what to call them.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a GZIP-compressed file (decompress it first)"),
    (b"PK\x03\x04", "a ZIP archive (extract the page first)"),
    (b"PK\x05\x06", "a ZIP archive (extract the page first)"),
    (b"%PDF-", "a PDF file"),
)

#: Byte-order marks → the codec that reads (and drops) them. Longest first: the UTF-32 LE mark
#: starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: How error messages name a codec.
_CODEC_NAMES = {
    "utf-8-sig": "UTF-8 (it starts with a UTF-8 byte-order mark)",
    "utf-16": "UTF-16 (it starts with a UTF-16 byte-order mark)",
    "utf-32": "UTF-32 (it starts with a UTF-32 byte-order mark)",
    "utf-16-le": "UTF-16 little-endian (its NUL bytes say so)",
    "utf-16-be": "UTF-16 big-endian (its NUL bytes say so)",
}

#: Above this share of control characters, decoded "text" is taken for binary data.
MAX_CONTROL_RATIO = 0.05

#: How much of the input (bytes, then characters) the NUL-pattern and control checks look at.
SAMPLE_BYTES = 65536

# C0 controls but the white-space ones (tab, LF, VT, FF, CR), DEL, and the C1 block (what
# latin-1 makes of bytes 0x80-0x9f).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

#: NUL bytes needed (besides their share) to read BOM-less bytes as UTF-16.
UTF16_MIN_NULS = 4

#: Good multi-byte UTF-8 characters needed per broken sequence to read damaged UTF-8 as UTF-8.
UTF8_EVIDENCE = 8

ENV_MAX_INPUT = "LIVEBRIEF_MAX_INPUT_MB"
DEFAULT_MAX_INPUT_MB = 32.0


def max_input_bytes() -> int:
    """Return the largest input accepted, in bytes: ``$LIVEBRIEF_MAX_INPUT_MB`` MiB, else 32."""
    return int(env_number(ENV_MAX_INPUT, DEFAULT_MAX_INPUT_MB, "megabytes") * 2**20)


def check_size(size: int, source: str) -> None:
    """Raise :class:`InputError` when an input of ``size`` bytes is over :func:`max_input_bytes`."""
    limit = max_input_bytes()
    if size > limit:
        raise InputError(
            f"{source}: is {size / 2**20:,.1f} MB, over the limit of {limit / 2**20:g} MB for "
            f"one page: split it, or raise {ENV_MAX_INPUT}"
        )


def decode(data: bytes, source: str) -> str:
    """Decode the bytes of a text page, whatever common encoding it is in.

    Parameters
    ----------
    data
        The raw bytes, as read from a file or stdin.
    source
        The input's name, used in error messages.

    Returns
    -------
    str
        The text, without a byte-order mark, with ``\\n`` line endings.

    Raises
    ------
    InputError
        When the data is empty, only white space, a known binary format, looks binary, or
        claims an encoding (a byte-order mark, a UTF-16 pattern) it does not hold to.
    """
    if not data:
        raise InputError(f"{source}: is empty")
    check_size(len(data), source)
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise InputError(f"{source}: is {what}, not a text page")
    text = _decode_any(data, source)
    if not text:
        raise InputError(f"{source}: is empty")
    if text.isspace():  # what strip() would tell, without copying the page
        raise InputError(f"{source}: holds only white space, no text")
    ratio = _control_ratio(text[:SAMPLE_BYTES])
    if ratio > MAX_CONTROL_RATIO:
        raise InputError(
            f"{source}: looks binary ({ratio:.0%} control characters), not a text page"
        )
    if "\r" in text:  # one scan for the usual page without carriage returns
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def sniff_encoding(data: bytes) -> str:
    """Return the codec name :func:`decode` would try first for ``data``.

    One of ``utf-8-sig``, ``utf-16``, ``utf-32`` (those three mean a byte-order mark was
    found), ``utf-16-le``, ``utf-16-be`` (found from the NUL pattern) or ``utf-8``; the latter
    falls back to cp1252 and latin-1 in :func:`decode` when the bytes are not valid UTF-8.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return _utf16_without_bom(data[:SAMPLE_BYTES]) or "utf-8"


def _decode_any(data: bytes, source: str) -> str:
    encoding = sniff_encoding(data)
    if encoding != "utf-8":
        try:
            # The BOM codecs ("utf-8-sig", "utf-16", "utf-32") drop the mark themselves.
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{source}: cannot be decoded as {_CODEC_NAMES[encoding]}: "
                f"invalid bytes at offset {exc.start}"
            ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data, source)
    if damaged is not None:
        return damaged
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _damaged_utf8(data: bytes, source: str) -> str | None:
    """Read UTF-8 with a few broken sequences, or return None when it does not look like UTF-8.

    A cut tail (an incomplete last character) is dropped; other broken sequences become
    U+FFFD. It counts as UTF-8 only with :data:`UTF8_EVIDENCE` good multi-byte characters per
    broken sequence: text in cp1252 almost never holds valid multi-byte UTF-8 by chance.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    text = decoder.decode(data, final=False)  # an incomplete last character stays buffered
    cut = decoder.getstate()[0] != b""
    broken = text.count("\ufffd") - data.count("\ufffd".encode()) + cut
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - text.count("\ufffd")
    if broken <= 0 or good < UTF8_EVIDENCE * broken:
        return None
    log.warning(
        "%s: %d broken UTF-8 sequence%s (%s); read as UTF-8 all the same",
        source,
        broken,
        "" if broken == 1 else "s",
        "a character cut at the end" if cut and broken == 1 else "each shown as U+FFFD",
    )
    return text


def _utf16_without_bom(sample: bytes) -> str | None:
    """Tell BOM-less UTF-16 from where its NUL bytes fall.

    Text that is mostly ASCII or Latin in UTF-16 has a NUL in the high byte of nearly every
    code unit: at odd offsets when little-endian, at even ones when big-endian. Code points
    such as U+3000 or U+4E00 put a few NULs on the other side, hence ratios, not absolutes.
    """
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    even_nuls = sample[0 : 2 * pairs : 2].count(0)
    odd_nuls = sample[1 : 2 * pairs : 2].count(0)
    # A few NULs at least: one stray NUL in a line or two of UTF-8 is no pattern.
    least = max(0.1 * pairs, UTF16_MIN_NULS)
    if odd_nuls >= least and even_nuls <= 0.05 * pairs and odd_nuls > 4 * even_nuls:
        return "utf-16-le"
    if even_nuls >= least and odd_nuls <= 0.05 * pairs and even_nuls > 4 * odd_nuls:
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_CONTROL_RE.findall(text)) / len(text)
