"""Tests for livebrief.parse.decode: encodings in, text out, or one clear error."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from livebrief.errors import InputError
from livebrief.parse.decode import decode, sniff_encoding

#: Examples per fuzz test: ``LIVEBRIEF_FUZZ_EXAMPLES``, as in ``test_parse_fuzz`` (CI sets more).
EXAMPLES = int(os.environ.get("LIVEBRIEF_FUZZ_EXAMPLES", "200"))

PAGE = (
    "Pact with North Korea will protect us both, says Putin\n"
    "Laura Bicker\n"
    "China correspondent\n"
    "Putin’s visit – the “bromance” may be overstated. Café talk, naïve hopes.\n"
)


def test_utf8_is_read_as_is() -> None:
    assert decode(PAGE.encode("utf-8"), "page.txt") == PAGE


def test_utf8_bom_is_dropped() -> None:
    data = codecs.BOM_UTF8 + PAGE.encode("utf-8")
    assert sniff_encoding(data) == "utf-8-sig"
    assert decode(data, "page.txt") == PAGE


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom_in_native_order(codec: str) -> None:
    data = PAGE.encode(codec)  # Python writes a BOM for the bare codec names
    assert sniff_encoding(data) == codec
    assert decode(data, "page.txt") == PAGE


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_explicit_bom(bom: bytes, codec: str) -> None:
    data = bom + PAGE.encode(codec)
    assert decode(data, "page.txt") == PAGE
    assert not decode(data, "page.txt").startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_found_from_nul_bytes(codec: str) -> None:
    data = PAGE.encode(codec)
    assert sniff_encoding(data) == codec
    assert decode(data, "page.txt") == PAGE


def test_a_stray_nul_in_a_short_utf8_text_is_no_utf16() -> None:
    """One NUL byte at an odd offset of a few UTF-8 words is not the UTF-16 pattern."""
    assert sniff_encoding(b"18 Posts\n\x00") == "utf-8"
    with pytest.raises(InputError, match="looks binary"):
        decode(b"18 Posts\n\x00", "x.txt")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_mostly_cjk(codec: str) -> None:
    # Few ASCII code units, and U+4E00 / U+3000 put NULs on the "wrong" side too.
    text = "普京访问朝鲜\u3000一 Putin visits Pyongyang\n金正恩欢迎普京\n" * 5
    assert decode(text.encode(codec), "page.txt") == text


def test_cp1252_is_the_fallback_for_invalid_utf8() -> None:
    data = PAGE.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data, "page.txt") == PAGE


def test_latin1_when_cp1252_leaves_a_byte_undefined() -> None:
    # 0x81 is not defined in cp1252; everything else must still come through.
    data = ("caf\xe9 au lait, na\xefve. " * 20).encode("latin-1") + b"\x81"
    text = decode(data, "page.txt")
    assert text.startswith("café au lait, naïve.")
    assert text.endswith("\x81")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo\r", "one\ntwo\n"),
        (b"one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),
        (b"blank\r\n\r\nline", "blank\n\nline"),
    ],
)
def test_line_endings_become_newlines(raw: bytes, expected: str) -> None:
    assert decode(raw, "page.txt") == expected


def test_crlf_in_utf16_too() -> None:
    data = "one\r\ntwo\r\n".encode("utf-16")
    assert decode(data, "page.txt") == "one\ntwo\n"


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^page\.txt: is empty$"):
        decode(data, "page.txt")


@pytest.mark.parametrize("data", [b" ", b"\n\n", b" \r\n\t \x0c", " \n ".encode("utf-16")])
def test_white_space_only(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^page\.txt: holds only white space"):
        decode(data, "page.txt")


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("page.txt", PAGE)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (gzip.compress(PAGE.encode()), "GZIP-compressed file"),
        (_zip_bytes(), "ZIP archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF file"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
    ],
)
def test_known_binary_formats_are_named(data: bytes, word: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "in/page.bin")
    message = str(info.value)
    assert message.startswith("in/page.bin: is ")
    assert word in message
    assert message.endswith("not a text page") or "first)" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x00\x01\x02\x03" * 100,
        b"text\x00\x00\x00\x07\x08\x01\x02" * 50,
        b"\x1b[31m\x1b\x1b\x00\x00red\x05\x06" * 30,
    ],
)
def test_other_binary_data_looks_binary(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^x\.dat: looks binary \(\d+% control characters\)"):
        decode(data, "x.dat")


def test_a_few_control_characters_are_tolerated() -> None:
    text = "A headline\n" + "Body text that goes on. " * 40 + "\x07\n"
    assert decode(text.encode(), "page.txt") == text


def test_a_broken_bom_claim_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"^page\.txt: cannot be decoded as UTF-8 \(it starts"):
        decode(codecs.BOM_UTF8 + b"caf\xe9 \xff\xfe", "page.txt")


def test_truncated_utf16_is_an_input_error() -> None:
    data = PAGE.encode("utf-16-le")[:-1]
    with pytest.raises(InputError, match=r"^page\.txt: cannot be decoded as UTF-16"):
        decode(data, "page.txt")


@settings(max_examples=EXAMPLES, deadline=2000)
@given(st.binary(max_size=2000))
def test_any_bytes_give_text_or_an_input_error(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt")
    except InputError as exc:
        assert str(exc).startswith("fuzz.txt: ")
        assert "\n" not in str(exc)
    else:
        assert text.strip()
        assert "\r" not in text


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
    | st.sampled_from("\n\r\t"),
    max_size=500,
)


@settings(max_examples=EXAMPLES, deadline=2000)
@given(_TEXT)
def test_utf8_text_round_trips(text: str) -> None:
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        assert decode(text.encode("utf-8"), "t.txt") == expected
    except InputError as exc:
        assert not text.strip(), exc


@settings(max_examples=EXAMPLES, deadline=2000)
@given(_TEXT)
def test_utf16_text_with_bom_round_trips(text: str) -> None:
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        assert decode(text.encode("utf-16"), "t.txt") == expected
    except InputError as exc:
        assert not text.strip(), exc


_CP1252_PRINTABLE = [
    ch
    for ch in bytes(range(0x20, 0x100)).decode("cp1252", errors="ignore")
    if ch.isprintable() and ch != "\x7f"
]


@settings(max_examples=EXAMPLES, deadline=2000)
@given(st.text(alphabet=st.sampled_from([*_CP1252_PRINTABLE, "\n"]), min_size=1, max_size=300))
def test_cp1252_text_round_trips_when_not_utf8(text: str) -> None:
    data = text.encode("cp1252")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if text.strip():
            assert decode(data, "t.txt") == text
