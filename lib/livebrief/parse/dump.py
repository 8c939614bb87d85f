"""Undo what text-dump tools do to a page before the text reader reads it.

``lynx -dump``, ``w3m -dump``, html2text, pandoc and ``fold`` break paragraphs into lines of
at most 72 to 80 columns; lynx also numbers every link (``[12]Read more``), lists the links
at the end (``References``) and prints buttons as ``(BUTTON) Share``; html2text, markdownify
and reader services print Markdown (``## Headline``, ``[text](url)``, ``> quote``). The reader
reads one element per line, so a wrapped paragraph would read as several short lines
(captions, headlines or bylines). Here the Markdown is made plain text, the lines are joined
back, the link numbers dropped and the nested list markers made plain bullets; a page that no
tool touched is returned as it is.

The wrap width is found from the lines themselves (no tool prints it). A line was broken by
the tool exactly when the next line's first word would not have fitted after it: that is the
test for joining, so a short line (a headline, a byline, a paragraph's last line) is never
joined to what follows.
"""

from __future__ import annotations

import re
from itertools import pairwise

from livebrief.parse import lines as L

# Wrap widths the tools use (pandoc 72, html2text 78, lynx 79, w3m and fold 80) and some room.
_MIN_WIDTH, _MAX_WIDTH = 40, 132
# The text looked at to find the width: enough for any page's pattern, little enough to cost
# nothing on a large input.
_SAMPLE_CHARS = 200_000
# A page is wrapped when this share of its long lines (over half the width) end a broken line.
_BROKEN_SHARE = 0.4
_MIN_BROKEN = 5
# ... and when this share of its long lines come within a word of the width.
_FULL_SHARE, _FULL_BAND = 0.5, 12
# ... and this share of them are broken mid-sentence, before a lower-case word.
_LOWER_SHARE = 0.2
# The longest line lengths tried as the width.
_MAX_CANDIDATES = 6
# An indent gets its own width from this many lines, at most this many columns short.
_MIN_PER_INDENT, _INDENT_SLACK = 8, 4

# lynx's list of links closes the dump: "References", then "   1. https://...".
_REFERENCE_HEADS = ("\nReferences\n", "\nVisible links\n", "\nVisible links:\n")
_REFERENCES_REACH = 2_000_000  # characters from the end: lynx lists a link in about 80
_FIRST_REFERENCE = re.compile(r"\s*1\. [a-z][a-z+.-]*:\S")
_LINK_NUMBER = re.compile(r"\[\d{1,5}\](?=\S)")
# Without the list, this many numbers glued to link texts ("[15]Read more") say lynx.
_MIN_LINK_NUMBERS = 3
_BUTTON = re.compile(r"^([ \t]*)\((?:BUTTON|IMG|INLINE)\)[ \t]*", re.M)
# Nested list markers of lynx (+, o, #) and w3m (□, ◦, ▪): plain bullets for the reader.
_NESTED_BULLET = re.compile(r"^([ \t]{2,})[+o#□◦▪■][ \t]+(?=\S)", re.M)
_LIST_MARK = re.compile(r"^(?:[•·▪◦*+#□■–—-]|o(?=\s)|\d{1,3}\.)\s+")


def undo(text: str) -> tuple[str, list[str]]:
    """Return the text with a dump tool's wrapping and link numbers undone, and notes on it.

    Text that no tool wrapped or numbered comes back unchanged (the same object).
    """
    notes: list[str] = []
    markdown = _is_markdown(text)
    if markdown:
        text = _MD_REF_DEF.sub("", text)
    refs = _references_at(text)
    if refs is not None:
        text = _LINK_NUMBER.sub("", text[:refs]) + "\n"
        notes.append("lynx link numbers and its list of references dropped")
    elif len(_LINK_NUMBER.findall(text[:_SAMPLE_CHARS])) >= _MIN_LINK_NUMBERS:
        # A window of a lynx dump that does not reach its list of references.
        text = _LINK_NUMBER.sub("", text)
        refs = len(text)
        notes.append("lynx link numbers dropped")
    sample = text[:_SAMPLE_CHARS].split("\n")
    width = wrap_width(sample[:-1] if len(text) > _SAMPLE_CHARS else sample)
    if width is None and refs is None and not markdown:
        return text, notes
    text = _BUTTON.sub(r"\1", text)
    text = _NESTED_BULLET.sub(r"\1• ", text)
    if width is not None:
        widths = indent_widths(sample, width)
        text = "\n".join(unwrap(text.split("\n"), width, widths))
        notes.append(f"lines joined: the text was wrapped at {width} columns")
    if markdown:
        # After joining: the tool wrapped the Markdown as written, links and all.
        text = plain_markdown(text)
        notes.append("Markdown read as plain text")
    return text, notes


# Markdown: headings (ATX and Setext), links and images, emphasis, quotes, escapes.
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.M)
_MD_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:=+|-{3,})[ \t]*$", re.M)
_MD_IMAGE_LINE = re.compile(
    r"^[ \t]*(?:\[)?!\[([^\]\n]*)\]\([^)\n]*\)(?:\]\([^)\n]*\))?[ \t]*$", re.M
)
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[\d+\]")
_MD_MENU = re.compile(r"^[ \t]*(?:\[[^\]\n]*\]\([^()\s]*\)[ \t]*){3,}$", re.M)
_MD_LINK_TEXT = re.compile(r"\[([^\]\n]*)\]\(")
_MD_REF_DEF = re.compile(r"^[ \t]{0,3}\[\d+\]:[ \t]+\S+.*$\n?", re.M)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])|(?<!\w)_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
)
_MD_QUOTE = re.compile(r"^([ \t]*)>[ \t]?", re.M)
_MD_BULLET = re.compile(r"^([ \t]*)[*+-][ \t]+(?=\S)", re.M)
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_MD_MIN_MARKS = 3


def _is_markdown(text: str) -> bool:
    """Tell whether a page is Markdown: headings, underlines, links or quotes in its syntax.

    Looked for in the first part of the page (cheap on a large input).
    """
    head = text[:_SAMPLE_CHARS]
    if "](" not in head and "#" not in head and ">" not in head:
        return False
    marks = (
        len(_MD_HEADING.findall(head))
        + len(_MD_LINK.findall(head))
        + len(_MD_QUOTE.findall(head))
        + len(_MD_UNDERLINE.findall(head))
    )
    return marks >= _MD_MIN_MARKS


def plain_markdown(text: str) -> str:
    """Return Markdown as the plain text a browser copy of the page gives.

    Headings and underlined headings become lines of their own; a link keeps its text, an
    image its alt text as a caption under an ``Image`` marker; emphasis, quote marks and
    escapes go; list items become bullets.
    """
    text = _MD_IMAGE_LINE.sub(lambda m: f"Image\n{m.group(1)}" if m.group(1) else "", text)
    # A line of three links or more and nothing else is a menu: a browser copy prints one
    # entry per line ("[News](...) [Opinion](...) [Sport](...)").
    text = _MD_MENU.sub(lambda m: "\n".join(_MD_LINK_TEXT.findall(m.group(0))), text)
    text = _MD_IMAGE.sub(lambda m: m.group(1), text)
    text = _MD_LINK.sub(lambda m: m.group(1), text)
    text = _MD_REF_LINK.sub(lambda m: m.group(1), text)
    text = _MD_HEADING.sub(lambda m: m.group(1) or "", text)
    text = _MD_UNDERLINE.sub("", text)
    text = _MD_QUOTE.sub(r"\1", text)
    text = _MD_BULLET.sub(r"\1• ", text)
    text = _MD_STRONG.sub(lambda m: m.group(2), text)
    text = _MD_EM.sub(lambda m: m.group(1) or m.group(2), text)
    return _MD_ESCAPE.sub(r"\1", text)


def _references_at(text: str) -> int | None:
    """Return where lynx's list of references starts, if the text ends with one."""
    for head in _REFERENCE_HEADS:
        at = text.rfind(head, max(0, len(text) - _REFERENCES_REACH))
        if at >= 0 and _FIRST_REFERENCE.match(text, at + len(head)):
            return at
    return None


_SENTENCE_END = frozenset('.!?"”’')
_TAIL_ENDS = (".", '."', ".”", ".’", '?"', "?”", "!”", '!"', ".)")


def _broken(line: str, nxt: str, width: int, flat: bool = False) -> bool:
    """Tell whether ``line`` ends where a tool broke it: ``nxt``'s first word did not fit.

    Where paragraphs are ``flat`` (no blank lines between them) a full line that ends a
    sentence, over a capital, may as well end its paragraph; it is left as it is, unless the
    next line is plainly the paragraph's last words (short, ending a sentence otherwise than
    with a bare "?" or "!" as headlines do): joining two paragraphs can swallow a headline,
    splitting one costs a paragraph count. (A headline without a full stop that happens to
    fill the line is joined to what follows: a lone line that ends without one is as often a
    paragraph broken before a name.)
    """
    if not nxt.strip() or not line.strip():
        return False
    words = nxt.split(None, 2)
    # A quote's lines each start with its mark (html2text: "> text"): the word is after it.
    word = words[1] if words[0] == ">" and len(words) > 1 and line.lstrip()[:1] == ">" else words[0]
    if flat and line[-1] in _SENTENCE_END and (word[0].isupper() or word[0] in '"“‘'):
        # ... unless the next line is a paragraph's short last line: it ends a sentence (not
        # with a bare "?" or "!", as headlines do) before the width.
        tail = nxt.rstrip()
        if not (len(tail) * 2 < width and tail.endswith(_TAIL_ENDS)):
            return False
    if len(line) + 1 + len(word) > width:
        return True
    # Broken after a hyphen ("US-" / "led"): the two parts touch, no space between them.
    return line[-1] == "-" and line[-2:-1].isalpha() and len(line) + len(word) > width


def wrap_width(lines: list[str]) -> int | None:
    """Return the column at which a tool wrapped these lines, or None when they are not wrapped.

    A tool never breaks a word, so each line it broke is followed by a word that would not
    have fitted. The width is the one, among the longest line lengths, at which most lines
    end that way; a few lines may stick out past it (a title the tool left whole, a long
    address), so each of the longest lengths is tried, as long as few lines are longer.
    """
    rows = [s.rstrip() for s in lines]
    spaced = sorted((len(s) for s in rows if " " in s.strip()), reverse=True)
    if len(spaced) < _MIN_BROKEN * 2:
        return None
    outliers = max(2, len(spaced) // 50)
    if spaced[outliers] > _MAX_WIDTH:
        return None  # the usual page: paragraphs on lines of their own, longer than any width
    found: dict[int, int] = {}  # width -> its score
    for width in sorted(set(spaced[: outliers + 1]), reverse=True)[:_MAX_CANDIDATES]:
        if not _MIN_WIDTH <= width <= _MAX_WIDTH:
            continue
        long_lines = broken = full = lower = 0
        for line, nxt in pairwise(rows):
            if len(line) * 2 > width:
                filled = len(line) >= width - _FULL_BAND
                if not filled and not nxt:
                    continue  # a block's own end (a headline, a paragraph's last line)
                long_lines += 1
                full += filled
                if _broken(line, nxt, width) and _continues(line, nxt):
                    broken += 1
                    # Mid-sentence ("... said the" / "minister"): no page without wrapping
                    # starts a line with a lower-case word under a full one that often.
                    lower += nxt.lstrip()[0].islower()
        if (
            broken >= _BROKEN_SHARE * long_lines
            and lower >= _MIN_BROKEN
            and lower >= _LOWER_SHARE * long_lines
            # Wrapped lines fill the width up to a word; lines of a text no tool wrapped
            # end anywhere.
            and full >= _FULL_SHARE * long_lines
        ):
            # Too wide a width misses the breaks where the next word would just have fitted
            # in it; too narrow a one leaves the lines of the true width sticking out.
            # (A line alone in its block, a title the tool left whole, may stick out.)
            found[width] = broken - 2 * sum(
                1 for line, nxt in pairwise([*rows, ""]) if len(line) > width and nxt
            )
    if not found:
        return None
    return max(found, key=lambda w: (found[w], w))


def _continues(line: str, nxt: str) -> bool:
    """Tell whether ``nxt`` can continue ``line``'s text: same indent, or the item's hanging one."""
    if nxt.strip().lower() in L.EMBED_LINES:
        return False  # share tools under a paragraph ("Share on Facebook")
    a, b = L.indent(line), L.indent(nxt)
    if b == a:
        mark = _LIST_MARK.match(nxt.lstrip())
        if mark is None:
            return True
        # A dash can be the text's own ("in Yakutsk" / "- where he has ..."), unless the line
        # above is a dash item too: then it opens the next item.
        return nxt.lstrip()[0] in "-–—" and not _LIST_MARK.match(line.lstrip())
    marker = _LIST_MARK.match(line.lstrip())
    return marker is not None and b == a + marker.end()


def indent_widths(lines: list[str], width: int) -> dict[int, int]:
    """Return the wrap width for each indent where lines of that indent show their own.

    lynx wraps headings and list items a column or two short of the page's width; the
    longest line at an indent, over enough lines, within a few columns of ``width``, is it.
    """
    longest: dict[int, list[int]] = {}
    for line in lines:
        s = line.rstrip()
        if " " in s.strip():
            longest.setdefault(L.indent(s), []).append(len(s))
    widths: dict[int, int] = {}
    for indent, lengths in longest.items():
        top = max(lengths)
        if len(lengths) >= _MIN_PER_INDENT and width - _INDENT_SLACK <= top < width:
            widths[indent] = top
    return widths


def unwrap(lines: list[str], width: int, widths: dict[int, int] | None = None) -> list[str]:
    """Join each line a tool broke at ``width`` columns with the line that continues it.

    ``widths``: the width at some indents, where it differs (see :func:`indent_widths`).

    Lines are judged by runs without a blank line: a run whose lines go on into the next is
    one paragraph and is joined whole; a run where a line ends before the width (a headline,
    a byline, a paragraph's end) above another paragraph is *flat*, several elements without
    blank lines between them, and is joined more carefully (see :func:`_broken`).
    """
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            run.append(line.rstrip())
            continue
        if run:
            out.extend(_join_run(run, width, widths or {}))
            run = []
        out.append(line.rstrip())
    out.pop()
    return out


def _join_run(run: list[str], width: int, widths: dict[int, int]) -> list[str]:
    pairs = list(
        zip(pairwise(run), [widths.get(L.indent(a), width) for a in run[:-1]], strict=True)
    )
    joins = [_broken(a, b, w) and _continues(a, b) for (a, b), w in pairs]
    # Flat: a line ends before the width and a long line (a paragraph) follows it. Short lines
    # under one paragraph ("Share on Facebook") leave it a paragraph.
    if any(not j and len(b) * 2 > width for j, b in zip(joins, run[1:], strict=True)):
        joins = [_broken(a, b, w, True) and _continues(a, b) for (a, b), w in pairs]
    out = [run[0]]
    for (prev, line), join in zip(pairwise(run), joins, strict=True):
        if not join:
            out.append(line)
            continue
        head = out[-1]
        hyphen = prev[-1] == "-" and prev[-2:-1].isalpha()  # "US-" / "led": no space between
        more = line.strip()
        if more.startswith(">") and head.lstrip().startswith(">"):
            more = more[1:].lstrip()  # a quote's wrapped line repeats the quote mark
        out[-1] = head + ("" if hyphen else " ") + more
    return out
