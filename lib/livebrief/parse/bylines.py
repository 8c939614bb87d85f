"""Bylines, roles, places and the page's roster of correspondents.

A byline is looked for only in the byline slot under a headline: names in body text ("Seoul
correspondent Jean Mackenzie") and photo credits shaped like bylines never reach this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from livebrief.model import RosterMember
from livebrief.parse.lines import closes_sentence, is_credit, live_lead

_PARTICLES = frozenset(
    [
        "de",
        "da",
        "das",
        "do",
        "dos",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "ter",
        "ten",
        "bin",
        "binti",
        "ibn",
        "al",
        "el",
        "la",
        "le",
        "y",
        "e",
        "di",
        "mac",
        "st",
        "ap",  # Welsh: "Aled ap Gwyn"
        "ab",
        "ferch",
    ]
)
# Capitalised words that open headlines, captions and titles but never a person's name.
# Titles a byline's name may start with.
_HONORIFICS = frozenset(["Sir", "Dame", "Dr", "Dr.", "Lord", "Lady", "Baroness", "Baron"])
# A headline's verb: a role is a noun phrase ("Chief executive of Qantas", "Security
# correspondent"); "UN security council fails to adopt resolution" and "Senate committee to
# grill Qantas chief" under a contributor's name are headlines (the Guardian).
_VERBS = (
    "accept|accuse|address|adopt|agree|announce|appeal|approve|arrest|arrive|ask|assure|"
    "attack|back|ban|block|call|cancel|chair|charge|claim|close|condemn|confirm|congratulate|"
    "criticise|criticize|cut|demand|deny|detain|dial|die|expel|extend|face|fail|fall|find|"
    "fire|greet|grill|hail|hit|hold|inspect|issue|join|kill|launch|lead|leave|lose|make|meet|"
    "miss|open|order|pass|plan|pledge|praise|promise|protest|quit|raise|reach|reject|release|"
    "resign|return|reveal|review|rise|rule|say|seek|seize|send|set|sign|slam|speak|strike|"
    "summon|take|talk|tell|thank|threaten|urge|visit|vote|vow|want|warn|win|apologise|"
    "apologize|endorse"
)
# Words of Title Case headlines ("Tsikhanouskaya Holds Press Conference", RFE/RL): never
# a person's name.
_HEADLINE_WORDS = [
    "Denies", "Sees", "Gets", "Reports", "Press", "Conference", "Election", "Elections",
    "Protest", "Rally", "Vote", "Crisis", "War", "Update", "Latest", "Results", "Blog", "Live",
    "Ceasefire",
    # ("Putin Congratulates Lukashenka", "Riot Police Detained Thousands": a verb's third
    # person or past, in Title Case.)
    *(verb.title() + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
      for verb in _VERBS.split("|")),
    *(verb.title() + ("d" if verb.endswith("e") else "ed") for verb in _VERBS.split("|")),
    # Irregular pasts and headline nouns ("Kharkiv Police Headquarters Hit").
    "Hit", "Held", "Met", "Won", "Lost", "Shot", "Struck", "Sent", "Told", "Left", "Taken",
    "Shut", "Found", "Made", "Given", "Sworn", "Fled", "Seen", "Police", "Headquarters",
    "Blast", "Explosion", "Attack", "Strike", "Fire", "Army", "Troops", "Forces", "Ministry",
]  # fmt: skip
_NOT_NAMES = frozenset(
    [
        *_HEADLINE_WORDS,
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "For",
        "With",
        "From",
        "To",
        "By",
        "And",
        "Or",
        "But",
        "Why",
        "How",
        "What",
        "Where",
        "When",
        "Who",
        "Watch",
        "Live",
        "BBC",  # a service's name, a role line: "BBC Radio Leeds", "BBC Greek"
        "CNN",
        "Radio",
        "Us",  # a site's menu: "About Us", "Contact Us"
        "About",
        "Contact",
        "Breaking",
        "Analysis",
        "Summary",
        "President",
        "Prime",
        "Minister",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Lord",
        "Lady",
        "Pope",
        "General",
        "Chancellor",
        "Senator",
        "Governor",
        "Mayor",
        "Speaker",
        "Secretary",
        "Sen.",
        "Rep.",
        "Gov.",
        "Pres.",
        "Sir",
        "Dame",
        "Judge",
        "Justice",
        "Ambassador",
        "Commissioner",
        "Square",
        "Street",
        "Road",
        "Palace",
        "Airport",
        "Map",
        "Photo",
        "Image",
        "Video",
        "Latest",
        "Key",
        "Our",
        "We",
        "Weather",
        "Update",
        "Updates",
        "Welcome",
        "This",
        "That",
        "These",
        "Russian",
        "Ukrainian",
        "American",
        "British",
        "Chinese",
        "Korean",
        "North",
        "South",
        "East",
        "West",
        "Kremlin",
        "Today",  # an outlet: "USA TODAY"
    ]
)
_ORG_WORDS = re.compile(
    r"\b(?:BBC|CNN|Sky|Reuters|AFP|AP|Associated Press|Guardian|Al Jazeera|RFE/RL|News|Verify"
    r"|Monitoring"
    r"|Sport|Newsround|World Service|Agencies|Staff|Team|Desk)\b"
)
_ROLE_WORDS = re.compile(
    r"\b(?:correspondents?|editors?|reporters?|producers?|journalists?|presenters?|analysts?"
    r"|commentators?|team|desk|bureau|chief|writer|contributors?|news|bbc|cnn|sky|reuters"
    r"|verify|monitoring|service|sport|weather|specialist|expert|host|anchor|researcher"
    r"|investigations?|political|diplomatic|international|business|economics|health|science"
    r"|technology|culture|security|defence|defense|affairs|staff|online|digital|live|radio"
    r"|television|tv|look east|newsbeat|newsnight|today|panorama|world|correspondent"
    r"|pundit|summari[sz]er|captain|coach|test match special|match of the day|statistician"
    r"|former|head of|meteorologists?)\b",
    re.I,
)
# A verb's third person or past (in any case: "IAEA Says It Has Lost Contact ..."), or a
# modal's verb: a headline or a sentence, never a role line.
_CLAUSE = re.compile(
    rf"\b(?:(?:{_VERBS})(?:s|es|d|ed)|denies|says|said|lost|"
    rf"(?:to|will|won't|could|would|may)\s+(?:{_VERBS}))\b|\d,\d{{3}}",
    re.I,
)
_QUOTES = ("‘", "’ ", "“", '"', " '")
_SENTENCE_LEADS = (
    "We ", "We’", "We'", "This ", "That ", "That’s", "That's", "Our ", "Watch", "Listen", "Follow",
)  # fmt: skip
_PLACE_LEAD = re.compile(
    r"(?:^|,\s*|\s)(?i:in|from|reporting from|reporting in|at|outside|near|inside|on)\s+"
    r"(?:(?:the|northern|southern|eastern|western|central)\s+)?"  # "The Hague" keeps its "The"
    r"(?P<p>[A-Z][\w'’.-]*(?:[\s-](?:[A-Z][\w'’.-]*|of|de|upon))*)"
)
# A role line that is a place alone: "in Seoul", "Outside the Old Bailey", "in northern Israel",
# "Reporting from the Vatican", "With the 47th Brigade", "At the scene".
_LOCATION_LINE = re.compile(
    r"^(?i:(?:reporting|live)\s+(?:from|in)|in|at|from|on|near|outside|inside|with)\s+"
    r"(?:[\w'’.-]+\s+){0,6}[A-Z0-9][\w'’.-]*$"
    # A place every reporter at an event shares: "At the count", "Reporting from the count".
    r"|^(?i:(?:reporting\s+from|at|outside)\s+(?:the\s+)?(?:scene|count|court|stadium|ground|track"
    r"|circuit|summit|inquiry|hearing|rally|vote|polling station|border|front line|frontline))$"
    r"|^(?i:at the scene|on the ground)$"
)
_BEAT = re.compile(
    r"^(?P<p>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2})\s+(?:[a-z]+\s+)?"
    r"(?:correspondent|producer|editor|reporter|bureau chief|bureau|analyst)\b"
)
_NOT_PLACES = frozenset(
    [
        "Chief",
        "Senior",
        "Deputy",
        "Political",
        "Diplomatic",
        "Security",
        "Defence",
        "Defense",
        "Economics",
        "Business",
        "Health",
        "Science",
        "Technology",
        "Culture",
        "Sports",
        "Sport",
        "Live",
        "International",
        "Global",
        "World",
        "Special",
        "Foreign",
        "Home",
        "Religious",
        "Royal",
        "Media",
        "Social",
        "Investigations",
        "Education",
        "Environment",
        "Climate",
        "Legal",
        "Transport",
        "Arts",
        "Entertainment",
        "Digital",
        "Online",
        "Assistant",
        "Associate",
        "Managing",
        "Executive",
        "News",
        "Breaking",
        "Weather",
        "Disinformation",
        "Community",
        "Regional",
        "Local",
        "Political",
        "Middle",
        "Senior",
        # Programmes and desks, no places: "Newsbeat reporter", "Verify correspondent".
        "Newsbeat",
        "Newsround",
        "Newsnight",
        "Panorama",
        "Breakfast",
        "Today",
        "Verify",
        "Reality",
        "Consumer",
        "Money",
        "Crime",
        "Courts",
        "Music",
        "Gaming",
        "Film",
        "Food",
        "Fashion",
        "Motoring",
    ]
)
_BY = re.compile(r"^By\s+(?P<rest>.+)$")
_FROM = re.compile(
    r"^(?:From|Analysis by|Reporting by|Written by)\s+"
    # (A plural's possessive too: "From CNN Business’ Hanna Ziady in London".)
    r"(?:(?P<org>[A-Z][\w&.]*(?:\s[A-Z][\w&.]*)*)(?:['’]s|(?<=s)['’])\s+)?(?P<rest>.+)$"
)
# An outlet's correspondent and where they report from, alone on a line: "Al Jazeera's Zein
# Basravi, reporting from Odesa".
_OUTLET_LED = re.compile(
    r"^(?:Al Jazeera|CNN|Sky News|Reuters|France 24|DW|RFE/RL)['’]s\s+"
    r"(?P<rest>[^,]+,\s*(?:reporting|in|at|from)\b[^.:;]+)$"
)
# Applied to text whose white space is collapsed (see _squash): runs of spaces would make
# the alternatives backtrack for seconds.
_NAME_SPLIT = re.compile(r" ?(?:, ?and |,|;|&| and ) ?")
_DESKS = (" newsroom", " bureau", " staff", " desk")
_IN_PLACE = re.compile(r"^(?P<names>.+?)\s+(?P<role>(?:in|from|at)\s+(?:the\s+)?[A-Z].*)$")


def _squash(s: str) -> str:
    return " ".join(s.split())


@dataclass
class Byline:
    """The byline found under a headline: names, the role line as printed, the place."""

    authors: list[str] = field(default_factory=list)
    role: str | None = None
    lines: int = 0


def _name_token(tok: str) -> bool:
    if tok.lower() in _PARTICLES:
        return True
    if re.fullmatch(r"[A-Z]\.", tok):  # an initial
        return True
    if tok.endswith(("'s", "’s")):
        return False  # a possessive: "EU's Borrell in Beirut to urge restraint" is a headline
    core = tok.replace("-", "").replace("'", "").replace("’", "")
    if not core.isalpha():
        return False
    if not core.isascii():  # names in other scripts (Kim 김정은, 王毅) carry no capitals
        return True
    return (tok[0].isupper() and not tok.isupper()) or (len(tok) <= 3 and tok.isupper())


# Job words that are never part of a name: "Economics Correspondent" in capitals is a role.
_JOB_WORDS = re.compile(
    r"\b(?:correspondents?|editors?|reporters?|producers?|journalists?|presenters?|analysts?"
    r"|commentators?|contributors?|specialists?|researchers?|meteorologists?)\b",
    re.I,
)


# Titles that are also surnames, read as such at a name's end (not after "Crown").
_SURNAME_TITLES = frozenset(
    ["King", "Prince", "Pope", "Judge", "Justice", "Speaker", "Mayor", "Chancellor"]
)
_SURNAME_TITLE_LEADS = frozenset(["Crown", "The", "Chief", "Deputy", "Former", "Lord", "Prime"])


@lru_cache(maxsize=16384)
def is_person_name(s: str) -> bool:
    """Tell whether a short line is a person's name (``Laura Bicker``, ``Ayeshea Perera``)."""
    if _JOB_WORDS.search(s):
        return False
    toks = s.split()
    if len(toks) >= 3 and toks[0] in _HONORIFICS:
        toks = toks[1:]  # "Sir John Curtice", "Dr Sarah Jarvis", "Lord Ricketts"
    if not 2 <= len(toks) <= 5 or len(s) > 40:
        return False
    last = toks[-1]
    if last in _SURNAME_TITLES and toks[-2] not in _SURNAME_TITLE_LEADS:
        toks = toks[:-1]  # a surname that is also a title: "Todd Prince", "Stephen King"
    if toks[0] in _NOT_NAMES or any(t in _NOT_NAMES for t in toks[1:]):
        return False
    if toks[0].lower() in _PARTICLES or toks[-1].lower() in _PARTICLES:
        return False
    return all(_name_token(t) for t in toks)


def is_org_name(s: str) -> bool:
    """Tell whether a line names an organisation that can stand in a byline (``BBC Verify``)."""
    return (
        not _JOB_WORDS.search(s)  # "News Reporter" is a job
        and len(s) <= 40
        and len(s.split()) <= 5
        and bool(_ORG_WORDS.search(s))
        and not (closes_sentence(s))
    )


@lru_cache(maxsize=16384)
def split_names(s: str) -> tuple[str, ...] | None:
    """Split ``A & B`` / ``A, B and C`` into names; None when any part is not a name."""
    parts = tuple(p for p in _NAME_SPLIT.split(_squash(s)) if p)
    if not parts:
        return None
    if all(is_person_name(p) for p in parts):
        return parts
    if len(parts) == 1 and is_org_name(parts[0]):
        return parts
    return None


@lru_cache(maxsize=16384)
def is_role_line(s: str) -> bool:
    """Tell whether a line under a name is a role or place (``China correspondent``)."""
    if not s or len(s) > 80 or len(s.split()) > 10 or is_credit(s):
        return False
    if (s.endswith(".") and not s.endswith(" Jr.")) or s.endswith(":"):
        return False
    if s.startswith(_SENTENCE_LEADS) or any(q in s for q in _QUOTES):
        return False  # a sentence ("We're closing this live blog") or a quoting headline
    if live_lead(s):
        return False  # a live page's title ("Live Updates: Another Strong Earthquake ...")
    if _PLACE_LEAD.match(s) and s.split()[0].lower() in {"in", "from", "reporting", "at"}:
        return True
    if _LOCATION_LINE.match(s):
        return True
    return bool(_ROLE_WORDS.search(s)) and not _CLAUSE.search(s)


def one_line_byline(s: str) -> Byline | None:
    """Read one-line bylines: ``By A, Europe correspondent, in Warsaw``, ``From CNN's A``."""
    found = _one_line(s)
    return Byline(list(found[0]), found[1], 1) if found else None


@lru_cache(maxsize=16384)
def _one_line(s: str) -> tuple[tuple[str, ...], str | None] | None:
    if len(s) > 120:
        return None
    s = tidy(s)
    m = _BY.match(s) or _FROM.match(s) or _OUTLET_LED.match(s)
    if m is None:
        return _name_comma_role(s)
    rest = m.group("rest").strip()
    everyone = split_names(rest.rstrip("."))
    if everyone and "," in rest:
        return everyone, None  # "From CNN's A, B and C": names only
    several = _each_with_role(rest)
    if several:
        return several
    head, _, tail = rest.partition(",")
    role = tail.strip() or None
    mp = _IN_PLACE.match(head)
    if mp:
        head, role = mp["names"], mp["role"] + (", " + role if role else "")
    job_name = _job_then_name(head)  # "From CNN meteorologist Brandon Miller"
    if job_name is not None:
        return (job_name[1],), job_name[0] + (", " + role if role else "")
    names = split_names(head)
    if names is None:
        return None
    if role and " and " in role:
        # "By Ciaran McGrath, Senior News Reporter and Alex Hall": a second author after the
        # first one's role.
        first_role, _, other = role.rpartition(" and ")
        if is_person_name(other.strip()) and is_role_line(first_role):
            return (*names, other.strip()), first_role
        # "From CNN's A in Russellville, Arkansas, and B in Cleveland": each in a place.
        mp = _IN_PLACE.match(other.strip())
        more = split_names(mp["names"]) if mp else None
        if more and all(is_person_name(n) for n in more):
            return (*names, *more), first_role.rstrip(", ")
    return names, role


@lru_cache(maxsize=16384)
def _job_then_name(s: str) -> tuple[str, str] | None:
    """Split ``CNN meteorologist Brandon Miller`` into the job and the name after it."""
    words = s.split()
    for k in (2, 3):
        if len(words) > k:
            job, name = " ".join(words[:-k]), " ".join(words[-k:])
            # ("CNN meteorologist", also in capitals: "CNN Meteorologist Chad Myers")
            titled = any(w.islower() for w in words[:-k]) or _JOB_WORDS.search(job)
            if titled and is_role_line(job) and is_person_name(name):
                return job, name
    return None


@lru_cache(maxsize=16384)
def name_in_place(s: str) -> tuple[tuple[str, ...], str] | None:
    """Read ``Mary McDougall in London`` (the FT's byline): the names and ``in London``."""
    if " in " not in s or len(s) > 60:
        return None
    m = _IN_PLACE.match(s)
    if m is None or not m["role"].startswith("in ") or " to " in m["role"]:
        return None  # "in Beirut to urge restraint": a clause, not a place
    names = split_names(m["names"])
    if not names or not all(is_person_name(n) for n in names):
        return None  # "Al Jazeera's Catherine Soi reports from Garissa": a caption
    return names, m["role"]


_ROLE_THEN_NAME = re.compile(
    r"^(?P<role>(?:[A-Z][\w'’&.-]*\s){1,6}(?:Correspondent|Editor|Reporter|Producer|Presenter"
    r"|Analyst))\s(?P<name>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+){1,2})$"
)


def role_then_name(s: str) -> tuple[tuple[str, ...], str] | None:
    """Read ``ITV News Political Editor Robert Peston`` (ITV's byline): the name and the job."""
    if len(s) > 70:
        return None
    m = _ROLE_THEN_NAME.match(s)
    if m is None or not is_person_name(m["name"]):
        return None
    return (m["name"],), m["role"]


def _name_comma_role(s: str) -> tuple[tuple[str, ...], str | None] | None:
    """Read ``Sean Whelan, Economics Correspondent`` (RTÉ): a name and a journalist's job."""
    head, sep, tail = s.partition(", ")
    tail = tail.strip()
    if not sep or not _JOB_WORDS.search(tail) or not is_role_line(tail):
        return None
    return ((head,), tail) if is_person_name(head) else None


_AND_NEXT = re.compile(r"[,;]\s+and\s+")


def _each_with_role(rest: str) -> tuple[tuple[str, ...], str | None] | None:
    """Read ``A, political reporter, and B, political reporter`` (a role after each name).

    The first person's role is the byline's role.
    """
    parts = _AND_NEXT.split(rest.rstrip("."))
    if len(parts) < 2:
        return None
    names, roles = [], []
    for part in parts:
        name, _, role = part.partition(",")
        if not is_person_name(name.strip()):
            return None
        names.append(name.strip())
        roles.append(role.strip() or None)
    return tuple(names), roles[0]


def find_byline(lines: list[str], skip_blank: bool) -> Byline | None:
    """Find a byline at the start of ``lines`` (the slot under a headline).

    ``lines`` are stripped; empty strings are blank lines, skipped between a name and its role
    only when the page separates every element by blank lines.
    """
    i = 0
    while i < len(lines) and not lines[i]:
        i += 1
    if i >= len(lines):
        return None
    single = one_line_byline(lines[i])
    if single:
        single.lines = i + 1
        return single
    found = Byline()
    while i < len(lines):
        names = split_names(lines[i]) if lines[i] else None
        if not names:
            break
        j = i + 1
        while skip_blank and j < len(lines) and not lines[j]:
            j += 1
        if j >= len(lines) or not is_role_line(lines[j]):
            break
        found.authors.extend(names)
        found.role = found.role or lines[j]
        found.lines = j + 1
        i = j + 1
        while skip_blank and i < len(lines) and not lines[i]:
            i += 1
    return found if found.authors else None


def place_from_role(role: str | None) -> str | None:
    """Return the place a role line states (``in Seoul``, ``BBC News, Singapore``), else None."""
    if not role:
        return None
    m = _PLACE_LEAD.search(role)
    if m and not _ROLE_WORDS.search(m["p"]):  # "on Test Match Special" is a programme
        return m["p"].strip()
    if "," in role:
        last = role.rsplit(",", 1)[1].strip()
        if last and all(w[:1].isupper() for w in last.split()) and not _ROLE_WORDS.search(last):
            return last
    return None


def beat_from_role(role: str | None) -> str | None:
    """Return the region a role is about (``China correspondent`` -> China), else None."""
    if not role:
        return None
    m = _BEAT.match(role)
    if m is None:
        return None
    words = m["p"].split()
    if words[0] in _NOT_PLACES or "BBC" in words:
        return None
    return m["p"]


_ROSTER = re.compile(
    r"(?:^|\.\s+)(?:(?:With\s+)?updates|With\s+(?:additional\s+)?(?:reporting|contributions))"
    r"\s+(?:from|by)\s+(?P<list>.+?)\.?$",
    re.I,
)
# A roster member's place: "in Seoul", "from Kyiv", "at the White House", "on the Mall".
_MEMBER_PLACE = re.compile(r"^(?P<name>.+?)\s+(?:in|from|at|on)\s+(?P<place>(?:the\s+)?[A-Z].*)$")
_MEMBER_NEAR = re.compile(
    r"^(?P<name>.+?)\s+(?P<place>(?:outside|inside|at)\s+(?:the\s+)?[a-z][\w ]*)$"
)
# BBC Sport's credits under the title: "Live text - A, B and C; TMS - D, E and F" (the writers).
_LIVE_TEXT_BY = re.compile(r"^Live text\s*[-–:]\s*(?P<names>[^;]+?)\s*(?:;.*)?$")
_PAGE_BY = re.compile(
    # (An initial's stop is part of a name: "Tori B. Powell".)
    r"^(?:(?:Live\s+)?(?:reporting|coverage|blog|page)?\s*(?:by|from):?"
    r"|Reporting:)\s+"  # (the BBC's 2012-15 "Reporting: A, B and C")
    r"(?P<names>(?:[^.]|(?<=\s[A-Z])\.)+?)"
    r"(?:,\s*(?:CNN|BBC|Sky News|Reuters|the Guardian|Al Jazeera)\b[^.]*)?"
    r"(?:(?<!\s[A-Z])\.\s|\.?$)",
    re.I,
)


_OUTLET = re.compile(r"[A-Z][A-Z0-9&.'’-]*(?:\s(?:[A-Z0-9][\w&.'’-]*|staff))*")
# "Martin Belam (now) and Helen Sullivan (earlier)": the Guardian's shift marks.
_SHIFT = re.compile(r"\s*\((?:now|earlier|later|today|overnight|this morning)\)", re.I)


def parse_roster(line: str) -> list[RosterMember] | None:
    """Read ``With updates from A and B in Seoul, C in Beijing ...`` into names and places."""
    m = _ROSTER.search(line)
    if m is None:
        return None
    items = [p.strip() for p in _NAME_SPLIT.split(_squash(m["list"])) if p.strip()]
    members: list[RosterMember] = []
    unnamed = False
    for item in items:
        mp = _MEMBER_PLACE.match(item)
        name = mp["name"] if mp else item
        if name[0].islower() or (unnamed and not is_person_name(name)):
            unnamed = True  # "our correspondents in Kyiv and Moscow": nobody named
            continue
        unnamed = False
        if mp is None and (near := _MEMBER_NEAR.match(item)) and is_person_name(near["name"]):
            # "Jon Kay outside court": a place every reporter at the event shares.
            members.append(RosterMember(near["name"], near["place"]))
        elif mp:
            members.append(RosterMember(mp["name"].strip(), mp["place"].strip()))
        elif members and not is_person_name(item) and members[-1].place:
            # "in Seoul and Tokyo": a second place, not a person
            members[-1].place = f"{members[-1].place} and {item}"
        else:
            members.append(RosterMember(item, None))
    # A place given after a group of names applies to every name of the group before it.
    place: str | None = None
    for member in reversed(members):
        if member.place:
            place = member.place
        elif place:
            member.place = place
    return members


_GLUED_BY = re.compile(r"^By(?=[A-Z])")  # "BySarah Jones, Liam Kelly", "ByHT News Desk"
_FOLLOW = re.compile(r"\s+Follow$")  # the Times of Israel's button: "By Emanuel Fabian Follow"


def tidy(line: str) -> str:
    """Undo what a page's widgets glue to a byline: ``BySarah Jones``, ``... Follow``."""
    if line.startswith(("BY ", "By ")) and line[3:].replace(" and ", " ").isupper():
        # AP signs in capitals ("BY JILL COLVIN AND MEG KINNARD", "By SEUNG MIN KIM", "By
        # MICHELLE L. PRICE and BILL BARROW"): names,
        # in title case.
        line = "By " + line[3:].title().replace(" And ", " and ")
    elif line.startswith("By"):
        line = _GLUED_BY.sub("By ", line)
    return _FOLLOW.sub("", line) if line.endswith("Follow") else line


def page_authors(line: str) -> list[str] | None:
    """Read a page byline (``By Joshua Berlinger, CNN``, ``Live reporting by Faith Ridler.``).

    Also The Times' ``Steven Swinford, Political Editor | Geraldine Scott, Senior Political
    Correspondent | Aubrey Allegretti``.
    """
    if len(line) > 200:
        return None
    line = tidy(line)
    if " | " in line:
        piped = [part.split(",")[0].strip() for part in line.split(" | ")]
        return piped if all(is_person_name(n) for n in piped) else None
    m = _PAGE_BY.match(_SHIFT.sub("", line)) or _LIVE_TEXT_BY.match(line)
    if m is None:
        return None
    names = split_names(m["names"])
    if names:
        return list(names)
    if line.startswith("By "):
        found = _one_line(line)  # "By A, Senior News Reporter and B": names and roles
        if found and all(is_person_name(n) for n in found[0]):
            return list(found[0])
    # "By: FRANCE 24", "By AP staff": the outlet itself signs the page.
    outlet = m["names"].strip()
    return [outlet] if _OUTLET.fullmatch(outlet) else None


def name_line(line: str) -> tuple[list[str], str | None] | None:
    """Read a line that is a byline alone: names (``Tom Watling``) or ``By A, role``.

    Returns the names and the role (None for names alone), or None.
    """
    names = header_names(line)
    if names:
        return names, None
    found = one_line_byline(line) if line.startswith(("By ", "BY ")) else None
    return (found.authors, found.role) if found else None


def header_names(line: str, without_desks: bool = False) -> list[str] | None:
    """Read a line of people's names alone (a header's bloggers, a post's signature).

    ``Tom Ambrose, Yohannes Lowe and Adam Fulton``, ``Martin Belam (now) and Helen Sullivan
    (earlier)``; None unless every part is a person's name. With ``without_desks``, desks
    credited beside the people are left out (Reuters' ``Liz Lee and Beijing newsroom``).
    """
    if len(line) > 200:
        return None
    parts = [p for p in _NAME_SPLIT.split(_squash(_SHIFT.sub("", line))) if p]
    if without_desks:
        parts = [p for p in parts if not p.lower().endswith(_DESKS)]
    # AP signs in capitals ("LISA MASCARO and KEVIN FREKING"): names, in title case.
    parts = [p.title() if p.isupper() and len(p) > 4 else p for p in parts]
    # The Guardian: "Rachel Okafor in New York and Dan Whitlow in Charleston".
    parts = [m["name"] if (m := _MEMBER_PLACE.match(p)) else p for p in parts]
    if parts and all(is_person_name(p) for p in parts):
        return parts
    return None


def editors(line: str) -> list[str] | None:
    """Read ``Edited by A and B`` into names."""
    # (NDTV: "Edited by Anindita Sanyal | Updated: August 01, 2024 23:12 IST".)
    m = re.match(r"^Edited by\s+(?P<names>[^|]+?)\.?(?:\s*\|.*)?$", line)
    if m is None:
        return None
    return [p for p in _NAME_SPLIT.split(_squash(m["names"])) if p]
