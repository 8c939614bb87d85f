"""The vocabulary and shapes of live-page lines: chrome, labels, embeds, captions, headlines.

Everything here looks at one stripped line. The reader (:mod:`livebrief.parse.text`) combines
these judgements with a line's neighbours to decide where entries begin.
"""

from __future__ import annotations

import re

# Page furniture found above the entries (menus, licence nags, sort widgets): dropped there.
HEADER_CHROME = frozenset(
    s.lower()
    for s in (
        "Related Video and Audio",
        "RTL",
        "Article history",  # the Guardian 2009-11, under the page stamp
        "Live updates (closed)",  # the Times of Israel's badge over a closed live blog's title
        "Liveblog (closed)",
        "Live Reporting",
        "Live reporting",
        "Got a TV Licence?",
        "Find out more",
        "I don't have a TV Licence.",
        "I don’t have a TV Licence.",
        "Summary",
        "Key points",
        "Key events",
        "Sort by:",
        "Sort by",
        "Accessibility links",
        "Breaking News",
        "Get involved",
        "As it happened",
        "Why you can trust Sky News",
        "Sky News - back to home",  # the logo's link over Sky's menu
        "Shares",  # the Guardian's counters under the stamp ("Shares" / "1,024")
        # The Independent's notifications banner over its header.
        "Stay up to date with notifications from The Independent",
        "Notifications can be managed in browser preferences.",
        "Comments",
        "Share",
        "Share page",
        "Skip to content",
        "Latest",
        "Live",
        "Show key events only",
        "Refresh",
        "Menu",
        "Home",
        "News",
        "Sport",
        "Weather",
        "iPlayer",
        "Sounds",
        "Search",
        "Accessibility help",
        "Live updates",
        "Latest updates",
        "Follow",
        "Watch live",
        "Listen live",
        "Top stories",
        "More on this story",
        "Newest first",
        "Oldest first",
        "Filter",
        "Live blog",
        "Jump to",
        "View all",
        "Sign in",
        "Register",
        "Subscribe",
        "Advertisement",
        "Loading",
        "Loading...",
        "Show all updates",
        "Pinned",
        "Live feed",
        "Watch",
        "Listen",
        "Latest posts",
        "Latest post",
        "Get in touch",
        "The Guardian - Back to home",
        "Print subscriptions",
        "Search jobs",
        "Europe edition",
        "UK edition",
        "US edition",
        "International edition",
        "Australia edition",
        "BBC Homepage",
        "Homepage",
        "Search Query",
        "Submit Search",
        "Show Search",
        "Close Search",
        "Today's Paper",
        "Today’s Paper",
        "Latest news",
        "Key updates",
        "Our live coverage has ended",
        "Our live coverage has ended.",
        "Share full article",  # The New York Times, under the standfirst
        "Social Sharing",  # CBC, under the title
        "Text Size",  # the Times of India's font widget
        "Share Via",  # the Hindustan Times' share tool
    )
)
_HEADER_CHROME_RE = re.compile(
    r"^(?:you need one to watch live tv|\d+\s+(?:new\s+)?(?:posts?|updates?)$|sort\s?by|latestsort"
    r"|to get involved contact us|page \d+ of \d+$|show (?:latest|more) updates?"
    r"|follow (?:our|the) live|skip to (?:content|main|search|navigation|site index)"
    r"|\d+\s?min(?:ute)?s?(?: read)?$"  # a reading time: "4 min read", France 24's "4 min"
    r"|read time:? \d+\s?min(?:ute)?s?$"  # the Hindustan Times: "Read Time: 4 min"
    # An e-mail forwarding the page: its header lines.
    r"|-{3,} ?forwarded message ?-{3,}$|(?:from|to|cc|reply-to): .*@[\w-]+\.\w.*"
    r"|subject: (?:fwd?|re): .*|date: (?:mon|tue|wed|thu|fri|sat|sun)\w*, .*)",
    re.I,
)
# A video player's notice over the player (Sky, the BBC): furniture.
PLAYER_NOTICES = frozenset(
    {
        "Please use Chrome browser for a more accessible video player",
        "Media playback is unsupported on your device",
        "Media playback is not supported on this device",  # BBC Sport
        "Media content cannot be played on your device",  # the BBC, 2019-22
    }
)
# Furniture that can stand anywhere (pagination, "back to top"): always dropped.
ANYWHERE_CHROME = frozenset(
    s.lower()
    for s in (
        *PLAYER_NOTICES,
        "Topics",
        "Back to top",
        "Advertisement · Scroll to continue",  # Reuters
        "Advertisement",
        "Advertising",  # France 24
        "Load more",
        "Load more posts",
        "Show more",
        "Previous page",
        "Next page",
        "Previous",
        "Next",
        "Newer posts",
        "Older posts",
        "More",
        "Skip advertisement",
        "Story continues below this ad",
        "Continue reading",
        "Ad Feedback",
        "Please turn on JavaScript to use this feature",
        "Join our commenting forum",  # The Independent's footer
        "Leave a comment",  # a copying site's (WordPress) link and widgets
        "Leave a Reply",
        "Leave a Reply Cancel reply",
        "Share this:",
        "Like this:",
        "Like Loading...",
        "Post Comment",
        "Recent Posts",
        "Your email address will not be published. Required fields are marked *",
        "Name *",
        "Email *",
        "Save my name, email, and website in this browser for the next time I comment.",
        "CNN values your feedback",  # CNN's ad feedback dialog
        "Please enable JavaScript to view the site",
        "Sign up",  # a newsletter box's button ("SIGN UP")
        "Save articles to read later and create your own reading list.",  # Al Jazeera
        "Sent from my iPhone",  # an e-mail forwarding the page
        "Sent from my iPad",
    )
)
# (A bare ten-digit number is a page's epoch timestamp left in the copy: "1704496200".)
# ("From 1h ago" under the Guardian's pinned post points to where it was first posted.)
_ANYWHERE_CHROME_RE = re.compile(
    # A newsletter box's prompt (not a sign-off: "Sign up for our newsletter and we'll be back").
    r"^(?:sign up (?:to|for) (?:our|the) [^.]{0,60}(?:emails?|newsletters?|alerts?)"
    r"(?: for [^.]{0,60})?\.?"
    r"|click here (?:to|for) (?:get|download|sign up|subscribe|read|more)\b.*"  # Fox News
    r"|page \d+ of \d+|go to page \d+|1\d{9}(?:\d{3})?|from \d+\s?[smhd]\w* ago"
    r"|skip next section\b.*"  # DW's link over each post, naming it
    r"|exclusive news, data and analytics for financial market professionals.*"  # Reuters' ad
    r"|this (?:live )?(?:blog|page|live page)"
    r" (?:has (?:now )?closed|is no longer being updated)\b.*)$",
    re.I,
)

# Lines inside a post that belong to widgets (share tools, social embeds): kept as embeds.
EMBED_LINES = frozenset(
    s.lower()
    for s in (
        "Article share tools",
        "Read more about these links.",
        "Copy link",
        "Share",
        "Share this post",
        "Share this page",
        "Share post",
        "Share this -",
        "Share this",
        "Copy this link",
        "Click here to share on social media",  # Al Jazeera's share tool
        # The BBC's share panel, 2017-19: "Share this post" / "Copy this link" / the URL /
        # this notice / "Close share panel".
        "These are external links and will open in a new window",
        "Close share panel",
        "Post share options",
        "About sharing",
        "Share on Twitter",
        "Share on Facebook",
        "Share on WhatsApp",
        "Share on X",
        "Purchase Licensing Rights, opens new tab",  # Reuters, under a photo
        "Related Topics",
        "Related Internet Links",
        "More on this story",
        "Share this article",
        "Accept and continue",
        "Embed",
        "The BBC is not responsible for the content of external sites.",
        "Watch on YouTube",
        "View this post on Instagram",
        "Reply",
        "Retweet",
        "Like",
        "Facebook",
        "Twitter",
        "X",
        "Email",
        "WhatsApp",
        "LinkedIn",
        "Link copied",
        "Link Copied!",
        "Share & Save —",  # ABC News (US)
        "Share & Save",
        "Play video",
        "Pause video",
        "Keep reading",
        "Go deeper",  # The Athletic's related story card, its title under it
        "End of list",
        "Support us",
        "Note from the author:",
        "Video Ad Feedback",
        "Read more from Sky News:",
        "Read more:",
        "Read more",
        "Related:",
        "Spotify, Apple Podcasts, Podcast Player",
        "Apple Podcasts, Spotify, Podcast Player",
        "Listen on Spotify",
        "Listen on Apple Podcasts",
        "Comment",  # The Washington Post's share row: "Share" / "Comment" / "Gift Article"
        "Gift Article",
        "Gift this article",
    )
)
_EMBED_RE = re.compile(
    r"^(?:(?:skip|end of)\s+(?:twitter|x|instagram|facebook|youtube|tiktok|bluesky|threads)"
    r"\s+(?:post|content|video)|allow\s+\S+\s+content\??$|this (?:article|post) contains content"
    r"|view (?:original )?(?:tweet|post) on|content is not available|https?://\S+$"
    r"|pic\.twitter\.com/|twitter post by|instagram post by|play (?:video|audio),"
    r"|list (?:of \d+ items?|\d+ of \d+)$|posted by [A-Z]|[—–-] ?by [A-Z]|video duration \d"
    r"|[—–-] ?source: [A-Z][^.]{0,40}$"  # CNN's player under a video's length: "- Source: CNN"
    r"|read more: ?\S.{0,150}$"  # a link to a story under the body (RFE/RL, Sky)
    r"|video\. \S.{0,150}$"  # Euronews' player: "Video. Macron calls snap elections"
    r"|related: \S.{0,150}$"  # the Guardian's link card to a story
    r"|.*\bpic\.twitter\.com/\S+$"
    r"|[a-z]{2,3}(?:/[a-z]{2,3})+(?:\s*\([^()]{2,40}\))?$"  # DW's sign-off: "dh/rc (AFP, Reuters)"
    r"|[—–-]?\s*[^()]{1,60}\(@\w{1,30}\)(?:\s+\w+\.? \d{1,2},? \d{4})?$"  # a tweet's signature
    r"|@\w{1,30}$|.*wherever you get your podcasts\.?$|compiled by\b"
    r"|to view this video please enable javascript"  # a video player's notice (DW)
    # A contributor's credit under the body (Fox News: "Fox News' A contributed to this report.").
    r"|[^.]{3,120} contributed to this report\.?)",
    re.I,
)

# A credit under a post's body in a roster's words (RFE/RL: "With reporting by AP, AFP, and
# Reuters"): the post's embed, not the page's roster.
REPORTING_CREDITS = ("With reporting", "With additional reporting")

# Lines that head a page's summary list ("Summary", "Key developments on Jan. 5:").
SUMMARY_HEADS = frozenset(
    {
        "summary",
        "key points",
        "what we know",
        "key developments",
        "what you need to know",
        "what we covered here",
        "what we're covering",
        "what we’re covering",
        "what to know",
        "here's what to know",  # The Washington Post
        "here’s what to know",
        "key updates",  # The Washington Post (2024)
        "key moments",  # the BBC (2024)
    }
)

# A second sentence in a line ("... is rising. Officials say ..."): a paragraph's, no headline's.
# (Not after a title's or a place's abbreviation: "St. Petersburg", "Gov. Ron DeSantis".)
SECOND_SENTENCE = re.compile(
    r"\b(?!(?:St|Mt|Ft|Mr|Mrs|Ms|Dr|Jr|Sr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Maj|Prof|Rev)\. )"
    r"\w*[a-z][.!?] [A-Z]"
)

# Labels printed as their own line or glued to a headline.
LABELS = {
    "breaking": "Breaking",
    "analysis": "Analysis",
    "live": "Live",
    "watch": "Watch",
    "video": "Video",
    "key event": "Key event",
    "pinned": "Pinned",
    "pinned post": "Pinned",
    "update": "Update",
    "explainer": "Explainer",
    "fact check": "Fact check",
    "opinion": "Opinion",
    "exclusive": "Exclusive",
    "listen": "Listen",
    "audio": "Audio",
}
_GLUED_LABEL = re.compile(
    r"^(?P<label>Breaking|BREAKING|Analysis|Explainer|Exclusive|Live|Watch|Video|Update|Pinned"
    r"|Key event|Listen|BBC Radio \d+\s?[Ll]ive(?: [Ss]ports [Ee]xtra)?"
    r"|BBC Radio \d+(?:\s?[A-Z][a-z]+)?|BBC [A-Z][a-z]+"
    r"|\d+\s?[Ll]ive)(?=[A-Z0-9‘“\"'])"
)
# First letters of the labels the two patterns read (digits aside: "5 Live").
_LABEL_FIRST = frozenset("ABEFKLOPUVW")
_PREFIX_LABEL = re.compile(
    r"^(?P<label>Breaking(?: news)?|BREAKING(?: NEWS)?|Analysis|ANALYSIS|Explainer|Exclusive"
    r"|EXCLUSIVE|Update|UPDATE|Opinion|Fact check)\s*[:|–]\s+(?=\S)"
)

# Captions and photo credits.
_CAPTION_MARK = re.compile(
    r"^(?:image|media|video|photo) (?:caption|source|copyright|credit)s?\b|^video content$"
    r"|(?:image|photo) (?:source|copyright|credit)s?,|(?:image|photo)$",
    re.I,
)
_GLUED_CREDIT = re.compile(r"[a-z0-9)’'.](?:Image|Photo) (?:source|copyright|credit)s?,", re.I)
_CREDIT_WORDS = ("mage source", "mage copyright", "hoto source", "hoto credit", "mage credit")
# Photo credits end a caption line; matched on the line's last words, without a regex.
_CREDIT_ENDS = (
    "getty images", "reuters", "afp", "epa", "pa media", "ap", "associated press",
    "news agency", "shutterstock", "images", "image", "photos", "photo", "picture alliance",
    "anadolu", "sipa", "agency",
)  # fmt: skip
_CREDIT_SUFFIXES = tuple(" " + w for w in _CREDIT_ENDS)
_CREDIT_WHOLE = frozenset(_CREDIT_ENDS)


# Headlines a live page reuses, which start a post wherever they stand.
STOCK_HEADLINES = re.compile(
    r"^(?:welcome(?: back)?|welcome to (?:our|the) live (?:coverage|page|blog)|what's the latest\??"
    r"|what’s the latest\??|what we know so far|catch up:? .*|good (?:morning|afternoon|evening)"
    r"|(?:and )?(?:that's|that’s) (?:all|it) for (?:now|today)(?:…|\.\.\.)?"
    r"|we're pausing|we’re pausing|post update"  # (the BBC's stand-in for an untitled post)
    r"|(?:we are|we're|we’re) ending our live coverage|the latest|recap"
    # Sport: the match's moments, short as they are ("Full-time", "GOAL!", "Team news").
    r"|(?:full|half)[- ]time!?|team news|kick[- ]off!?|morning all|goodbye|your views"
    r"|lights out!?|goal!+|wicket!+|stumps|penalties!?|penalty!+|red card!+|extra[- ]time!?"
    r"|try!+|six!+)$",
    re.I,
)

_CLOSE = "\"'”’»)]"
_TERMINAL = ".!…"


def core(s: str) -> str:
    """Return the line without closing quotes and brackets at its end."""
    return s.rstrip(_CLOSE + " ")


def closes_sentence(s: str) -> bool:
    """Tell whether a line ends as a sentence does (``.``, ``!``, ``?``, ``…``, quotes after).

    Its sources in brackets may follow the stop (RFE/RL: ``... in Luhansk. (TASS, Interfax)``).
    """
    c = core(s)
    if c and c[-1] not in _TERMINAL + "?" and s.endswith(")") and _SOURCES_AFTER.search(s):
        return True
    return bool(c) and c[-1] in _TERMINAL + "?"


_SOURCES_AFTER = re.compile(r"[.!?…][\"'”’]?\s\([^()]{2,40}\)$")


def exclaimed_headline(s: str) -> bool:
    """Tell whether a line has a headline's shape, one exclamation mark at its end allowed.

    ("HAMILTON WINS!", the Guardian's "WICKET! Brook c Smith b Hazlewood 3 – no-ball!")
    """
    return headline_like(s[:-1] if s.endswith("!") and not s.endswith("!!") else s)


def post_headline_like(s: str) -> bool:
    """Tell whether a line under a post's time or author has a headline's shape.

    One exclamation mark may end it ("WICKET! ... – no, it's a no-ball!"), unless the line
    holds sentences ("That's it from me. Thanks for reading. Bye!" is text).
    """
    return headline_like(s) or (exclaimed_headline(s) and ". " not in s)


def headline_like(s: str, max_words: int = 16) -> bool:
    """Tell whether a line has a headline's shape: short, capitalised, no closing full stop.

    Lines ending in ``:`` (a lead-in such as "Watch the video below:"), ``,`` or ``;`` and lines
    ending in a full stop or ellipsis are body text; a question mark is allowed.
    """
    if not s or len(s) > 160:
        return False
    c = core(s)
    if not c or c[-1] in _TERMINAL + ":;,":
        return False
    first = s[0]
    if first.islower() or first in "-–•*(":
        return False
    return len(s.split()) <= max_words


def short_unpunctuated(s: str, max_words: int) -> bool:
    """Tell whether a line is a short fragment without closing punctuation (a caption shape)."""
    if s.endswith(")") and (tag := _AGENCY_TAG.search(s)):
        s = s[: tag.start()]  # "... could not be independently verified. (Reuters)": a sentence
    c = core(s)
    return bool(c) and c[-1] not in _TERMINAL + "?:;," and len(s.split()) <= max_words


def is_header_chrome(s: str) -> bool:
    """Tell whether a line is page furniture found above the entries."""
    low = s.lower()
    return low in HEADER_CHROME or bool(_HEADER_CHROME_RE.match(s))


def indent(line: str) -> int:
    """Return how many spaces and tabs open a raw line."""
    return len(line) - len(line.lstrip())


def is_anywhere_chrome(s: str) -> bool:
    """Tell whether a line is furniture dropped wherever it stands (pagination, back to top)."""
    return s.lower() in ANYWHERE_CHROME or bool(_ANYWHERE_CHROME_RE.match(s))


_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b"))


def visible(text: str) -> str:
    """Drop what a page never shows: a word processor's soft hyphens ("amend\xadments") and
    zero-width spaces, so that words match again (the same object when there are none)."""
    if "\xad" in text or "\u200b" in text:
        return text.translate(_INVISIBLE)
    return text


# A live page's title ("Leeds v Derby – live!", "Ukraine war latest: ...").
LIVE_TITLE = re.compile(r"\b(?:live|latest|as it happened)\b", re.I)


def live_lead(s: str) -> bool:
    """Tell whether a line opens with a live title's lead ("Mumbai rains LIVE updates: ...")."""
    i = s.find(": ", 0, 80)  # (no slices: role lines are asked this often)
    return i >= 0 and LIVE_TITLE.search(s, 0, i) is not None


# A reporter's sign-off under the post's body: "— Emanuel Fabian" (Times of Israel), RFE/RL's
# "-- Glenn Kates", ABC News' "-ABC News' Ginger Zee and Dan Peck" (a single hyphen only glued
# to the name: "- Name" is a list's bullet as often), Reuters' "(Reporting by Ben Blanchard
# and Yimou Lee; Editing by Kim Coghill)".
_ONE_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}"
SIGN_OFF = re.compile(
    rf"^(?:(?:—|–|--) ?|-(?=[A-Z]))(?:[A-Z][\w&.]*(?: [A-Z][\w&.]*)*['’]s? )?"
    rf"(?:(?:Compiled|Reported|Written) by )?"  # RFE/RL: "-- Compiled by Tony Wesolowsky"
    rf"(?P<names>{_ONE_NAME}(?:(?:, | and | & ){_ONE_NAME})*)$"
    # A service signs: "-- RFE/RL's Belarus Service".
    r"|^(?:—|–|--) ?(?P<org>[A-Z][\w/&.]*['’]s (?:[A-Z][\w-]* ){0,3}(?:Service|Desk|Newsroom))$"
    rf"|^\((?:Reporting|Writing|Reporting and writing) by (?P<by>[^;)]+)(?:;[^)]*)?\)$"
    # ... and without the brackets on Reuters' live pages, the editors always named after it.
    r"|^(?:Reporting|Reporting and writing) by (?P<by2>[^;]+);\s*(?:Editing|Writing|Additional"
    r" reporting)\b[^;]*(?:;.*)?$"
)


def sign_off_names(s: str) -> str | None:
    """Return the names part of a sign-off line, else None.

    (Reuters credits desks beside people, "(Reporting by Liz Lee and Beijing newsroom; ...)":
    ``bylines.header_names(..., without_desks=True)`` leaves them out.)
    """
    m = SIGN_OFF.match(s)
    return (m["names"] or m["by"] or m["by2"] or m["org"]) if m else None


_SHARE_WORDS = frozenset(
    {"facebook", "twitter", "email", "whatsapp", "linkedin", "pinterest", "reddit", "print"}
)
# A tweet embedded as its fallback quote: the text with its signature glued on ("... reaches
# those who need it.— David Cameron (@David_Cameron) March 5, 2024").
GLUED_TWEET = re.compile(r"[—–]\s?[^()—–]{1,60}\(@\w{1,30}\)\s+\w+\.? \d{1,2},? \d{4}$")


# A tweet on one line, its author first: "RTÉ Rugby (@RTErugby) — Sam Prendergast with ...".
_TWEET_LINE = re.compile(r"^[^()]{1,60}\(@\w{1,30}\)\s*[—–]\s*\S")


def is_embed(s: str) -> bool:
    """Tell whether a line belongs to a widget inside a post (share tools, social embeds, ads)."""
    if s.lower() in EMBED_LINES or _EMBED_RE.match(s):
        return True
    if "(@" in s and (s.startswith(("—", "-")) or GLUED_TWEET.search(s) or _TWEET_LINE.match(s)):
        return True
    if (s[0] in "—–-(" or s.startswith("Reporting ")) and SIGN_OFF.match(s):
        return True
    if s[0] in "FTEWLPR" and s.count(" ") and _SHARE_WORDS.issuperset(s.lower().split()):
        return True  # a row of share buttons on one line ("Facebook Twitter Email", lynx)
    # Ads injected by copying sites ("qatar airways"): a few lower-case words, no punctuation.
    return s.islower() and len(s.split()) <= 4 and short_unpunctuated(s, 4) and s[0].isalpha()


def label_of(s: str) -> str | None:
    """Return the label when a whole line is one (``Breaking``, ``Analysis``), else None."""
    return LABELS.get(s.lower().rstrip(":"))


def split_labels(headline: str) -> tuple[str, list[str]]:
    """Split labels glued to or prefixed on a headline: ``BreakingSigned pact`` -> Breaking."""
    labels: list[str] = []
    if not headline or not (headline[0] in _LABEL_FIRST or headline[0].isdigit()):
        return headline, labels  # no label starts so (the usual case): no pattern to try
    for pattern in (_PREFIX_LABEL, _GLUED_LABEL):
        m = pattern.match(headline)
        if m and len(headline) > m.end() + 2:
            raw = m.group("label")
            labels.append(LABELS.get(raw.lower(), LABELS.get(raw.lower().split()[0], raw)))
            headline = headline[m.end() :].strip()
    return headline, labels


def is_caption_mark(s: str) -> bool:
    """Tell whether a line is a caption marker or carries a glued image credit."""
    if _CAPTION_MARK.match(s):
        return True
    # A substring test first: the regex search is costly on every body line.
    return any(w in s for w in _CREDIT_WORDS) and bool(_GLUED_CREDIT.search(s))


# A caption that ends with its photo's credit: "... Photograph: Alaa Al-Sukhni/Reuters"
# (Guardian), "... Pic: Reuters" (Sky), "... (Mohammed Abed/AFP/Getty Images)" (Washington
# Post, Kyiv Independent), "... REUTERS/Gleb Garanich" (Reuters); NYT prints "Credit...".
_CREDIT_LEAD = (
    r"(?:Photograph|Photo|Pic|Picture|Credit|Image|Composite|Illustration|Copyright"
    r"|File pic|File photo|File picture):\s"  # Sky: "... in 2023. File pic: PA"
)
# Agencies Al Jazeera names alone in brackets: "... [AFP]", "[File: Reuters]", "[Al Jazeera]".
_PAREN_AGENCIES = (
    r"Reuters|REUTERS|AFP|AP|EPA|EPA-EFE|PTI|ANI|PA|AAP|Getty Images|Supplied|Xinhua|Anadolu"
    r"|ABC News|ABC|Israel Defense Forces|IDF|Handout|Pool"
)
_BRACKET_AGENCIES = (
    r"(?:File:\s*)?(?:AFP|Reuters|AP|EPA|EPA-EFE|Getty Images|Al Jazeera|Anadolu(?: Agency)?"
    r"|Handout|Xinhua|SANA|WAFA|UNRWA|UNICEF|TASS|Sputnik|Planet Labs)"
)
_CREDIT_TAIL = re.compile(
    rf"(?:\b{_CREDIT_LEAD}[^.:]{{2,60}}"
    r"|\((?=[^()]*(?:/|\bvia\b|Getty Images))[^()]{2,80}\)|\[[^\[\]]*(?:/|\bvia\b)[^\[\]]*\]"
    rf"|\[{_BRACKET_AGENCIES}\]"
    # NBC: "... on Monday.Scott Olson / Getty Images" (the credit glued to the caption).
    r"|[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){0,3}\s/\s(?:Getty Images|AFP|AP|Reuters|EPA|Bloomberg"
    r"|Sipa USA|NurPhoto|Anadolu|AP file|Getty Images file)"
    # "(Reuters: Edgar Su)" (ABC), "(REUTERS)", "(EPA)", "(PTI)", "(Israel Defense Forces)".
    # ... and a desk's ("(ABC North Queensland: Chloe Chomicki)").
    rf"|\((?:{_PAREN_AGENCIES})(?:\s[A-Z][\w'’.-]*){{0,3}}(?::\s[^()]{{2,40}})?\)"
    r"|\((?:[Ff]ile\s+)?(?:[Pp]hoto|[Pp]icture|[Ii]mage|[Pp]ic)(?::\s[^()]{2,40})?\)"
    r"|\((?:Submitted|Supplied|Photo|Picture|Image) by [^()]{2,40}\)"  # "(Submitted by A)"
    # "(Rebecca Noble for The Washington Post)", "(Name for The New York Times)".
    r"|\((?:[A-Z][\w'’.-]*\s){1,4}for\s(?:The\s)?[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,4}\)"
    # The Kyiv Independent: "... on April 10, 2024. (President's Office)", an office's photo.
    r"|(?<=\.\s)\((?:[A-Z][\w'’.-]*\s){0,4}(?:Office|Ministry|Press Service|Administration"
    r"|General Staff|Police|National Guard)\)"
    r"|\b(?:REUTERS|AFP|AP|EPA)/[A-Z][^/.]{2,40}(?:/File(?: Photo)?)?"  # ".../File Photo"
    r"|©\s?[^©]{2,60}"  # France 24: "... © Mohammed Abed, AFP"
    # Reuters: "... Taiwan Presidential Office/Handout via REUTERS".
    r"|/(?:(?:Handout|Pool|File)\s+)?via\s+(?:REUTERS|Reuters|AFP|AP|EPA|Getty Images)"
    # Euronews: "... - Copyright Laurent Cipriani/Copyright 2024 The AP. All rights reserved".
    r"|\s[-–]\sCopyright\s.{2,85}"
    # Politico: "... on March 5. | Jae C. Hong/AP".
    r"|\.\s\|\s[^|/]{2,40}/[^|/]{2,30}"
    # The Straits Times: "... on Oct 3. ST PHOTO: GAVIN FOO", "PHOTO: REUTERS", "PHOTO: ST FILE".
    r"|(?<=\.\s)(?:ST\s)?PHOTO:\s[A-Z][A-Z .'’-]{1,40}"
    # NZ Herald: "... this afternoon. Photo / Dean Purcell", "Video / Supplied".
    r"|(?<=\.\s)(?:Photo|Video|Image)\s/\s[A-Z][\w .'’-]{1,40})\s*$"
)
# What a line must hold for the pattern to have a chance: a slash ("REUTERS/Name"), a lead's
# colon ("Photograph: ..."), or a closing bracket at its end. (Told in C before the pattern.)
_CREDIT_TAIL_HINTS = ("/", ": ", "©")  # ("PHOTO: ", "Photo / " hold them too)
_CREDIT_TAIL_ENDS = (")", "]")
_FILE_PIC = (". File pic", ". File picture", ". File photo", ". Pic: file")


_CHART_ALT = ("Line chart of ", "Column chart of ", "Bar chart of ", "Area chart of ")


def is_credited_caption(s: str) -> bool:
    """Tell whether a line is a photo caption that ends with the photo's credit."""
    if s.startswith(("Credit...", "PHOTO: ")):  # ABC News (US): "PHOTO: Waves crash ..."
        return True
    if s.startswith(_CHART_ALT):
        return True  # a chart's alt text (the FT: "Line chart of X showing Y")
    if s.endswith((" – video", " - video")) and len(s) <= 200:
        return True  # the Guardian's caption under an embedded video
    if s.endswith(_FILE_PIC) and len(s) <= 320:
        return True  # Sky: "... are among those affected. File pic"
    tail = s[-90:]
    if not (
        len(s) <= 320
        and (
            tail.rstrip().endswith(_CREDIT_TAIL_ENDS) or any(h in tail for h in _CREDIT_TAIL_HINTS)
        )
    ):
        return False
    m = _CREDIT_TAIL.search(tail)
    if m is None:
        return False
    # A paragraph closed by its text's source ('"We are ready," he told reporters. (Reuters)',
    # France 24): an agency alone in brackets after someone's words credits the words, not a
    # photo ("Rahul Gandhi at a press conference on Tuesday. (PTI)").
    # So does a news wire closing a long sentence: a photo's caption seldom runs past a dozen
    # words ("... supplies 18 million consumers in the Paris region. (AFP)").
    credit = m.group(0)
    return not (
        _AGENCY_ONLY.match(credit)
        and closes_sentence(tail[: m.start()].rstrip())
        and (
            _REPORTED.search(s)
            or (s.count(" ") >= _AGENCY_SENTENCE_WORDS and _WIRE_ONLY.match(credit))
        )
    )


_AGENCY_SENTENCE_WORDS = 14
_WIRE_ONLY = re.compile(r"^\((?:Reuters|REUTERS|AFP|AP|PTI|ANI|IANS|AAP|PA|Xinhua|dpa)\)$")


_AGENCY_ONLY = re.compile(rf"^\((?:{_PAREN_AGENCIES})\)$")
_AGENCY_TAG = re.compile(rf"\s\((?:{_PAREN_AGENCIES})\)$")
_REPORTED = re.compile(
    r"\b(?:said|says|told|tells|reported|according to|added|adds|claimed|claims|confirmed"
    r"|announced|denied|warned|urged|verified)\b|[\"“”]"
)


# ("Labour: 141 (up 58)", "Independent: 1 (-1)", "Labour: 18,402 (42.1%)")
_COUNT_ITEM = re.compile(r"[A-Za-z)]:\s+\d[\d,.]*%?(?:\s\((?:(?:up|down) |[+\-−])?\d[\d,.]*%?\))?$")


# A result ("Swansea 2-1 Everton") or a scorer ("Jonjo Shelvey (61 mins)"): a post's text, never
# a photo's caption. (A cricket strip's total, "Eng 305-8", stays apart from the text.)
_RESULT = re.compile(
    r"[A-Za-z.)] \d{1,3}-\d{1,3} [A-Z(]|\(\d{1,3}(?:\+\d{1,2})? mins?\)$"
    # a shoot-out's kick ("Saka - SAVED", "Beth Mead - missed", "Claudia Pina - wide")
    r"|^[A-Z][\w'’. -]{1,30} - (?i:scores?|scored|saved(?: by [A-Z][\w'’ -]+)?|miss(?:ed|es)"
    r"|wide|over|hits the (?:bar|post))!?$"
)


def is_result_line(s: str) -> bool:
    """Tell whether a line is a match result or a scorer (``Swansea 2-1 Everton``)."""
    return ("-" in s or s.endswith("s)")) and bool(_RESULT.search(s))


def is_count_item(s: str) -> bool:
    """Tell whether a line ends in a count (``Conservative: 12,820``, ``Greens/EFA: 53``)."""
    return bool(_COUNT_ITEM.search(s))


_CREDIT_ONLY = re.compile(rf"^(?:{_CREDIT_LEAD}|Credit\.\.\.|\()")


def credit_only(s: str) -> bool:
    """Tell whether a caption line is a photo's credit alone (``Image: A/AP Photo``)."""
    return bool(_CREDIT_ONLY.match(s))


def is_credit(s: str) -> bool:
    """Tell whether a short line is a photo credit (``Getty Images``, ``PA Media``)."""
    if len(s) > 60 or closes_sentence(s) or is_count_item(s):
        return False  # (a list's count, "Greens/EFA: 53", is no credit)
    low = s.lower().strip("()[] ")  # The Independent brackets them: "(AFP via Getty Images)"
    return (
        low in _CREDIT_WHOLE
        or low.endswith(_CREDIT_SUFFIXES)
        or "/" in low[-30:]
        or low.startswith("courtesy ")  # CNN: "Courtesy Hostages and Missing Families Forum"
    )


# Every whole line the sets above name, and the lower-case starts of every line the patterns
# above can match (keep in step with them: tests check plain_capitalised against them).
_WHOLE_LINES = HEADER_CHROME | ANYWHERE_CHROME | EMBED_LINES | frozenset(LABELS)
_PATTERN_LEADS = (
    "edited by ", "all times", "times ", "you need one", "sort", "latestsort",
    "to get involved", "page ", "go to page", "show ", "follow ", "skip", "end of", "allow",
    "this ", "view ", "content is", "http", "pic.", "twitter post", "instagram post", "list ",
    "posted by ", "with reporting ", "with additional ", "from ", "skip", "compiled by",
    "read more", "related", "video ad", "topics", "tap here", "modified", "issued on",
    "note from", "exclusive news", "to view this video", "facebook ", "twitter ",
    "image", "media ", "video ", "video.", "photo", "play ",
    "from:", "to: ", "cc: ", "reply-to: ", "subject: ", "date: ", "sign up", "please enable",
    "click here", "read time", "reporting by", "reporting and",
)  # fmt: skip


# The only characters that the patterns' case-insensitive matching takes for ASCII letters
# (dotted and dotless i, long s, the Kelvin sign), and the only ones whose lower case is ASCII.
_ODD_CASE = frozenset("\u0130\u0131\u017f\u212a")
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def plain_capitalised(s: str, low: str) -> bool:
    """Tell whether a line that starts with an ASCII capital is surely plain text.

    True when it is none of the known whole lines (chrome, embeds, labels), starts with none
    of the words the line patterns look for and holds none of the words a roster, an update
    stamp or an image credit has. ``low`` is ``s.lower()``. A quick test before the patterns:
    without the few characters of :data:`_ODD_CASE`, lower-casing agrees with the patterns'
    case-insensitive matching.
    """
    return (
        s[0] in _ASCII_UPPER
        and (s.isascii() or _ODD_CASE.isdisjoint(s))
        and not (
            low in _WHOLE_LINES
            or low.rstrip(":") in _WHOLE_LINES
            or low.startswith(_PATTERN_LEADS)
            or low.endswith("view post")
            or "pdate" in s
            or "mage " in s
            or "hoto " in s
            or "(@" in s
            or "pic.twitter.com/" in s  # a tweet's text whose signature the window cut
            or s.endswith(("this report.", "this report"))  # "A contributed to this report."
            or low.endswith(("podcasts", "podcasts."))  # "... or wherever you get your podcasts"
        )
    )


# The sections a site's menu lists, printed on one line ("UK world sport football opinion
# culture business lifestyle ...").
SECTION_WORDS = frozenset(
    {
        "uk",
        "us",
        "world",
        "news",
        "sport",
        "sports",
        "football",
        "opinion",
        "culture",
        "business",
        "lifestyle",
        "fashion",
        "environment",
        "tech",
        "technology",
        "travel",
        "politics",
        "science",
        "health",
        "money",
        "music",
        "film",
        "books",
        "arts",
        "food",
        "games",
        "video",
        "podcasts",
        "weather",
        "climate",
        "education",
        "media",
        "society",
        "entertainment",
        "europe",
        "africa",
        "asia",
        "americas",
        "australia",
        "middle",
        "east",
        "home",
        "live",
        "cricket",
        "tennis",
    }
)


def is_menu_line(low: str) -> bool:
    """Tell whether a lower-cased line is a site's menu of sections on one line."""
    words = low.split()
    return len(words) >= 4 and sum(w in SECTION_WORDS for w in words) >= len(words) - 1


def is_stock_headline(s: str) -> bool:
    """Tell whether a line is one of the headlines live pages reuse (``Welcome back``)."""
    return len(s) < 70 and bool(STOCK_HEADLINES.match(s))
