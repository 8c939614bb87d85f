"""The plain-text reader on made-up pages of each rendering, aimed at its traps."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from livebrief import times
from livebrief.errors import NoEntriesError
from livebrief.model import OLDEST_FIRST
from livebrief.parse import bylines, layout, parse_text
from livebrief.parse import lines as L
from livebrief.parse.text import read_text

FLAT = """\
Summit ends with a signed pact, says minister
With updates from Ann Lee in Seoul and Bo Kim, Cy Park in Tokyo
RTL
Live Reporting
Edited by Dee Fox and Eve Gray
All times stated are UK
BreakingSigned pact promises mutual defence
The two leaders signed the treaty an hour ago.
Seoul correspondent Jean Mackenzie said the text was short.
What the treaty says
Ann Lee
in Seoul
The treaty has four articles.
Here is what it says:
It commits both sides to help each other
Analysis
Why it matters for Tokyo
By Cy Park, Japan correspondent, in Tokyo
Tokyo is alarmed by the pact.
Officials met late into the night.
Welcome to our live coverage
Bo Kim & Ann Lee
Live page editors
Welcome to our coverage of the summit.
"""


def test_flat_page_facts_and_entries() -> None:
    parsed = read_text(FLAT, source="flat.txt")
    page = parsed.page
    assert page.title == "Summit ends with a signed pact, says minister"
    assert page.editors == ["Dee Fox", "Eve Gray"]
    assert [(m.name, m.place) for m in page.roster] == [
        ("Ann Lee", "Seoul"),
        ("Bo Kim", "Tokyo"),
        ("Cy Park", "Tokyo"),
    ]
    assert page.timezone == "Europe/London"
    heads = [e.headline for e in parsed.entries]
    assert heads == [
        "Signed pact promises mutual defence",
        "What the treaty says",
        "Why it matters for Tokyo",
        "Welcome to our live coverage",
    ]
    first, second, third, fourth = parsed.entries
    assert first.labels == ["Breaking"]
    # A name inside body text is never a byline.
    assert first.author is None and len(first.paragraphs) == 2
    assert (second.author, second.role, second.place) == ("Ann Lee", "in Seoul", "Seoul")
    # A lead-in ending in ":" and the list item under it are body, not a new post.
    assert second.paragraphs[-2:] == [
        "Here is what it says:",
        "It commits both sides to help each other",
    ]
    assert third.labels == ["Analysis"]
    assert (third.author, third.role, third.place) == (
        "Cy Park",
        "Japan correspondent, in Tokyo",
        "Tokyo",
    )
    assert fourth.authors == ["Bo Kim", "Ann Lee"] and fourth.role == "Live page editors"
    assert fourth.place == "Tokyo"  # from the roster
    assert [e.seq for e in parsed.entries] == [3, 2, 1, 0]


def test_a_headline_after_a_lead_in_or_a_list_opens_a_post_over_a_full_paragraph() -> None:
    text = """\
All times stated are UK
Three reasons the two leaders might want to be friends
Last September, the leader took a train to Russia to meet him.
Watch the video below:
The president is holding meetings in Yakutsk
We mentioned earlier that the president is in the Russian city of Yakutsk today.
A recap of the day so far
Here's what's been happening:
The two have signed a mutual defence pact
The president will fly on to Vietnam later today
The president gifts his host a limousine
Russian state media say he has given his host an Aurus limousine, the second one.
Here is what the statement says:
Both sides will help each other
Neither will sign a treaty against the other
"""
    parsed = read_text(text, source="list.txt")
    assert [(e.headline, len(e.paragraphs)) for e in parsed.entries] == [
        ("Three reasons the two leaders might want to be friends", 2),
        ("The president is holding meetings in Yakutsk", 1),
        ("A recap of the day so far", 3),
        ("The president gifts his host a limousine", 4),
    ]
    # A list item over the next item, or over the next headline, stays an item.
    assert parsed.entries[2].paragraphs[-1] == "The president will fly on to Vietnam later today"
    assert parsed.entries[3].paragraphs[-1] == "Neither will sign a treaty against the other"


@pytest.mark.parametrize(
    "media",
    [
        "Flooded street in Port Antonio\nImage source, Reuters\nImage caption,\n"
        "Water pours through the main square\n",
        "Media caption,\nWatch: Streets under water in Port Antonio\n",
    ],
)
@pytest.mark.parametrize("cut", [False, True])
def test_a_headline_over_a_photo_or_video_under_a_list_opens_a_post(media: str, cut: bool) -> None:
    text = (
        "What we know so far\nIf you're just joining us, here's the latest on Hurricane Mara:\n"
        "The storm made landfall in south-east Jamaica as a Category 4 hurricane\n"
        "Norman Manley International Airport in Kingston is closed\n"
        "Flooding in Port Antonio\n" + media + "Video filmed by a resident in Port Antonio shows "
        "water pouring through the town's main square.\n"
    )
    if not cut:  # else the window ends under the post's first paragraph
        text += (
            "The footage was sent to the BBC this morning, officials say the river burst.\n"
            "Cuba begins evacuations in the east\n"
            "Cuba's civil defence authority has started moving people away from the coast.\n"
        )
    parsed = read_text(text, source="list.txt")
    got = [(e.headline, len(e.paragraphs)) for e in parsed.entries]
    assert got[:2] == [("What we know so far", 3), ("Flooding in Port Antonio", 1 if cut else 2)]
    assert parsed.entries[1].captions[-1].startswith(("Water pours", "Watch: Streets"))


@pytest.mark.parametrize("credit", ["\nWest Midlands Metro", ""])
def test_a_local_live_post_that_opens_with_a_photo(credit: str) -> None:
    text = f"""\
Live Reporting

All times stated are UK

Bus drivers vote to strike

Drivers at National Express West Midlands have voted to walk out over pay.

Mayor unveils new tram line

New tram at Brierley Hill{credit}

The West Midlands mayor has unveiled the first tram on the new line to Brierley Hill.

World leaders at Scarecrow Festival

There's Lord Buckethead, as tall as ever this year.

Lord Buckethead
South Beds News Agency

President Macron, or should that be Macrow, stands next to him in the field.
"""
    parsed = read_text(text, source="local.txt")
    assert [(e.headline, len(e.paragraphs)) for e in parsed.entries] == [
        ("Bus drivers vote to strike", 1),
        ("Mayor unveils new tram line", 1),
        ("World leaders at Scarecrow Festival", 2),
    ]
    assert parsed.entries[1].captions == ["New tram at Brierley Hill", *credit.split("\n")[1:]]
    # A photo inside a post (alt text and credit in one block) stays the post's caption.
    assert parsed.entries[2].captions == ["Lord Buckethead", "South Beds News Agency"]
    # Right under the page's byline, such a post is no page title.
    bylined = read_text(
        "Live Reporting\n\nBy Hannah Pearce and Gareth Moss\n\n"
        + text[text.index("Mayor unveils") :],
        source="local.txt",
    )
    assert bylined.page.title is None
    assert bylined.page.authors == ["Hannah Pearce", "Gareth Moss"]
    assert [e.headline for e in bylined.entries] == [
        "Mayor unveils new tram line",
        "World leaders at Scarecrow Festival",
    ]


def test_bbc_sport_sentence_on_the_time_line_is_the_first_paragraph() -> None:
    text = """\
Premier League latest scores

2 May 2013 Last updated at 14:35

  1. 1949: Wigan into the FA Cup final then. Arsenal into third in the Premier League.

    Join us again for more footballing drama.

  2. 1945: MANAGER REACTION- Millwall 0-2 Wigan

    Wigan boss Roberto Martinez: "Shaun Maloney is an outstanding talent."

  3. 1943: Arsenal goalscorer Lukas Podolski: "Hi fans, what a team!"
"""
    parsed = read_text(text, source="sport.txt")
    got = [(e.clock, e.headline, e.paragraphs) for e in parsed.entries]
    assert got == [
        (
            "19:49",
            None,
            [
                "Wigan into the FA Cup final then. Arsenal into third in the Premier League.",
                "Join us again for more footballing drama.",
            ],
        ),
        (
            "19:45",
            "MANAGER REACTION- Millwall 0-2 Wigan",
            ['Wigan boss Roberto Martinez: "Shaun Maloney is an outstanding talent."'],
        ),
        ("19:43", None, ['Arsenal goalscorer Lukas Podolski: "Hi fans, what a team!"']),
    ]
    # BBC Sport's clocks are UK time: summer time in May.
    assert parsed.entries[0].time is not None
    assert parsed.entries[0].time.isoformat() == "2013-05-02T19:49:00+01:00"


INDEPENDENT = """\
War latest: forces launch biggest aerial attack of the war
Kyiv says 158 missiles and drones were fired at cities overnight
Anna Muzaffar,Tom Watling
Friday 05 January 2024 23:10 GMT
{intro}Sign up to our free newsletter
Key points
Russia launches largest missile barrage of the war
At least 39 killed across Ukraine, officials say
1704496200
Zelensky thanks allies for air defence after strikes
Tom Watling{sep}5 January 2024 23:10
Zelensky has thanked Western allies for air defence systems, saying they saved lives.
He urged partners to speed up deliveries.
Russia says it downed 12 drones over Belgorod
Tom Watling{sep}5 January 2024 22:35
Russia's defence ministry said its air defences destroyed 12 drones over the region.
Poland says object entered its airspace for three minutes
Anna Muzaffar{sep}5 January 2024 13:48
Poland's armed forces said an object, probably a missile, entered Polish airspace.
(AFP via Getty Images)
Welcome to our live coverage
Anna Muzaffar{sep}5 January 2024 07:00
Welcome to our live coverage of the war in Ukraine.
"""


def test_a_window_opening_on_the_intro_over_key_points_keeps_the_header() -> None:
    window = INDEPENDENT.format(sep="", intro="").split("Sign up to our free newsletter\n")[1]
    intro = "Russia has fired more than 150 missiles and drones at cities across Ukraine.\n"
    parsed = read_text(intro + window, source="independent.txt")
    assert parsed.page.summary == [
        "Russia launches largest missile barrage of the war",
        "At least 39 killed across Ukraine, officials say",
    ]
    assert parsed.entries[0].headline == "Zelensky thanks allies for air defence after strikes"


@pytest.mark.parametrize("sep", ["", "\n"])
# The page's intro under the stamp: the stamp under the page's byline is still the page's.
@pytest.mark.parametrize("intro", ["", "Comments\nRussia has fired more than 150 missiles.\n"])
def test_author_and_dated_time_under_the_headline_glued_or_not(sep: str, intro: str) -> None:
    # A window holding one post under the stamp: one post's time is evidence enough there.
    one = INDEPENDENT.format(sep=sep, intro=intro).split("Russia says it downed")[0]
    top = read_text(one, source="independent.txt")
    assert top.page.updated == "Friday 05 January 2024 23:10 GMT"
    assert [e.headline for e in top.entries] == [
        "Zelensky thanks allies for air defence after strikes"
    ]
    parsed = read_text(INDEPENDENT.format(sep=sep, intro=intro), source="independent.txt")
    page = parsed.page
    # The page's stamp is printed in a form of its own: it is the page's, not a post's.
    assert page.updated == "Friday 05 January 2024 23:10 GMT" and page.date == "2024-01-05"
    assert page.authors == ["Anna Muzaffar", "Tom Watling"]
    assert page.timezone == "UTC"  # the stamp's zone, where the posts print none
    assert page.summary == [
        "Russia launches largest missile barrage of the war",
        "At least 39 killed across Ukraine, officials say",
    ]
    got = [(e.headline, e.author, e.clock, len(e.paragraphs)) for e in parsed.entries]
    assert got == [
        ("Zelensky thanks allies for air defence after strikes", "Tom Watling", "23:10", 2),
        ("Russia says it downed 12 drones over Belgorod", "Tom Watling", "22:35", 1),
        ("Poland says object entered its airspace for three minutes", "Anna Muzaffar", "13:48", 1),
        ("Welcome to our live coverage", "Anna Muzaffar", "07:00", 1),
    ]
    assert parsed.entries[2].captions == ["(AFP via Getty Images)"]
    assert parsed.entries[0].time is not None
    assert parsed.entries[0].time.isoformat() == "2024-01-05T23:10:00+00:00"


def test_keep_reading_box_is_an_embed_and_posted_by_is_the_author() -> None:
    text = """\
- 12 Sep 2023 - 23:30(23:30 GMT)
US announces new $600m security package for Ukraine
The Pentagon has announced a new security assistance package for Ukraine worth $600m.
Keep reading
list of 2 items
list 1 of 2
Russia-Ukraine war: List of key events, day 567
list 2 of 2
Why is Poland's grain row with Ukraine escalating?
end of list
Defence Secretary Lloyd Austin said the package will help Ukraine protect its people.
Posted by Alastair McCready
- 12 Sep 2023 - 22:55(22:55 GMT)
Kyiv is bracing for winter attacks
Al Jazeera's Charles Stratford, reporting from Kyiv, says officials are preparing.
"""
    first, second = read_text(text, source="aj.txt").entries
    assert first.headline == "US announces new $600m security package for Ukraine"
    assert (first.author, len(first.paragraphs)) == ("Alastair McCready", 2)
    assert first.embeds[0] == "Keep reading" and first.embeds[-1] == "end of list"
    assert "Posted by Alastair McCready" not in first.embeds + first.paragraphs
    assert (second.headline, second.author) == ("Kyiv is bracing for winter attacks", None)
    # A window that ends inside the box: its links to the end are still the box's.
    cut = text.split("list 2 of 2")[0]
    (only,) = read_text(cut, source="aj.txt").entries
    assert only.embeds[-1] == "Russia-Ukraine war: List of key events, day 567"


def test_a_sentence_right_over_its_credit_is_a_caption_where_blanks_part_elements() -> None:
    text = """\
11:20 a.m. ET, May 7, 2022

School bombed in Luhansk village, governor says

A Russian airstrike hit a school in the village of Bilohorivka, the region's governor said.

Smoke rises from the school in Bilohorivka after the strike, seen from a nearby road on Saturday.
Luhansk Regional Military Administration/Telegram

CNN cannot independently verify the claims.
"""
    (post,) = read_text(text, source="cnn.txt").entries
    assert len(post.paragraphs) == 2
    assert post.captions == [
        "Smoke rises from the school in Bilohorivka after the strike, seen from a nearby road on"
        " Saturday.",
        "Luhansk Regional Military Administration/Telegram",
    ]


@pytest.mark.parametrize(
    "top", ["", "Which countries have cut ties with Israel?\nlist 2 of 4\n", "List of 4 items\n"]
)
def test_a_window_opening_inside_a_keep_reading_box_or_on_a_role_and_handle(top: str) -> None:
    box = read_text(
        f"{top}list 3 of 4\nPhotos: Gaza's largest hospital struggles to keep patients alive\n"
        "list 4 of 4\nAnalysis: Can Blinken persuade Israel to pause its bombardment?\n"
        "end of list\nJordan and Bahrain have also recalled their ambassadors, officials say.\n"
        "Posted by Edna Mohamed\n- 3 Nov 2023 - 23:40(21:40 GMT)\n"
        "Israeli army confirms it struck ambulance near al-Shifa\n"
        "The Israeli military said one of its aircraft struck an ambulance.\n"
    )
    assert box.page.title is None
    assert [(e.headline, e.labels, e.author, len(e.paragraphs)) for e in box.entries] == [
        (None, [], "Edna Mohamed", 1),
        ("Israeli army confirms it struck ambulance near al-Shifa", [], None, 1),
    ]
    role = read_text(
        "Deputy political editor\n@SamCoatesSky\n"
        "That was a scrappier, angrier debate than the ones that came before it.\n"
        "Copy link\n21m ago\n22:24\nStarmer: 'We will not raise income tax'\n"
        "The Labour leader was asked directly by an audience member about tax.\n"
    )
    assert [(e.headline, e.role) for e in role.entries] == [
        (None, "Deputy political editor"),
        ("Starmer: 'We will not raise income tax'", None),
    ]


def test_a_bbc_window_without_header_furniture_opens_on_a_posts_end() -> None:
    text = """\
600 aid lorries are to enter Gaza every day
Talks on the second phase are due to start on the 16th day, officials say.
AnalysisA fragile start, but a startpublished at 16:12 Greenwich Mean Time 19 January
Yolande Ashdown
Middle East correspondent, in Jerusalem
This morning was a reminder of how easily this deal could come apart.
"""
    parsed = read_text(text, source="window.txt")
    assert (parsed.page.title, parsed.page.standfirst) == (None, None)
    assert [(e.headline, len(e.paragraphs)) for e in parsed.entries] == [
        (None, 2),
        ("A fragile start, but a start", 1),
    ]


def test_a_window_opening_on_a_cnn_player_keeps_the_tail_under_it() -> None:
    text = """\
Video Ad Feedback
Video appears to show Ukrainian drone striking Russian vessel
00:59 - Source: CNN

Snake Island, seized by Russian forces on the first day of the war, is a recurring target.

Link Copied!

12:15 p.m. ET, May 7, 2022

Jill Biden makes unannounced visit to Ukraine

From CNN's Kate Bennett

First lady Jill Biden made an unannounced trip to western Ukraine on Sunday.
"""
    tail, post = read_text(text, source="cnn.txt").entries
    assert (tail.headline, len(tail.paragraphs), tail.embeds[0]) == (None, 1, "Video Ad Feedback")
    assert (post.headline, post.author) == (
        "Jill Biden makes unannounced visit to Ukraine",
        "Kate Bennett",
    )


def test_pagination_numbers_are_dropped() -> None:
    text = """\
All times stated are UK

Crowds gather early

Thousands of people lined the Mall early on Saturday morning.

Previous page

1

2

Next page
"""
    (entry,) = read_text(text, source="pages.txt").entries
    assert entry.paragraphs == ["Thousands of people lined the Mall early on Saturday morning."]
    assert entry.captions == []


@pytest.mark.parametrize(
    ("first", "second"),
    [("10.58pm BST", "22:58"), ("published at 22:58 British Summer Time", "22:58 BST")],
)
def test_one_time_printed_twice_opens_one_post(first: str, second: str) -> None:
    text = f"""\
{first}
{second}
Johnson to table motion for election
Boris Johnson told MPs he would seek an election.
10.04pm BST
22:04
Government defeated by 27 votes
The government lost by 328 votes to 301.
"""
    parsed = read_text(text, source="twice.txt")
    got = [(e.headline, e.clock, len(e.paragraphs)) for e in parsed.entries]
    assert got == [
        ("Johnson to table motion for election", "22:58", 1),
        ("Government defeated by 27 votes", "22:04", 1),
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "Protesters wave flags outside the embassy in Amman. Photograph: Alaa Al-Sukhni/Reuters",
        "The smoke rising over Sevastopol. Pic: Reuters",
        "Palestinians inspect the rubble in Khan Younis. (Mohammed Abed/AFP/Getty Images)",
        "(AFP via Getty Images)",
        "People take shelter in a metro station in Kyiv, January 5, 2024. REUTERS/Gleb Garanich",
        "Zelensky meets Czech President Petr Pavel in Kyiv on April 10, 2024. (President's Office)",
        "Planes at Taoyuan airport, in this file photo. REUTERS/Ann Wang/File Photo",
        "Mourners pray at a hospital in Rafah on January 5, 2024. © Mohammed Abed, AFP",
    ],
)
def test_a_caption_that_ends_with_its_credit_is_a_caption(caption: str) -> None:
    text = f"""\
20.31 BST
Protests outside the embassy in Amman
Hundreds of protesters gathered outside the embassy on Tuesday evening.
{caption}
20.10 BST
Talks continue in Doha
Negotiators met again on Tuesday, officials said.
"""
    first, second = read_text(text, source="credit.txt").entries
    assert first.captions == [caption]
    assert first.paragraphs == [
        "Hundreds of protesters gathered outside the embassy on Tuesday evening."
    ]
    assert second.headline == "Talks continue in Doha"


def test_nyt_image_marker_caption_and_credit() -> None:
    text = """\
Jan. 5, 2024, 3:12 p.m. ET
Israel lays out a plan for Gaza after the war
Israel's defense minister presented a plan on Thursday for the territory.
Image
Yoav Gallant, Israel's defense minister, at a news conference in Tel Aviv in October.
Credit...Pool photo by Abir Sultan
The plan drew swift criticism from members of the governing coalition.
"""
    (entry,) = read_text(text, source="nyt.txt").entries
    assert entry.captions == [
        "Image",
        "Yoav Gallant, Israel's defense minister, at a news conference in Tel Aviv in October.",
        "Credit...Pool photo by Abir Sultan",
    ]
    assert len(entry.paragraphs) == 2


@pytest.mark.parametrize(
    "tweet",
    [
        "Bureau of Meteorology (@BOM_au)\nSevere Weather Warning for heavy rainfall in Sydney.\n"
        "September 12, 2023",
        "Severe Weather Warning for heavy rainfall in Sydney. pic.twitter.com/xyz789\n"
        "— Bureau of Meteorology (@BOM_au) September 12, 2023",
        # Its fallback quote copied in one line, the signature glued to the text.
        "Severe Weather Warning for heavy rainfall in Sydney.— Bureau of Meteorology (@BOM_au)"
        " September 12, 2023",
    ],
)
def test_a_tweet_quoted_as_text_is_an_embed(tweet: str) -> None:
    text = f"""\
11.51pm AEST
Rain warning for Sydney
The bureau issued a severe weather warning for Sydney tonight.
{tweet}
Falls of up to 150mm were possible overnight, the bureau said.
11.20pm AEST
Evacuation orders for Windsor
The SES issued evacuation orders for Windsor and Pitt Town.
"""
    first, second = read_text(text, source="tweet.txt", date=date(2023, 9, 12)).entries
    assert first.headline == "Rain warning for Sydney"
    assert first.embeds == tweet.split("\n")
    assert len(first.paragraphs) == 2
    assert (first.date, second.date) == ("2023-09-12", "2023-09-12")  # the tweet's date is no day


def test_promotions_and_labels_under_the_body_are_furniture() -> None:
    text = """\
12:05 p.m. ET, September 12, 2023
State Department in contact with UN
The US is in touch with UN partners.
Link Copied!
11:40 a.m. ET, September 12, 2023
Minister resigns over donations
The minister resigned on Tuesday.
Please use Chrome browser for a more accessible video player
Pinned post
Spotify, Apple Podcasts, Podcast Player
"""
    first, second = read_text(text, source="promo.txt").entries
    assert [len(first.paragraphs), len(second.paragraphs)] == [1, 1]
    assert second.embeds == ["Pinned post", "Spotify, Apple Podcasts, Podcast Player"]
    assert second.labels == []


def test_a_standfirst_over_untitled_timed_posts_stays_the_standfirst() -> None:
    text = """\
Live Blog: Kyrgyz-Tajik Border Clashes
The latest developments on the border, as they happen
22:31 12.9.2023
Kyrgyz officials say a border post came under fire.
23:05 12.9.2023
The Tajik Border Service blamed Kyrgyz troops for the clash.
"""
    parsed = read_text(text, source="rferl.txt")
    assert parsed.page.standfirst == "The latest developments on the border, as they happen"
    assert [e.headline for e in parsed.entries] == [None, None]


def test_dw_posts_with_a_day_and_no_time() -> None:
    text = """\
Ukraine updates: Russia pounds cities in massive air strike
Russia has launched one of its largest aerial attacks on Ukraine. DW has the latest.
https://p.dw.com/p/4aqLm
What you need to know
Russia fires over 150 missiles and drones at Ukrainian cities
Poland says a Russian missile entered its airspace
Skip next section Zelenskyy thanks partners for air defense
01/05/2024January 5, 2024
Zelenskyy thanks partners for air defense
Ukrainian President Volodymyr Zelenskyy thanked Western partners for air defense systems.
https://p.dw.com/p/4aqRt
Skip next section Poland says Russian missile crossed border
01/05/2024January 5, 2024
Poland says Russian missile crossed border
Poland's military said a Russian missile entered its airspace early on Friday morning.
dh/rc (AFP, Reuters)
Skip next section Kyiv residents shelter in metro stations
01/05/2024January 5, 2024
Kyiv residents shelter in metro stations
Thousands of people sought shelter in Kyiv's metro system as air raid sirens sounded.
People in a metro station in Kyiv
Image: Efrem Lukatsky/AP Photo/picture alliance
"""
    parsed = read_text(text, source="dw.txt")
    assert parsed.page.title == "Ukraine updates: Russia pounds cities in massive air strike"
    assert parsed.page.summary == [
        "Russia fires over 150 missiles and drones at Ukrainian cities",
        "Poland says a Russian missile entered its airspace",
    ]
    got = [(e.headline, e.date, e.clock, len(e.paragraphs)) for e in parsed.entries]
    assert got == [
        ("Zelenskyy thanks partners for air defense", "2024-01-05", None, 1),
        ("Poland says Russian missile crossed border", "2024-01-05", None, 1),
        ("Kyiv residents shelter in metro stations", "2024-01-05", None, 1),
    ]
    assert parsed.entries[0].captions == []  # the next post's day is no caption of this one
    assert parsed.entries[1].embeds == ["dh/rc (AFP, Reuters)"]
    assert parsed.entries[2].captions == [
        "People in a metro station in Kyiv",
        "Image: Efrem Lukatsky/AP Photo/picture alliance",
    ]


def test_video_lengths_under_a_play_video_line_are_embeds() -> None:
    text = """\
  1. Stadium roof torn offpublished at 03:55 British Summer Time

     Play video, "Tropicana Field roof shredded", Duration 0,48

     00:00:48

     0:48

     Media caption,

     Watch: Tropicana Field roof shredded by winds

     Part of the roof of Tropicana Field has been ripped off by the winds.

  2. Millions without powerpublished at 03:20 British Summer Time

     The lights have gone out across much of the state.
"""
    first, second = read_text(text, source="video.txt").entries
    assert first.paragraphs == [
        "Part of the roof of Tropicana Field has been ripped off by the winds."
    ]
    assert first.embeds[1:] == ["00:00:48", "0:48"]
    assert second.headline == "Millions without power"


def test_a_title_before_a_name_is_a_headline_not_a_byline() -> None:
    text = """\
11:40 AM EST
Speaker Mike Johnson
The speaker met House Republicans behind closed doors on Friday morning.
11:05 AM EST
Senate returns next week
The Senate is due back in Washington on Monday afternoon.
"""
    first, _ = read_text(text, source="speaker.txt").entries
    assert (first.headline, first.author) == ("Speaker Mike Johnson", None)


def test_a_window_opening_on_a_photo_and_its_licensing_link_keeps_the_tail() -> None:
    text = """\
A man rides a scooter past a fallen tree in Taipei, Taiwan October 31, 2024. REUTERS/Ann Wang

Purchase Licensing Rights, opens new tab

More than 8,000 people have been evacuated from mountainous areas, according to Taipower.

(Reporting by Ben Blanchard and Ann Wang; Editing by Shri Navaratnam)

October 31, 2024 3:55 PM GMT+8

China warns ships off Fujian coast, suspends ferries

China's maritime authorities ordered ships to return to port, state broadcaster CCTV reported.
"""
    parsed = read_text(text, source="reuters.txt")
    tail, post = parsed.entries
    assert (tail.headline, tail.authors, len(tail.paragraphs)) == (
        None,
        ["Ben Blanchard", "Ann Wang"],
        1,
    )
    assert len(tail.captions) == 1 and tail.embeds == ["Purchase Licensing Rights, opens new tab"]
    assert not any("above the first post" in n for n in parsed.page.notes)
    assert (post.headline, post.clock) == (
        "China warns ships off Fujian coast, suspends ferries",
        "15:55",
    )


def test_a_correspondent_inside_a_post_without_a_byline_is_its_author() -> None:
    # The window was cut above the post's own byline: the second correspondent, name over
    # role over a paragraph, is the tail's author, not a photo's caption and credit.
    text = """\
He and his wife are spending the night with their daughter in the town.
Aoife Moore
BBC News NI
It is a similar picture on the north coast, where the council has closed the promenade.
What do the weather warnings mean?
published at 18:15 British Summer Time
The Met Office uses three colours of warning - yellow, amber and red.
"""
    tail, post = read_text(text, source="window.txt").entries
    assert (tail.author, tail.role, tail.captions) == ("Aoife Moore", "BBC News NI", [])
    assert len(tail.paragraphs) == 2
    assert (post.headline, post.author) == ("What do the weather warnings mean?", None)


def test_a_pinned_post_casts_no_vote_on_the_order() -> None:
    copy = "Copy link\n"
    text = (
        "Pinned post\n2h ago\n15:30\nElectoral Dysfunction: on the conference that was\n"
        "Beth Rigby and Jess Phillips look back at a week in Manchester.\n"
        + copy
        + "10m ago\n17:42\nStarmer promises to overhaul planning rules\n"
        "Sir Keir Starmer said a Labour government would build 1.5 million homes.\n" + copy
    )
    parsed = read_text(text, source="sky.txt")
    # The older pinned post over a newer one is no sign of a page running oldest first.
    assert parsed.page.order == "newest first"
    assert [(e.clock, e.labels) for e in parsed.entries] == [("15:30", ["Pinned"]), ("17:42", [])]


def test_a_bare_length_over_a_videos_title_and_credit_is_no_time() -> None:
    text = """\
Thousands gathered in Tel Aviv's "Hostages Square" on Friday evening to call for a deal.

FRANCE 24's Irris Makler reports from Tel Aviv.

03:12

Israel: relatives of hostages keep up pressure on government

© FRANCE 24

"Every day that passes is a danger to their lives," said Rachel Goldberg-Polin.

19:40

Hezbollah leader says group 'cannot remain silent'

Hezbollah chief Hassan Nasrallah said his group "cannot remain silent" after the killing.
"""
    tail, post = read_text(text, source="france24.txt").entries
    assert (tail.clock, len(tail.paragraphs), tail.embeds) == (None, 3, ["03:12"])
    assert tail.captions == [
        "Israel: relatives of hostages keep up pressure on government",
        "© FRANCE 24",
    ]
    assert (post.clock, post.headline) == (
        "19:40",
        "Hezbollah leader says group 'cannot remain silent'",
    )


def test_scores_and_scorers_are_body_and_a_cut_items_sport_headline_stays() -> None:
    text = """\
    FULL-TIME SCORES

    Swansea 2-1 Everton

    Hull 0-0 Stoke

  10. 1744:
    Half-time

    Swansea 1-0 Everton

    Everton have to find something in the second half.

  11. 1737:
    GOAL - Swansea 2-0 Everton

    Jonjo Shelvey (61 mins)

    That's a killer blow for Everton. Shelvey tries his luck from 25 yards.
"""
    got = [
        (e.headline, e.clock, e.paragraphs[0], e.captions)
        for e in read_text(text, source="sport.txt").entries
    ]
    assert got == [
        ("FULL-TIME SCORES", None, "Swansea 2-1 Everton", []),
        ("Half-time", "17:44", "Swansea 1-0 Everton", []),
        ("GOAL - Swansea 2-0 Everton", "17:37", "Jonjo Shelvey (61 mins)", []),
    ]


def test_a_cut_items_sport_headline_stays_where_other_times_carry_theirs() -> None:
    # The page prints both: a time alone over its sub-heading, a time with its headline.
    text = """\
    GOAL! Arsenal 3-1 West Ham

    Goal! Arsenal 3, West Ham United 1. Olivier Giroud (Arsenal) header from close range.

  10. 2122:

    Substitution, Arsenal. Olivier Giroud replaces Alexis Sánchez.

  11. 2101: GOAL! Arsenal 2-0 West Ham

    Goal! Arsenal 2, West Ham United 0. Mesut Özil (Arsenal) left footed shot.
"""
    got = [(e.headline, e.clock) for e in read_text(text, source="sport.txt").entries]
    assert got == [
        ("GOAL! Arsenal 3-1 West Ham", None),
        (None, "21:22"),
        ("GOAL! Arsenal 2-0 West Ham", "21:01"),
    ]


def test_get_involved_as_a_headline_and_as_the_headers_invitation() -> None:
    text = """\
Wimbledon 2025 men's final: Sinner v Alcaraz - live
Live Reporting
All times stated are UK
Get involved: #bbctennis or WhatsApp 0330 123 0325
Sinner breaks in the third!
published at 16:42 British Summer Time 13 July 2025
That is a huge moment. Alcaraz double-faults at 30-40 and the Italian has the break.
Get involved
published at 16:36 British Summer Time 13 July 2025
Rob, Guildford: Best final since Federer and Nadal in 2008. I don't want this to end.
"""
    parsed = read_text(text, source="sport.txt")
    assert parsed.page.standfirst is None
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in parsed.entries] == [
        ("Sinner breaks in the third!", "16:42", 1),
        ("Get involved", "16:36", 1),
    ]


def test_a_window_opening_on_published_at_keeps_the_cut_headline_off() -> None:
    # The headline stood above "published at", over the cut: the line under it is body.
    text = """\
published at 17:55 British Summer Time
Get involved: #bbccricket or WhatsApp 0330 123 2815
Tom, Sheffield: Smith plays like a wicketkeeper-batter should in a Test side.
WICKET! Smith falls for 76
published at 17:31 British Summer Time
Jamie Smith tries to hit Asitha Fernando over mid-on for a third six and gets it all wrong.
"""
    first, second = read_text(text, source="window.txt").entries
    assert (first.headline, first.clock, len(first.paragraphs)) == (None, "17:55", 2)
    assert (second.headline, second.clock) == ("WICKET! Smith falls for 76", "17:31")


def test_an_epoch_stamp_over_the_last_headline_does_not_merge_it() -> None:
    text = """\
Sunak: 'Government stands ready to help'

Alexander Butler5 January 2024 20:12

The prime minister said the government stood ready to help the communities affected.

The Environment Agency has said its defences protected around 9,000 properties.

1704483000

Environment Agency: More than 300 flood alerts in place
"""
    got = [(e.headline, len(e.paragraphs)) for e in read_text(text, source="indy.txt").entries]
    assert got == [
        ("Sunak: 'Government stands ready to help'", 2),
        ("Environment Agency: More than 300 flood alerts in place", 0),
    ]


def test_a_headline_on_the_last_line_over_a_cut_time_opens_a_post() -> None:
    text = """\
'This is a proper Lord's pitch'
published at 13:52 British Summer Time
Isa Guha
BBC Test Match Special commentator
There has been plenty of grass left on this pitch, a great toss to win for Sri Lanka.
The key for England now is to survive the first hour after lunch.
Lunch - England 103-4
"""
    got = [(e.headline, e.clock, len(e.paragraphs)) for e in read_text(text).entries]
    assert got == [
        ("'This is a proper Lord's pitch'", "13:52", 2),
        ("Lunch - England 103-4", None, 0),
    ]


def test_a_blank_separated_window_opening_on_a_photo_pair_keeps_the_tail() -> None:
    text = """\
Gisela Stuart
Getty Images

She told supporters at the count it had been "the hardest campaign of my life".

Tories take Telford

Rob Mayor

BBC News

Lucy Allan has won Telford for the Conservatives, unseating Labour's David Wright.
"""
    parsed = read_text(text, source="window.txt")
    assert parsed.page.title is None and parsed.page.authors == []
    tail, post = parsed.entries
    assert (tail.headline, tail.captions, len(tail.paragraphs)) == (
        None,
        ["Gisela Stuart", "Getty Images"],
        1,
    )
    assert (post.headline, post.author, post.role) == (
        "Tories take Telford",
        "Rob Mayor",
        "BBC News",
    )


def test_a_byline_under_a_closed_paragraph_opens_an_untitled_post_on_an_untimed_page() -> None:
    text = """\
Peterborough cathedral lights up for anniversary

Peterborough Cathedral has been lit up in blue tonight to mark 900 years since its founding.

Hannah Olsen

BBC Radio Cambridgeshire

Here's a lovely story to end the afternoon on. Two sisters have been reunited after 60 years.

The pair met for the first time last week at a cafe in Huntingdon.

Man charged after police chase in Thetford

Chris Bell

BBC Look East

A 24-year-old man has been charged with dangerous driving after a police chase.

Sarah Jones

BBC Radio Norfolk

Norfolk Police say the car was stopped with a stinger device on the A11 near Elveden.
"""
    got = [
        (e.headline, e.authors, len(e.paragraphs))
        for e in read_text(text, source="local.txt").entries
    ]
    assert got == [
        ("Peterborough cathedral lights up for anniversary", [], 1),
        (None, ["Hannah Olsen"], 2),
        # Under a post with a byline of its own, a second correspondent of that post.
        ("Man charged after police chase in Thetford", ["Chris Bell", "Sarah Jones"], 2),
    ]


def test_paragraphs_under_headline_shaped_lines_over_the_first_post_are_a_post() -> None:
    # A window opening on a caption whose marker was cut, over a post: the post is kept.
    caption = read_text(
        "Footage released by the Hellenic Air Force shows a passenger being lifted from the water\n"
        "Coastguard: search will continue through the night\n"
        "The coastguard says the search for the missing will continue through the night.\n"
        "Conditions at sea have improved, a spokesman said, but the water is cold.\n"
        "Coastguard names captain\n"
        "The coastguard has named the captain of the Aegean Star.\n"
        "He was among the last to leave the ship, officials say.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in caption.entries] == [
        ("Coastguard: search will continue through the night", 2),
        ("Coastguard names captain", 2),
    ]
    # Under a list of other posts' headlines (its lead-in cut): an untitled post.
    listed = read_text(
        "Drones hit oil depot in Russia's Bryansk Oblast, source says\n\n"
        "Zelensky meets Czech president, discusses ammunition initiative\n\n"
        "Parliament passes mobilization bill in second reading\n\n"
        "Russian forces struck Kharkiv with guided aerial bombs on April 10, killing four.\n\n"
        "The attack hit a residential area in the city's Kyivskyi district, the governor said.\n\n"
        "Russian glide bombs kill 4, injure 17 in Kharkiv\n\n"
        "Kharkiv Mayor Ihor Terekhov said that at least two glide bombs had hit the city.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in listed.entries] == [
        (None, 2),
        ("Russian glide bombs kill 4, injure 17 in Kharkiv", 1),
    ]


def test_a_window_opening_under_a_guardian_time_keeps_a_post_quoting_under_a_lead_in() -> None:
    text = """\
Rwanda flight cancelled after last-minute ECHR ruling

The first flight due to take asylum seekers from the UK to Rwanda has been cancelled.

In a statement the home secretary, Priti Patel, said:

We will not be deterred from doing the right thing

Updated at 6.19pm BST

5.41pm BST

Here is some footage of protesters blocking a coach outside the removal centre.

Protesters lie down in the road to stop a coach leaving the centre – video
"""
    parsed = read_text(text, source="guardian.txt")
    assert parsed.page.title is None
    cut, post = parsed.entries
    assert (cut.headline, len(cut.paragraphs)) == (
        "Rwanda flight cancelled after last-minute ECHR ruling",
        3,
    )
    # The caption of an embedded video, "... – video", is no paragraph.
    assert (post.clock, len(post.paragraphs), len(post.captions)) == ("17:41", 1, 1)


@pytest.mark.parametrize("indent", ["", "    "])
def test_a_photo_alone_at_the_windows_top_is_no_title_and_is_named(indent: str) -> None:
    photo = "Crowds on the Mall\nImage source, Getty Images\nImage caption,\n\n"
    photo += "Spectators on the Mall have been gathering since early morning\n\n"
    post = (
        "Prince William pays tribute to his fatherpublished at 12:30 British Summer Time 17 June"
        " 2023\n\nThe Prince and Princess of Wales have shared a message on social media.\n"
    )
    top = "".join(f"{indent}{line}\n" if line else "\n" for line in photo.split("\n")[:-1])
    parsed = read_text(top + ("  5. " if indent else "") + post, source="window.txt")
    assert parsed.page.title is None
    assert [e.headline for e in parsed.entries] == ["Prince William pays tribute to his father"]
    assert any("Mall" in n for n in parsed.page.notes)


def test_a_headline_over_a_photo_on_a_blank_separated_windows_end_opens_a_post() -> None:
    text = """\
Teenager denies Milton Keynes stabbing

A 17-year-old boy has denied trying to murder a man in Milton Keynes town centre.

A trial date has been set for February next year.

Bedford's new bridge opens to cyclists

The new bridge
Bedford Borough Council
"""
    first, cut = read_text(text, source="local.txt").entries
    assert (first.headline, len(first.paragraphs), first.captions) == (
        "Teenager denies Milton Keynes stabbing",
        2,
        [],
    )
    assert (cut.headline, cut.captions) == (
        "Bedford's new bridge opens to cyclists",
        ["The new bridge", "Bedford Borough Council"],
    )


def test_a_numbered_windows_top_role_line_is_the_tails_role() -> None:
    text = """\
    Reporting from Bishop Auckland

    Labour has retaken Bishop Auckland, one of the seats that symbolised the 2019 victory.

    Alex Forsyth
    Political correspondent

    Labour sources tell me they are "under no illusions" about how shallow some support is.

  7. Conservatives hold Richmond and Northallertonpublished at 02:51 British Summer Time 5 July 2024

    Rishi Sunak has held his seat.
"""
    tail, post = read_text(text, source="window.txt").entries
    # The first author was above the cut; the second is named among the authors.
    assert (tail.author, tail.role, tail.authors) == (
        None,
        "Reporting from Bishop Auckland",
        ["Alex Forsyth"],
    )
    assert (len(tail.paragraphs), tail.captions) == (2, [])
    assert post.clock == "02:51"


def test_a_signature_alone_at_the_windows_top_is_named_in_a_note() -> None:
    parsed = read_text(
        "Posted by Alastair McCready\n- 3 Nov 2023 - 21:50(19:50 GMT)\n"
        "Thousands rally in Jakarta in support of Palestinians\n"
        "Tens of thousands of people have taken part in rallies in cities across Asia.\n",
        source="aj.txt",
    )
    assert [e.headline for e in parsed.entries] == [
        "Thousands rally in Jakarta in support of Palestinians"
    ]
    assert any("Posted by Alastair McCready" in n for n in parsed.page.notes)


@pytest.mark.parametrize(
    "lead_in", ["", "With 186 of 650 seats declared, here are the totals so far:\n\n"]
)
def test_a_window_opening_on_tallies_or_a_credit_keeps_the_tail(lead_in: str) -> None:
    tail = (
        "Labour: 141 (up 58)\nConservatives: 19 (down 72)\nLib Dems: 14 (up 12)\n\n"
        "Labour's share of the vote is running at 35%, only slightly above its 2019 share.\n\n"
    )
    post = "2.12am BST\n\nStarmer arrives at his count\n\nKeir Starmer has arrived at the count.\n"
    parsed = read_text(lead_in + tail + post, source="guardian.txt")
    assert (parsed.page.title, parsed.page.standfirst) == (None, None)
    assert [(e.headline, e.clock) for e in parsed.entries] == [
        (None, None),
        ("Starmer arrives at his count", "02:12"),
    ]
    assert "Labour: 141 (up 58)" in parsed.entries[0].paragraphs
    credit = read_text("Jennifer Henderson/CNN\n\n" + tail.split("\n\n", 1)[1] + post)
    assert credit.entries[0].headline is None
    assert credit.entries[0].captions == ["Jennifer Henderson/CNN"]


@pytest.mark.parametrize("headline", [False, True])
def test_a_caption_under_a_cut_posts_photo_is_no_headline(headline: bool) -> None:
    # The window opens inside an untitled post; the header reader stops at "Image caption,".
    text = (
        "Both were treated in hospital for mild hypothermia and have since been released.\n"
        + ("Families gather at port for news\n" if headline else "")
        + "Dozens of relatives have gathered at the ferry terminal in Chios, waiting for news.\n"
        "Relatives waiting at the port in Chios\nImage source, EPA\nImage caption,\n"
        "Police sealed off the terminal on Wednesday morning\n"
        "Local officials have set up a centre at the town hall where families can get updates.\n"
        "Transport minister resigns\n"
    )
    entries = read_text(text).entries
    got = [(e.headline, len(e.paragraphs)) for e in entries]
    if headline:
        assert got == [
            (None, 1),
            ("Families gather at port for news", 2),
            ("Transport minister resigns", 0),
        ]
    else:
        assert got == [(None, 3), ("Transport minister resigns", 0)]
    assert entries[-2].captions[-1] == "Police sealed off the terminal on Wednesday morning"


def test_a_local_live_window_opening_on_a_block_of_results_or_a_tally() -> None:
    results = read_text(
        "Blunsdon and Highworth: Conservative hold\nCentral: Labour gain from Conservative\n"
        "Chiseldon and Lawn: Conservative hold\nCovingham and Dorcan: Conservative hold\n\n"
        "'We knocked on every door'\n\nHannah Pearce\n\nBBC Radio Wiltshire\n\n"
        "I've just spoken to Labour's new councillor for Central, who won by just 63 votes.\n"
    )
    assert results.page.title is None
    assert [(e.headline, e.author, len(e.paragraphs)) for e in results.entries] == [
        (None, None, 4),
        ("'We knocked on every door'", "Hannah Pearce", 1),
    ]
    tally = read_text(
        "Independent: 1 (-1)\n\n"
        'Council leader David Renard said: "People in Swindon have decided they want more."\n\n'
        "Green candidate 'disappointed'\n\nHannah Pearce\n\nBBC Radio Wiltshire\n\n"
        "Not everyone is celebrating. The Green Party had hoped to win its first seat.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in tally.entries] == [
        (None, 2),
        ("Green candidate 'disappointed'", 1),
    ]


@pytest.mark.parametrize("count", ["Labour: 15,552 (44.6%)", "Independent: 1 (-1)"])
def test_counts_with_shares_or_changes_are_text(count: str) -> None:
    page = read_text(
        "Live Reporting\n\nAll times stated are UK\n\n"
        "  1. Post updatepublished at 01:03 British Summer Time 5 July 2024\n\n"
        "    Labour have now gained their first seat from the SNP.\n\n"
        f"    {count}\n\n    SNP: 11,321 (32.5%)\n\n"
        "  2. Turnout looks lowpublished at 00:55 British Summer Time 5 July 2024\n\n"
        "    Turnout appears to be down across the board.\n"
    )
    first = page.entries[0]
    assert (len(first.paragraphs), first.captions) == (3, [])


@pytest.mark.parametrize(
    "headline",
    [
        "We’re closing this live blog",
        "Our live coverage is ending for today",
        "Watch livestream of Putin's visit on BBC",
        "UN Security Council endorses Minsk agreement",
        "IAEA Says It Has Lost Contact With Chernobyl Monitoring Systems",
        "WHO chief ‘utterly shocked’ by reports of attack on ambulances",
        "Coach apologised to parents",
    ],
)
def test_a_headline_with_job_words_at_a_windows_top_is_no_role(headline: str) -> None:
    page = read_text(
        f"{headline}\n"
        "Thank you for joining us. We’ll be back in a few hours with more updates on the floods.\n"
        "You can follow our ongoing coverage of the disaster on our website.\n"
        "- 12 Sep 2023 - 21:46(21:46 GMT)\nUN says at least 10,000 people missing\n"
        "The UN says at least 10,000 people are missing after the floods in eastern Libya.\n"
    )
    assert page.page.title is None
    assert [(e.headline, e.role) for e in page.entries] == [
        (headline, None),
        ("UN says at least 10,000 people missing", None),
    ]


@pytest.mark.parametrize(
    ("role", "sep"),
    [
        ("Reporting from Lamia", "\n"),
        ("BBC Look East weather", "\n\n"),
        ("BBC Radio Leeds", "\n\n"),
    ],
)
def test_a_role_line_at_the_windows_top_is_a_cut_bylines(role: str, sep: str) -> None:
    page = read_text(
        sep.join(
            [
                role,
                "Outside the main hospital, relatives have been waiting all day for news.",
                "I spoke to Giorgos, a 19-year-old student who was in the fourth carriage.",
                "Station master arrested",
                "Police have arrested the station master on duty at the time of the crash.",
            ]
        )
        + "\n"
    )
    assert page.page.title is None
    assert [(e.headline, e.role, len(e.paragraphs)) for e in page.entries] == [
        (None, role, 2),
        ("Station master arrested", None, 1),
    ]


def test_a_local_live_window_opening_in_a_post_with_a_list() -> None:
    # Under the post's cut time: its headline, a lead-in and a block of items.
    schools = read_text(
        "Schools closed across the region\n\n"
        "More than 200 schools are closed today because of the snow, most in North Yorkshire.\n\n"
        "They include:\n\nErmysted's Grammar School, Skipton\nUpper Wharfedale School, "
        "Threshfield\nCalder High School, Mytholmroyd\nTodmorden High School\n\n"
        "You can check whether your school is open on the county council websites.\n\n"
        "Posted at 08:24\n\nBus services suspended in Calderdale\n\n"
        "First West Yorkshire says it has suspended several routes in the Calderdale area.\n"
    )
    assert schools.page.title is None and schools.page.authors == []
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in schools.entries] == [
        ("Schools closed across the region", None, 7),
        ("Bus services suspended in Calderdale", "08:24", 1),
    ]
    # On a lead-in and its bullets: the end of a post, not the page's summary.
    roads = read_text(
        "These roads are closed this morning:\n\n• A59 Kex Gill, between Blubberhouses and "
        "Bolton Abbey\n• A628 Woodhead Pass\n• A57 Snake Pass\n\n"
        "North Yorkshire County Council says its gritters have been out all night.\n\n"
        "Posted at 09:41\n\nNorthern cancels trains on Calder Valley line\n\n"
        "Northern has cancelled all trains between Leeds and Manchester Victoria.\n"
    )
    assert roads.page.summary == []
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in roads.entries] == [
        (None, None, 5),
        ("Northern cancels trains on Calder Valley line", "09:41", 1),
    ]


def test_a_local_live_posts_photo_is_a_block_of_two_short_lines() -> None:
    page = read_text(
        "Officials say postal votes made up about a quarter of all ballots.\n\n"
        "Counting under way\n\nBallot boxes being emptied at the Oasis Leisure Centre\n"
        "Swindon Borough Council\n\n"
        "The ballot boxes have arrived at the Oasis Leisure Centre, and counting has started.\n\n"
        "Results so far\n\nWith nine of the 19 wards declared, here's how things stand:\n\n"
        "Blunsdon and Highworth: Conservative hold\nCentral: Labour gain from Conservative\n"
    )
    counting, results = page.entries[1:]
    assert counting.captions == [
        "Ballot boxes being emptied at the Oasis Leisure Centre",
        "Swindon Borough Council",
    ]
    assert len(counting.paragraphs) == 1
    # Two items under a lead-in are a list, not a photo.
    assert (len(results.paragraphs), results.captions) == (3, [])


def test_a_local_live_window_opening_on_a_photos_alt_text_and_credit() -> None:
    page = read_text(
        "Imtiaz Shaikh\nHannah Pearce\n\nLabour gain Central\n\n"
        "Labour have taken Central ward from the Conservatives, the first change of the night.\n\n"
        "The result:\n\nLabour: 1,386\nConservative: 1,323\nUKIP: 402\n\n"
        "The ward was one of Labour's top targets in the borough.\n\nRecount in Shaw\n\n"
        "There is going to be a recount in Shaw, where just seven votes separate the two.\n"
    )
    assert page.page.title is None and page.page.authors == []
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("Labour gain Central", 6),
        ("Recount in Shaw", 1),
    ]
    assert page.page.notes[0] == "above the first post, the end of a cut post: 'Hannah Pearce'"


def test_a_window_opening_on_an_exclaimed_sentence_and_a_one_word_welcome() -> None:
    page = read_text(
        "Brentford are level and they deserve it!\n"
        "Mensah picks the ball up 25 yards out and bends a shot into the top corner.\n"
        "That's his fourth goal of the season.\n"
        "GOAL! Brentford 2-1 Aston Villa\npublished at 19:09 British Summer Time 7 October 2023\n"
        "Brentford have turned this game on its head!\n"
        "Welcome\nGood morning and welcome to our live coverage of the match in west London.\n"
        "Kick-off is at 17:30, and both sides are unchanged.\n"
    )
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in page.entries] == [
        (None, None, 3),
        ("GOAL! Brentford 2-1 Aston Villa", "19:09", 1),
        ("Welcome", None, 2),
    ]


@pytest.mark.parametrize("lead", ["She said:", "Disruption includes:"])
def test_a_window_opening_on_a_short_lead_in(lead: str) -> None:
    page = read_text(
        f"{lead}\n"
        "Where the concrete has been found, local authorities have put measures in place.\n"
        "1.46pm BST\nKey event\nLabour tables urgent question on school buildings\n"
        "Labour has been granted an urgent question in the Commons on school buildings.\n"
    )
    assert page.page.notes == [] or lead not in page.page.notes[0]
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in page.entries] == [
        (None, None, 2),
        ("Labour tables urgent question on school buildings", "13:46", 1),
    ]


def test_a_row_of_share_buttons_on_one_line_is_an_embed() -> None:
    page = read_text(
        "3.58pm BST\n15:58\nRenzi: Italy will protect savers 'at any cost'\n"
        "The Italian prime minister has said savers will be protected.\n"
        "Facebook Twitter Pinterest\n"
        "Matteo Renzi in Rome this morning. Photograph: Alessandra Tarantino/AP\n"
        "He spoke after a meeting with the bank's managers.\n"
    )
    (entry,) = page.entries
    assert entry.embeds == ["Facebook Twitter Pinterest"]
    assert entry.captions == [
        "Matteo Renzi in Rome this morning. Photograph: Alessandra Tarantino/AP"
    ]
    assert len(entry.paragraphs) == 2


def test_a_copying_sites_comment_form_is_furniture() -> None:
    page = read_text(
        "Posted at 23:0223:02\nWindow shuts - the final word\n"
        "So that's it. The summer transfer window has closed and clubs have spent a record.\n"
        "Share this:\nTwitter\nFacebook\nLike this:\nLike Loading...\n"
        "Leave a Reply Cancel reply\n"
        "Your email address will not be published. Required fields are marked *\n"
        "Name *\nEmail *\n"
        "Save my name, email, and website in this browser for the next time I comment.\n"
        "Post Comment\nRecent Posts\n"
    )
    (entry,) = page.entries
    assert entry.paragraphs == [
        "So that's it. The summer transfer window has closed and clubs have spent a record."
    ]


@pytest.mark.parametrize(
    ("player", "time"),
    [
        ("Please use Chrome browser for a more accessible video player\n0:42\n", "2h ago\n16:21"),
        ("Video Duration 01 minutes 12 seconds\n01:12\n", "- 12 Sep 2023 - 19:58(19:58 GMT)"),
    ],
)
def test_a_window_opening_on_a_posts_video_player(player: str, time: str) -> None:
    page = read_text(
        f"{player}Zelenskyy and Duda shake hands in Rzeszow\n"
        "Footage released by the Polish presidency appears to show the two men at the airport.\n"
        f"Copy link\n{time}\nKremlin: Patriots will not help\n"
        "The Kremlin has said that the delivery of Patriot missiles will not help.\n"
    )
    assert page.page.notes == [] or "Footage" not in page.page.notes[0]
    tail, post = page.entries
    assert (tail.headline, len(tail.paragraphs)) == (None, 1)
    assert tail.captions == ["Zelenskyy and Duda shake hands in Rzeszow"]
    assert post.headline == "Kremlin: Patriots will not help"


def test_a_window_opening_on_a_posts_last_sentence_over_its_share_tool() -> None:
    page = read_text(
        "CNN cannot independently verify the governor's claims.\nLink Copied!\n"
        "10:52 a.m. ET, May 7, 2022\nG7 leaders to hold video call with Zelensky on Sunday\n"
        "From CNN's Betsy Klein\nUS President Joe Biden will join other G7 leaders on a call.\n"
    )
    assert [(e.headline, e.author, len(e.paragraphs)) for e in page.entries] == [
        (None, None, 1),
        ("G7 leaders to hold video call with Zelensky on Sunday", "Betsy Klein", 1),
    ]
    # A page's standfirst over the page's own "Share" stays the header's.
    header = read_text(
        "Russia-Ukraine news: Biden to join G7 call\n"
        "Follow the latest updates below.\nShare\n10:52 a.m. ET, May 7, 2022\n"
        "G7 leaders to hold video call with Zelensky on Sunday\nFrom CNN's Betsy Klein\n"
        "US President Joe Biden will join other G7 leaders on a call.\n"
    )
    assert header.page.standfirst == "Follow the latest updates below."
    assert len(header.entries) == 1


def test_a_flat_window_opening_on_a_list_whose_lead_in_was_cut() -> None:
    page = read_text(
        "At least 31 people have died and dozens more are in hospital in Lamia and Larissa\n"
        "The station master at Domokos has been arrested\n"
        "The transport minister has resigned, saying he takes responsibility\n"
        "Three days of national mourning have been declared\n"
        "Station master arrested\n"
        "Police have arrested the station master on duty at Domokos station last night.\n"
        "The 59-year-old has not been named. Greek media say he had been in the post for weeks.\n"
    )
    assert page.page.title is None
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        (None, 4),
        ("Station master arrested", 2),
    ]
    # A live page's title, standfirst and byline are no such list.
    telegraph = read_text(
        "Ukraine-Russia war latest: Kremlin preparing new offensive on Kharkiv\n"
        "Defence Secretary says Russian troops are massing north of the city\n"
        "By Danielle Sheridan and Tony Diver\n17 May 2022 • 10:58pm\n"
        "Russia is massing troops and artillery north of Kharkiv, Ben Wallace has warned.\n"
        "10:45 PM\nZelensky: 'Ukraine needs its heroes alive'\n"
        "The president has told his troops that Ukraine needs its heroes alive.\n"
    )
    assert telegraph.page.title == (
        "Ukraine-Russia war latest: Kremlin preparing new offensive on Kharkiv"
    )
    assert telegraph.entries[0].headline == "Zelensky: 'Ukraine needs its heroes alive'"
    # Tallies and items with colons are a list's too (Euronews, BBC Sport).
    tallies = read_text(
        "EPP: 186\nS&D: 133\nRenew Europe: 82\nHard courts: Alcaraz 5, Sinner 2\n"
        "23:47\nGreens suffer heavy losses in Germany\n"
        "Germany's Greens slumped to 11.9% according to preliminary results.\n"
    )
    assert tallies.page.title is None
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in tallies.entries] == [
        (None, None, 4),
        ("Greens suffer heavy losses in Germany", "23:47", 1),
    ]


def test_results_at_a_flat_windows_top_and_a_glued_caption_ending_in_a_year() -> None:
    results = read_text(
        "Tottenham 1-0 Manchester United (Europa League)\n"
        "Barcelona 1-0 Arsenal (Women's Champions League)\n"
        "Arsenal take off Martinelli\npublished at 21:31 British Summer Time\n"
        "Substitution, Arsenal. Leandro Trossard replaces Gabriel Martinelli.\n"
    )
    assert results.page.title is None
    assert [(e.headline, len(e.paragraphs)) for e in results.entries] == [
        (None, 2),
        ("Arsenal take off Martinelli", 1),
    ]
    glued = read_text(
        "  1. The boy king who lost his thronepublished at 11:02 Greenwich Mean Time\n\n"
        "    Constantine became king at 23 and was deposed within a decade.\n\n"
        "    Constantine with his Olympic gold medal in 1960Image source, Getty Images\n\n"
        "    He lived in exile in London for most of his life.\n"
    )
    (post,) = glued.entries
    assert len(post.paragraphs) == 2 and len(post.captions) == 1


def test_tallies_at_a_numbered_windows_top_are_body() -> None:
    text = """\
    Conservative: 12,820

    Labour: 7,448

    Turnout was 54.3%, down from 61.3% in 2019.

  4. Lib Dems take Tunbridge Wellspublished at 03:14 British Summer Time 5 July 2024

    The Liberal Democrats have won Tunbridge Wells, held by the Conservatives since 1974.
"""
    tail, post = read_text(text, source="window.txt").entries
    assert (tail.paragraphs[:2], tail.captions) == (["Conservative: 12,820", "Labour: 7,448"], [])
    assert (post.headline, post.clock) == ("Lib Dems take Tunbridge Wells", "03:14")


def test_a_window_opening_on_a_headline_over_a_photo_keeps_that_post() -> None:
    text = """\
Your pictures: Red sky over Cornwall
Sky over St Ives
Copyright: Jo Hamblin
Jo Hamblin sent us this picture taken from the harbour at St Ives at about 15:00 this afternoon.
"It felt like the middle of the night. The street lights came on," she said.
Article share tools
Posted at 18:3818:38
Schools to stay shut on Tuesday
All schools in the Republic of Ireland will stay closed again tomorrow, the minister says.
"""
    parsed = read_text(text, source="window.txt")
    assert parsed.page.title is None
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in parsed.entries] == [
        ("Your pictures: Red sky over Cornwall", None, 2),
        ("Schools to stay shut on Tuesday", "18:38", 1),
    ]


@pytest.mark.parametrize("blank", ["\n", ""])
def test_nyt_name_and_role_between_the_headline_and_the_time(blank: str) -> None:
    text = f"""\
Taliban officials say the death toll is rising
{blank}
Yaqoob Akbary
Reporting from Kabul, Afghanistan
{blank}
Oct. 14, 2023, 5:58 p.m. ET
{blank}
Taliban officials said on Sunday that at least four people had been killed by the quake.
{blank}
A hospital overwhelmed, again
{blank}
Christina Goldbaum and Safiullah Padshah
Reporting from Herat, Afghanistan
{blank}
Oct. 14, 2023, 4:32 p.m. ET
{blank}
For the second time in eight days, the corridors of Herat Regional Hospital filled up.
"""
    parsed = read_text(text.replace("\n\n\n", "\n\n"), source="nyt.txt")
    assert parsed.page.title is None and parsed.page.authors == []
    got = [(e.headline, e.author, e.role, e.clock, len(e.paragraphs)) for e in parsed.entries]
    assert got == [
        (
            "Taliban officials say the death toll is rising",
            "Yaqoob Akbary",
            "Reporting from Kabul, Afghanistan",
            "17:58",
            1,
        ),
        (
            "A hospital overwhelmed, again",
            "Christina Goldbaum",
            "Reporting from Herat, Afghanistan",
            "16:32",
            1,
        ),
    ]


def test_nyt_video_marker_countdown_and_caption() -> None:
    text = """\
Video shows panic in Herat as the ground shook

Oct. 14, 2023, 5:20 p.m. ET

Video
-0:34
People ran into the streets of Herat after the earthquake on Sunday morning.
CreditCredit...Reuters

Video posted on social media and verified by The New York Times showed people running.
"""
    (post,) = read_text(text, source="nyt.txt").entries
    assert (post.labels, post.embeds) == ([], ["Video", "-0:34"])
    assert post.captions[0].startswith("People ran") and len(post.paragraphs) == 1


def test_politico_window_top_byline_stamp_and_piped_credit() -> None:
    byline = read_text(
        "By Natalie Allison\n03/06/2024 01:05 AM EST\n"
        "Nikki Haley's campaign did not hold an election-night event on Tuesday.\n"
        "Link Copied\nTrump wins California\nBy Jeremy B. White\n03/06/2024 12:41 AM EST\n"
        "Donald Trump will win California's Republican primary, according to the AP.\n"
        "Rep. Adam Schiff speaks to supporters in Los Angeles on March 5. | Jae C. Hong/AP\n"
    )
    assert [(e.headline, e.author, e.clock) for e in byline.entries] == [
        (None, "Natalie Allison", "01:05"),
        ("Trump wins California", "Jeremy B. White", "00:41"),
    ]
    assert byline.entries[1].captions == [
        "Rep. Adam Schiff speaks to supporters in Los Angeles on March 5. | Jae C. Hong/AP"
    ]
    stamp = read_text(
        "Biden and Trump sweep their primaries as Haley wins Vermont.\n"
        "Updated 03/06/2024 01:12 AM EST\nLink Copied\n"
        "Haley's campaign is silent about her next steps\nBy Natalie Allison\n"
        "03/06/2024 01:05 AM EST\nNikki Haley's campaign did not hold an election-night event.\n"
    )
    assert stamp.page.standfirst == "Biden and Trump sweep their primaries as Haley wins Vermont."
    assert stamp.page.updated == "Updated 03/06/2024 01:12 AM EST"
    assert [e.headline for e in stamp.entries] == [
        "Haley's campaign is silent about her next steps"
    ]


@pytest.mark.parametrize(
    "role", ["At the count", "Reporting from the count", "Outside court", "At court"]
)
def test_a_role_line_naming_the_event_not_a_town(role: str) -> None:
    text = f"""\
Bundle check under way
Counting staff are checking the bundles of ballot papers before the first results.
What the candidates are saying
Joshua Nevett
{role}
The Reform candidate told me she was "quietly confident" of a win tonight.
"""
    first, second = read_text(text, source="count.txt").entries
    assert (first.headline, len(first.paragraphs)) == ("Bundle check under way", 1)
    assert (second.headline, second.author, second.role) == (
        "What the candidates are saying",
        "Joshua Nevett",
        role,
    )


def test_a_credit_under_its_caption_opens_no_post() -> None:
    # A window of one ABC post: the credit under "PHOTO: ..." is no headline, so the one
    # time over the post is the post's, not the page's stamp.
    text = """\
Oct 14, 2023, 8:33 PM EDT

Over 400,000 customers without power

More than 400,000 homes and businesses are without power in Louisiana and Mississippi.

PHOTO: A utility pole leans over a flooded street in Houma, La., Oct. 14, 2023.

Chris Granger/The Times-Picayune via AP

The company said damage assessments would begin at first light Sunday.

-ABC News' Julia Jacobo
"""
    (post,) = read_text(text, source="abc.txt").entries
    assert (post.clock, post.author, len(post.paragraphs), len(post.captions)) == (
        "20:33",
        "Julia Jacobo",
        2,
        2,
    )


def test_a_second_correspondent_on_the_windows_last_lines_is_an_author() -> None:
    text = """\
  1. Reporters gather outside the Catshuis

    Anna Holligan

    Reporting from The Hague

    There are dozens of camera crews here outside the Catshuis, waiting for ministers.

    Nick Beake
    Reporting from Brussels
"""
    (post,) = read_text(text, source="window.txt").entries
    assert (post.authors, post.captions) == (["Anna Holligan", "Nick Beake"], [])


def test_a_short_sentence_closed_by_an_agency_tag_is_a_paragraph() -> None:
    # France 24 closes its paragraphs with their source; a short one is no caption.
    text = """\
23:48

Israel says it found weapons factory in central Gaza

The Israeli army said its troops had found a weapons site in the Bureij camp.

The claims could not be independently verified. (Reuters)

22:15

Hamas-run health ministry says 22,600 killed in Gaza

The ministry said 162 people had been killed in the past 24 hours. (AFP)
"""
    first, second = read_text(text, source="france24.txt").entries
    assert len(first.paragraphs) == 2 and first.captions == []
    assert len(second.paragraphs) == 1 and second.captions == []


def test_a_possessive_and_a_clause_after_in_make_a_headline_not_a_byline() -> None:
    text = """\
19:40

Hezbollah leader says group 'cannot remain silent'

Hezbollah chief Hassan Nasrallah said his group "cannot remain silent" after the killing.

18:05

EU's Borrell in Beirut to urge restraint

EU foreign policy chief Josep Borrell arrived in Beirut on Friday.
"""
    _, second = read_text(text, source="france24.txt").entries
    assert (second.headline, second.author, second.role) == (
        "EU's Borrell in Beirut to urge restraint",
        None,
        None,
    )


def test_a_headline_shaped_line_under_published_at_is_body() -> None:
    # A score strip under BBC Sport's own-line time: the headline stands above the time.
    text = """\
Stumps - England 312-8
published at 18:34 British Summer Time
That's the end of an absorbing first day at Lord's.
WICKET! Woakes caught at second slip
published at 18:12 British Summer Time
Eng 305-8 after 88 overs
Kumara gets one to leave Chris Woakes off the seam and the edge flies to second slip.
HUNDRED! Brook reaches three figures
published at 16:48 British Summer Time
Eng 229-5 after 61 overs
What an innings. Harry Brook drives Lahiru Kumara through the covers for four.
"""
    got = [
        (e.headline, e.clock, len(e.paragraphs)) for e in read_text(text, source="s.txt").entries
    ]
    assert got == [
        ("Stumps - England 312-8", "18:34", 1),
        ("WICKET! Woakes caught at second slip", "18:12", 2),
        ("HUNDRED! Brook reaches three figures", "16:48", 2),
    ]


def test_a_day_separator_dates_the_first_post_and_clocks_cross_midnight() -> None:
    text = """\
Live: Russia launches air attack
January 5, 2024
1:30 AM GMT
Explosions heard in Kyiv
Residents reported explosions across the city early on Friday.
11:58 PM GMT
Air raid alerts declared
Alerts were declared across Ukraine late on Thursday night.
January 4, 2024
9:10 PM GMT
Zelensky warns of new strikes
The president said Russia was stockpiling missiles for a winter campaign.
"""
    parsed = read_text(text, source="reuters.txt")
    assert [e.time.isoformat() if e.time else None for e in parsed.entries] == [
        "2024-01-05T01:30:00+00:00",
        "2024-01-04T23:58:00+00:00",
        "2024-01-04T21:10:00+00:00",
    ]


@pytest.mark.parametrize(
    "last",
    [
        "Lettuce and broccoli supplies from Spain are among those affected. File pic",
        "A closed library in Birmingham, where the council issued a notice. File pic: PA",
        "Lorries queue on the M20 near Ashford",
    ],
)
def test_sky_an_untitled_post_under_its_age_and_clock_takes_no_headline_from_above(
    last: str,
) -> None:
    page = read_text(
        "6h ago\n16:15\nSupermarkets warn of gaps on shelves\n"
        "Supermarkets have said there may be shortages if the border remains closed.\n"
        "The British Retail Consortium said the key issue was getting empty lorries back.\n"
        f"{last}\n7h ago\n15:40\nBy Sally Lockwood, in Dover\n"
        "The queue of lorries on the A20 into Dover now stretches back about three miles.\n"
        "8h ago\n14:58\nHauliers call for free tests\n"
        "The Road Haulage Association said drivers should not have to pay for their tests.\n"
    )
    got = [(e.clock, e.headline, e.author) for e in page.entries]
    assert got == [
        ("16:15", "Supermarkets warn of gaps on shelves", None),
        ("15:40", None, "Sally Lockwood"),
        ("14:58", "Hauliers call for free tests", None),
    ]
    first = page.entries[0]
    assert (first.captions if "File pic" in last else first.paragraphs[-1:]) == [last]


def test_sky_clocks_are_uk_time() -> None:
    text = """\
Ukraine war latest: Crimea bridge closed after explosions
Why you can trust Sky News
5h ago
16:45
Crimea bridge closed to traffic
Russian-installed officials say traffic on the bridge has been halted after blasts.
"""
    parsed = read_text(text, source="sky.txt", date=date(2023, 9, 12))
    (entry,) = parsed.entries
    assert entry.time is not None and entry.time.isoformat() == "2023-09-12T16:45:00+01:00"
    assert parsed.page.timezone == "Europe/London"
    assert any("publisher" in n for n in parsed.page.notes)


@pytest.mark.parametrize(
    ("inside", "embeds", "captions"),
    [
        (
            "Video Ad Feedback\nDelgado supporters celebrate in Cleveland\n01:12 - Source: CNN",
            [
                "Video Ad Feedback",
                "Delgado supporters celebrate in Cleveland",
                "01:12 - Source: CNN",
            ],
            [],
        ),
        (
            "Video Ad Feedback\n\nWatch tornado tear across Mississippi highway\n\n00:51\n\n"
            "- Source: CNN",
            [
                "Video Ad Feedback",
                "Watch tornado tear across Mississippi highway",
                "00:51",
                "- Source: CNN",
            ],
            [],
        ),
        (
            "Read more from Sky News:\nTeachers vote to strike in pay dispute",
            ["Read more from Sky News:", "Teachers vote to strike in pay dispute"],
            [],
        ),
        (
            "Tap here to follow Electoral Dysfunction wherever you get your podcasts",
            ["Tap here to follow Electoral Dysfunction wherever you get your podcasts"],
            [],
        ),
        ("Compiled by RFE/RL's Kyrgyz Service", ["Compiled by RFE/RL's Kyrgyz Service"], []),
        ("With reporting by AP, AFP, and Reuters", ["With reporting by AP, AFP, and Reuters"], []),
        ("Share & Save —", ["Share & Save —"], []),  # ABC News' share button
        ("Advertisement · Scroll to continue", [], []),  # Reuters' ad slot: dropped
        (
            "PHOTO: Democratic presidential nominee Vice President Kamala Harris speaks during a"
            " campaign rally in Grand Rapids, Mich., Oct. 15, 2024.\nKevin Lamarque/Reuters",
            [],
            [
                "PHOTO: Democratic presidential nominee Vice President Kamala Harris speaks during"
                " a campaign rally in Grand Rapids, Mich., Oct. 15, 2024.",
                "Kevin Lamarque/Reuters",
            ],
        ),
        (
            "Video. Macron calls snap legislative elections after EU vote defeat",
            ["Video. Macron calls snap legislative elections after EU vote defeat"],
            [],
        ),
        (
            "PHOTO: Waves crash over a seawall in Grand Isle, La., Oct. 14, 2023.\n"
            "Gerald Herbert/AP",
            [],
            [
                "PHOTO: Waves crash over a seawall in Grand Isle, La., Oct. 14, 2023.",
                "Gerald Herbert/AP",
            ],
        ),
        (
            "Voters queue in Paris. - Copyright Laurent Cipriani/Copyright 2024 The AP. All rights"
            " reserved",
            [],
            [
                "Voters queue in Paris. - Copyright Laurent Cipriani/Copyright 2024 The AP. All"
                " rights reserved"
            ],
        ),
        (
            "Watch: Ohio governor on the runoff result\n01:12",
            ["01:12"],
            ["Watch: Ohio governor on the runoff result"],
        ),
        (
            "Listen to Electoral Dysfunction on Spotify, Apple Podcasts, or wherever you get"
            " your podcasts",
            [
                "Listen to Electoral Dysfunction on Spotify, Apple Podcasts, or wherever you get"
                " your podcasts"
            ],
            [],
        ),
        (
            "Related: What is RAAC and why is it causing schools to close?",
            ["Related: What is RAAC and why is it causing schools to close?"],
            [],
        ),
        (
            "Note from the author:\nHi! My name is Olena, and I'm a news editor here.\nSupport us",
            [
                "Note from the author:",
                "Hi! My name is Olena, and I'm a news editor here.",
                "Support us",
            ],
            [],
        ),
        (
            "A rescue boat carries residents [Kenya Red Cross/Handout via Reuters]",
            [],
            ["A rescue boat carries residents [Kenya Red Cross/Handout via Reuters]"],
        ),
        (
            "Moldovan Prime Minister Ion Vrabie (file photo)",
            [],
            ["Moldovan Prime Minister Ion Vrabie (file photo)"],
        ),
        (
            "Aizada Temirova\n@aizada_rferl\nProtesters have pushed police back. #Bishkek\n"
            "8:38 PM · Oct 5, 2020",
            [
                "Aizada Temirova",
                "@aizada_rferl",
                "Protesters have pushed police back. #Bishkek",
                "8:38 PM · Oct 5, 2020",
            ],
            [],
        ),
        (
            "Please use Chrome browser for a more accessible video player\n2:15\n"
            "Helen Marsh speaks to Sky News",
            ["2:15"],  # the browser notice is furniture, dropped
            ["Helen Marsh speaks to Sky News"],
        ),
        (
            "Please use Chrome browser for a more accessible video player\n0:58\n"
            "Starmer: 'Who is in charge?'",
            ["0:58"],
            ["Starmer: 'Who is in charge?'"],
        ),
        (
            "Video Duration 02 minutes 31 seconds\n02:31\n"
            "Displaced Palestinians shelter in makeshift tents in Rafah",
            ["Video Duration 02 minutes 31 seconds", "02:31"],
            ["Displaced Palestinians shelter in makeshift tents in Rafah"],
        ),
    ],
)
def test_widgets_inside_a_post(inside: str, embeds: list[str], captions: list[str]) -> None:
    text = f"""\
10:05 p.m. ET, November 2, 2021
Delgado wins Ohio Senate runoff
Democrat Rosa Delgado will win the special Senate runoff, CNN projects.
{inside}
She will serve the remaining three years of the term.
9:40 p.m. ET, November 2, 2021
Polls close in Ohio
Polls have now closed across the state of Ohio.
"""
    first, second = read_text(text, source="widgets.txt").entries
    assert (first.embeds, first.captions) == (embeds, captions)
    assert len(first.paragraphs) == 2
    assert second.headline == "Polls close in Ohio"


def test_analysis_by_byline_and_sentence_summary() -> None:
    text = """\
Ohio Senate runoff: Live results and news
By Priya Natarajan and Tom Ferris, CNN
Updated 1:27 a.m. ET, November 3, 2021
What we covered here
Democrat Rosa Delgado won Ohio's special Senate runoff, CNN projects.
Turnout was the highest for a special election in the state since 1990.
22 Posts
12:14 a.m. ET, November 3, 2021
Analysis: Why the suburbs decided this race
Analysis by CNN's Marcus Whitfield
The story of the night is the suburbs of Columbus and Cincinnati.
"""
    parsed = read_text(text, source="cnn.txt")
    assert parsed.page.summary == [
        "Democrat Rosa Delgado won Ohio's special Senate runoff, CNN projects.",
        "Turnout was the highest for a special election in the state since 1990.",
    ]
    (entry,) = parsed.entries
    assert (entry.labels, entry.author, len(entry.paragraphs)) == (
        ["Analysis"],
        "Marcus Whitfield",
        1,
    )


def test_flat_bbc_label_over_a_byline_photos_and_video_captions() -> None:
    text = """\
BBC Homepage
Ferry fire: Hundreds brought ashore
Live Reporting
All times stated are UK
Get in touch
Smoke pours from ferry off Anglesey
Footage filmed by a passenger shows thick black smoke rising from the ship.
Why vehicle-deck fires are so hard to fight
Analysis
Tom Ashworth
Transport correspondent
Fires on the car decks of ferries are among the most feared incidents at sea.
In pictures: Passengers arrive at Holyhead
Passengers wrapped in blankets walk through the ferry terminal
Image source, PA Media
Image caption,
Passengers were given blankets and hot drinks
Watch: Crew fight the fire on deck
Video content
Video caption: Crew members spray water on the car deck
Crew members spray water on the car deck
Media playback is unsupported on your device
The footage was filmed by a passenger on Tuesday morning.
"""
    parsed = read_text(text, source="ferry.txt")
    assert parsed.page.title == "Ferry fire: Hundreds brought ashore"
    assert parsed.page.authors == []
    got = [(e.headline, e.labels, e.author, len(e.paragraphs)) for e in parsed.entries]
    assert got == [
        ("Smoke pours from ferry off Anglesey", [], None, 1),
        ("Why vehicle-deck fires are so hard to fight", ["Analysis"], "Tom Ashworth", 1),
        ("In pictures: Passengers arrive at Holyhead", [], None, 0),
        ("Watch: Crew fight the fire on deck", [], None, 1),
    ]
    assert (
        parsed.entries[2].captions[0]
        == "Passengers wrapped in blankets walk through the ferry terminal"
    )
    assert parsed.entries[3].captions[-1] == "Crew members spray water on the car deck"


def test_a_lone_numbered_item_keeps_no_number_in_its_headline() -> None:
    text = """\
Live Reporting

  1. Why vehicle-deck fires are so hard to fightpublished at 14:55 British Summer Time 6 August 2025

    Fires on the car decks of ferries are among the most feared incidents at sea.
"""
    (entry,) = read_text(text, source="one.txt").entries
    assert (entry.headline, entry.clock) == ("Why vehicle-deck fires are so hard to fight", "14:55")


def test_local_live_photo_pair_closes_a_post_and_a_byline_is_no_photo() -> None:
    text = """\
Live Reporting

All times stated are UK

Colchester United sign Danish striker

Sam Hallett

BBC Essex sport

Colchester United have signed striker Mads Kjeldsen on a two-year deal.

Mads Kjeldsen

Colchester United FC

Council tax rise 'unavoidable', says leader

Essex County Council's leader says a council tax rise next year is unavoidable.
"""
    first, second = read_text(text, source="essex.txt").entries
    assert (first.headline, first.author, first.role) == (
        "Colchester United sign Danish striker",
        "Sam Hallett",
        "BBC Essex sport",
    )
    assert first.captions == ["Mads Kjeldsen", "Colchester United FC"]
    assert second.headline == "Council tax rise 'unavoidable', says leader"


def test_alt_text_over_image_source_is_no_headline() -> None:
    text = """\
Live Reporting
In pictures: Passengers arrive at Holyhead
Passengers were given blankets as they came ashore on Tuesday night.
A lifeboat alongside the Celtic Aurora
Image source, RNLI
Irish government 'monitoring situation'
Niamh Kelly
BBC News NI, Dublin
Ireland's transport minister says officials are in contact with their UK counterparts.
"""
    first, second = read_text(text, source="alt.txt").entries
    assert first.captions == ["A lifeboat alongside the Celtic Aurora", "Image source, RNLI"]
    assert (second.headline, second.author) == (
        "Irish government 'monitoring situation'",
        "Niamh Kelly",
    )


@pytest.mark.parametrize(
    ("role", "place"),
    [
        ("Outside the Old Bailey", "Old Bailey"),
        ("in the West Bank", "West Bank"),
        ("in northern Israel", "Israel"),
        ("At the collation centre in Accra", "Accra"),
        ("Reporting from The Hague", "The Hague"),
    ],
)
def test_flat_byline_with_a_place_line(role: str, place: str) -> None:
    text = f"""\
Trial verdict live
Live Reporting
All times stated are UK
Families speak outside court
Danielle Okafor
{role}
Relatives have been speaking to reporters on the steps of the court.
Jury has reached a verdict
We've just heard that the jury has reached a verdict in the trial.
"""
    first, second = read_text(text, source="role.txt").entries
    assert (first.headline, first.author, first.role, first.place) == (
        "Families speak outside court",
        "Danielle Okafor",
        role,
        place,
    )
    assert second.headline == "Jury has reached a verdict"


def test_flat_name_without_a_role_and_a_titled_byline() -> None:
    text = """\
Election live
Live Reporting
All times stated are UK
What the exit poll tells us
Sir John Curtice
Polling expert
The exit poll suggests no party will have an overall majority.
Kumasi voters wait for results
Yaw Ofori-Atta
Police have closed the main road outside the collation centre in Kumasi.
Polls have closed
Voting has ended across the country, and counting is under way.
"""
    parsed = read_text(text, source="names.txt")
    got = [(e.headline, e.author, e.role) for e in parsed.entries]
    assert got == [
        ("What the exit poll tells us", "Sir John Curtice", "Polling expert"),
        ("Kumasi voters wait for results", None, None),  # a name alone stays a caption
        ("Polls have closed", None, None),
    ]
    assert parsed.entries[1].captions == ["Yaw Ofori-Atta"]


def test_short_items_of_a_list_are_items_not_captions() -> None:
    text = """\
Budget live
Live Reporting
All times stated are UK
Key measures at a glance
Here are the main announcements:
Fuel duty cut by 3p a litre until September
Alcohol duty frozen
Child benefit extended to more families
The chancellor sat down after just over an hour.
"""
    (entry,) = read_text(text, source="budget.txt").entries
    assert len(entry.paragraphs) == 5 and entry.captions == []
    # A count with a slash in its name ("Greens/EFA: 53") is an item, not a photo's credit.
    seats = text.replace("Fuel duty cut by 3p a litre until September", "ID: 58\nGreens/EFA: 53")
    (entry,) = read_text(seats, source="seats.txt").entries
    assert entry.paragraphs[1:3] == ["ID: 58", "Greens/EFA: 53"] and entry.captions == []


def test_three_unpunctuated_lines_in_a_row_are_a_list_whose_lead_in_was_cut() -> None:
    # A window opening inside a list (its "Here is what we know:" above the cut), and a
    # score strip: items, not captions. A photo's alt text over its credit, or a menu of one
    # or two words, is no such run.
    text = """\
    The eruption began at 20:23 local time (20:23 GMT)

    The fissure is about 3km long

    Lava is flowing south and west, towards the coast

    There is no threat to life, police say

  9. Iceland's president: 'Nature is in charge'

    President Gudni Johannesson said the nation's thoughts were with the people of Grindavik.

    Flooded field near Usk
    Ceri Coleman-Phillips

    Fallen tree in Abergavenny
    Dafydd Huws

  10. Full-time scores

    Arsenal 1-1 Chelsea

    Everton 2-0 Fulham

    Reading 0-0 Stoke

    More reaction to follow from all the grounds this evening, starting at the Emirates.
"""
    first, president, scores = read_text(text, source="window.txt").entries
    assert len(first.paragraphs) == 4 and first.captions == []
    assert president.captions == [
        "Flooded field near Usk",
        "Ceri Coleman-Phillips",
        "Fallen tree in Abergavenny",
        "Dafydd Huws",
    ]
    assert scores.paragraphs[:3] == [
        "Arsenal 1-1 Chelsea",
        "Everton 2-0 Fulham",
        "Reading 0-0 Stoke",
    ]
    assert scores.captions == []


NUMBERED = """\
Live Reporting

  1. BreakingLeaders arrive at the palacepublished at 00:20 British Summer Time

    Breaking

    Cars pulled up at the palace gates a moment ago.

    Crowds lined the road

    Image caption,

    Crowds lined the road

  2. Motorcade leaves the airportpublished at 23:50 British Summer Time 18 June

    Kim Il Sung Square in Pyongyang

    The motorcade left the airport at speed.

    Skip twitter post by Someone

    End of twitter post by Someone
"""


def test_numbered_published_labels_captions_and_midnight() -> None:
    parsed = read_text(NUMBERED, date=date(2024, 6, 18))
    first, second = parsed.entries
    assert first.headline == "Leaders arrive at the palace" and first.labels == ["Breaking"]
    assert first.paragraphs == ["Cars pulled up at the palace gates a moment ago."]
    assert first.captions == ["Crowds lined the road", "Image caption,", "Crowds lined the road"]
    assert second.captions == ["Kim Il Sung Square in Pyongyang"]
    assert second.embeds == ["Skip twitter post by Someone", "End of twitter post by Someone"]
    # 23:50 on 18 June, then 00:20 the next day: the clock ran over midnight.
    assert second.time is not None and second.time.isoformat() == "2024-06-18T23:50:00+01:00"
    assert first.time is not None and first.time.isoformat() == "2024-06-19T00:20:00+01:00"


def test_relative_age_is_kept_not_turned_into_a_time() -> None:
    text = "5h ago\n16:45\nMissiles hit the city\nSirens sounded across the city.\n"
    (entry,) = read_text(text).entries
    assert entry.age == "5h ago" and entry.clock == "16:45"
    assert entry.time is None  # no date on the page and none given: never invented
    assert "time without a date" in entry.notes[0]


def test_oldest_first_and_given_date_and_zone() -> None:
    text = "Posted at 09:00\nFirst post\nIt began.\n\nPosted at 10:30\nSecond post\nIt went on.\n"
    parsed = read_text(text, date=date(2023, 1, 5), tz="Asia/Seoul")
    assert parsed.page.order == OLDEST_FIRST
    assert [e.seq for e in parsed.entries] == [0, 1]
    assert parsed.entries[1].time is not None
    assert parsed.entries[1].time.isoformat() == "2023-01-05T10:30:00+09:00"


def test_photo_pairs_mid_body_are_captions_not_bylines() -> None:
    text = (
        "Scarecrows take over the village\n\nIt seems the festival went political.\n\n"
        "Lord Buckethead\nSouth Beds News Agency\n\nAnd then came Putin.\n\n"
        "Putin scarecrow\nSouth Beds News Agency\n"
    )
    (entry,) = read_text(text).entries
    assert entry.author is None
    assert entry.captions == [
        "Lord Buckethead",
        "South Beds News Agency",
        "Putin scarecrow",
        "South Beds News Agency",
    ]
    assert entry.paragraphs == ["It seems the festival went political.", "And then came Putin."]


def test_from_outlet_byline_with_two_names() -> None:
    text = (
        "9:05 a.m. ET, March 3, 2022\n\nTalks resume\n\n"
        "From CNN's Anna Chernova and Uliana Pavlova in Moscow\n\nTalks resumed today.\n"
    )
    (entry,) = read_text(text).entries
    assert entry.authors == ["Anna Chernova", "Uliana Pavlova"]
    assert entry.role == "in Moscow" and entry.place == "Moscow"
    assert entry.time is not None and entry.time.isoformat() == "2022-03-03T09:05:00-05:00"


@pytest.mark.parametrize(
    ("line", "authors", "role"),
    [
        (
            "From CNN's Ivana Kottasová, Tim Lister and Anna Chernova",
            ["Ivana Kottasová", "Tim Lister", "Anna Chernova"],
            None,
        ),
        ("From CNN's Kevin Liptak at the White House", ["Kevin Liptak"], "at the White House"),
        (
            "From CNN's Jennifer Henderson in Russellville, Arkansas, and Taylor Romine in"
            " Cleveland",
            ["Jennifer Henderson", "Taylor Romine"],
            "in Russellville, Arkansas",  # each in a place: the first one's is the role
        ),
    ],
)
def test_from_outlet_byline_with_a_list_of_names_or_a_place_after_at(
    line: str, authors: list[str], role: str | None
) -> None:
    text = f"9:05 a.m. ET, March 3, 2022\n\nTalks resume\n\n{line}\n\nTalks resumed today.\n"
    (entry,) = read_text(text).entries
    assert (entry.authors, entry.role) == (authors, role)
    assert entry.paragraphs == ["Talks resumed today."]


@pytest.mark.parametrize(
    ("line", "label", "headline"),
    [
        ("BBC Radio 5 liveMillwall 0-2 Wigan", "BBC Radio 5 live", "Millwall 0-2 Wigan"),
        (
            "BBC Radio 5 live sports extraThird set: Murray 6-4 Djokovic",
            "BBC Radio 5 live sports extra",
            "Third set: Murray 6-4 Djokovic",
        ),
    ],
)
def test_a_stations_name_glued_to_a_sport_sub_heading(line: str, label: str, headline: str) -> None:
    page = read_text(
        f"  1. 1841: \n    {line}\n\n    Murray breaks again and serves for the set.\n\n"
        "  2. 1830: \n    Murray holds serve to love.\n"
    )
    assert (page.entries[0].labels, page.entries[0].headline) == ([label], headline)


def test_prefix_label_and_label_line_above() -> None:
    text = (
        "Breaking: Troops cross the border\nTroops crossed at dawn.\n"
        "Analysis\nA risky gamble for both\nThe move carries risks.\n"
    )
    first, second = read_text(text).entries
    assert (first.headline, first.labels) == ("Troops cross the border", ["Breaking"])
    assert (second.headline, second.labels) == ("A risky gamble for both", ["Analysis"])


@pytest.mark.parametrize("text", ["Live Reporting\nRTL\n", "just some words\n", "\n\n\n"])
def test_no_entries_is_an_error(text: str) -> None:
    with pytest.raises(NoEntriesError, match=r"page\.txt: no live-page entries"):
        parse_text(text, source="page.txt")


def test_times_under_headlines_and_day_separators() -> None:
    text = (
        "Tuesday 18 June 2024\nSweden joins the alliance\n4.49pm BST\nIt is official.\n\n"
        "Finland also joins\n4.40pm BST\nAnother body sentence.\n"
    )
    first, second = read_text(text).entries
    assert (first.headline, first.clock) == ("Sweden joins the alliance", "16:49")
    assert (second.headline, second.clock) == ("Finland also joins", "16:40")
    assert second.paragraphs == ["Another body sentence."]
    assert first.time is not None and first.time.isoformat() == "2024-06-18T16:49:00+01:00"


@pytest.mark.parametrize("player", ["Media playback is unsupported on your device\n", ""])
def test_a_watch_headline_over_a_video_opens_a_post(player: str) -> None:
    text = (
        "'We heard a bang and then everything turned over'\nEleni Vlachou\nBBC Greek\n"
        "I've been speaking to passengers who were in the fourth carriage, still on the rails.\n"
        "Her friends are both safe. She says she does not want to take a train again.\n"
        "Watch: Rescuers search wreckage through the night\n" + player + "Media caption, "
        "Floodlights were set up at the crash site near Domokos\n"
        "What we know so far\nIf you're just joining us, here's a recap of the main developments:\n"
        "A passenger train collided head-on with a freight train just before midnight\n"
        "The transport minister has resigned\n"
    )
    parsed = read_text(text)
    assert [(e.headline, len(e.paragraphs)) for e in parsed.entries] == [
        ("'We heard a bang and then everything turned over'", 2),
        ("Watch: Rescuers search wreckage through the night", 0),
        ("What we know so far", 3),
    ]
    assert parsed.entries[1].captions == [
        "Media caption, Floodlights were set up at the crash site near Domokos"
    ]


@pytest.mark.parametrize(
    "top",
    [
        "Watch: Moment survivor is pulled from the carriage\n",
        "Watch: Moment survivor is pulled from the carriage\n"
        "Media playback is unsupported on your device\n",
        "",
    ],
)
def test_a_window_opening_on_a_video_post(top: str) -> None:
    page = read_text(
        f"{top}Media caption,\n"
        "Footage shared by the fire service shows a woman being lifted through a window\n"
        "The fire service has released this footage of the rescue of a 23-year-old woman.\n"
        "She was taken to hospital in Larissa and is said to be in a stable condition.\n"
        "Rail workers call 24-hour strike\n"
        "Greece's main rail workers' union has called a 24-hour strike for Monday, it says.\n"
    )
    assert page.page.title is None
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        (top.split("\n")[0] or None, 2),
        ("Rail workers call 24-hour strike", 1),
    ]
    assert page.entries[0].captions == [
        "Media caption,",
        "Footage shared by the fire service shows a woman being lifted through a window",
    ]


def test_header_stops_at_first_post_and_video_posts_and_embeds() -> None:
    text = (
        "Putin and Kim sign defence pact\nLive Reporting\nEdited by Flora Drury\n"
        "All times stated are UK\nWe're pausing our live coverage\n"
        "Thank you for following along with us today.\n"
        "Watch: Putin and Kim ride in a limousine\nMedia caption,\n"
        "Putin and Kim took turns driving a Russian-made limousine\n"
        "‘The strongest ever treaty’ - Kim\nJean Mackenzie\nSeoul correspondent\n"
        "Kim has described the agreement as the strongest ever treaty.\n"
        "Image source, Getty Images\nImage caption, Putin and Kim shook hands\n"
        "Skip twitter post by Jean Mackenzie\nAllow Twitter content?\n"
        "End of twitter post by Jean Mackenzie\n"
    )
    parsed = read_text(text)
    assert parsed.page.title == "Putin and Kim sign defence pact"
    video, quote = parsed.entries[1:]
    assert [e.headline for e in parsed.entries] == [
        "We're pausing our live coverage",
        "Watch: Putin and Kim ride in a limousine",
        "‘The strongest ever treaty’ - Kim",
    ]
    assert video.paragraphs == [] and video.captions == [
        "Media caption,",
        "Putin and Kim took turns driving a Russian-made limousine",
    ]
    assert quote.author == "Jean Mackenzie"
    assert quote.captions == [
        "Image source, Getty Images",
        "Image caption, Putin and Kim shook hands",
    ]
    assert len(quote.embeds) == 3 and quote.paragraphs == [
        "Kim has described the agreement as the strongest ever treaty."
    ]


def test_guardian_blocks_key_event_updated_stamp_summary_list() -> None:
    text = (
        "Russia-Ukraine war live: Kyiv hit by drones\nKey events\n\n5.02pm BST\n\nKey event\n"
        "Zelenskyy thanks allies for air defence\n\nUpdated at 5.10pm BST\n\n"
        "Ukraine's president has thanked allies.\n\n4.40pm BST\n\nKremlin says talks are off\n\n"
        "Pjotr Sauer\n\nThe Kremlin said talks were not on the agenda.\n\n4.15pm BST\nSummary\n"
        "Here is a recap of the day so far:\n\nDrones hit Kyiv overnight\n\n"
        "Ukraine says it shot down 30 drones\n"
    )
    key, kremlin, summary = read_text(text, date=date(2024, 5, 2)).entries
    assert key.labels == ["Key event"] and key.embeds == ["Updated at 5.10pm BST"]
    assert key.paragraphs == ["Ukraine's president has thanked allies."]
    assert key.time is not None and key.time.isoformat() == "2024-05-02T17:02:00+01:00"
    # Where every post prints its time, a lone name over the body is the block's byline.
    assert kremlin.author == "Pjotr Sauer" and kremlin.captions == []
    assert kremlin.paragraphs == ["The Kremlin said talks were not on the agenda."]
    assert summary.headline == "Summary"
    assert summary.paragraphs[1:] == [
        "Drones hit Kyiv overnight",
        "Ukraine says it shot down 30 drones",
    ]


def test_unbulleted_summary_in_a_flat_header() -> None:
    text = (
        "Pact will protect us both, says Putin\nSummary\n"
        "Putin and Kim have signed a comprehensive strategic partnership agreement\n"
        "Putin says it includes mutual assistance in the event of aggression\n"
        "Kim calls it the strongest ever treaty between the two countries and says it is "
        "purely defensive in nature\n"
        "With updates from Ann Lee in Seoul\nLive Reporting\nAll times stated are UK\n"
        "Where is Putin now?\nHe is on his way to Vietnam.\n"
    )
    parsed = read_text(text)
    assert len(parsed.page.summary) == 3
    assert parsed.page.roster[0].place == "Seoul"
    assert [e.headline for e in parsed.entries] == ["Where is Putin now?"]


def test_order_without_times_from_the_welcome_post() -> None:
    newest = "First headline here\nBody one.\nWelcome to our live coverage\nHello there.\n"
    oldest = "Welcome to our live coverage\nHello there.\nFirst headline here\nBody one.\n"
    assert read_text(newest).page.order == "newest first"
    assert read_text(newest).page.notes == []
    parsed = read_text(oldest)
    assert parsed.page.order == OLDEST_FIRST and [e.seq for e in parsed.entries] == [0, 1]


@pytest.mark.parametrize("stock", ["Welcome to our live coverage", "Good morning", "Recap"])
def test_a_stock_headline_under_its_time_is_that_posts_headline(stock: str) -> None:
    text = f"23:52\n{stock}\nWe bring you the latest.\n23:30\nLeaders arrive\nThey came by train.\n"
    parsed = read_text(text)
    assert [(e.clock, e.headline, len(e.paragraphs)) for e in parsed.entries] == [
        ("23:52", stock, 1),
        ("23:30", "Leaders arrive", 1),
    ]


def test_share_tools_between_the_time_and_the_headline() -> None:
    # The Washington Post prints "Link copied" between a post's time and its headline.
    text = (
        "Gaza live\n18:42\nLink copied\nAid convoy reaches Rafah\nBy Leo Sands\n"
        "The convoy crossed at noon.\n17:10\nLink copied\nTalks resume in Cairo\n"
        "By Ellen Francis\nNegotiators met again on Friday.\n"
    )
    parsed = read_text(text)
    assert parsed.page.title == "Gaza live"
    assert [(e.headline, e.author, e.embeds, e.paragraphs) for e in parsed.entries] == [
        ("Aid convoy reaches Rafah", "Leo Sands", ["Link copied"], ["The convoy crossed at noon."]),
        (
            "Talks resume in Cairo",
            "Ellen Francis",
            ["Link copied"],
            ["Negotiators met again on Friday."],
        ),
    ]


def test_month_first_and_relative_day_time_lines_open_posts() -> None:
    text = (
        "Jan. 5, 2024, 3:12 p.m. ET\nIsrael lays out a plan for Gaza\nThe plan was published.\n"
        "Jan. 5, 2024, 11:05 a.m. ET\nA strike in central Gaza\nThe military said so.\n"
    )
    parsed = read_text(text)
    assert [(e.headline, e.clock) for e in parsed.entries] == [
        ("Israel lays out a plan for Gaza", "15:12"),
        ("A strike in central Gaza", "11:05"),
    ]
    assert parsed.entries[0].time is not None
    assert parsed.entries[0].time.isoformat() == "2024-01-05T15:12:00-05:00"
    toi = (
        "Today 11:48 pm\nIDF strikes targets\nIt said so.\n"
        "Today 10:32 pm\nFamilies rally\nMany came.\n"
    )
    assert [e.clock for e in read_text(toi).entries] == ["23:48", "22:32"]


def test_age_glued_to_the_clock_opens_posts() -> None:
    text = (
        "Live blog title here\n2h ago22.40 BST\nMinister resigns\nShe wrote a letter.\n"
        "3h ago21.15 BST\nVote delayed\nThe vote was put off.\n"
    )
    entries = read_text(text, date=date(2023, 9, 12)).entries
    assert [(e.headline, e.clock, e.age) for e in entries] == [
        ("Minister resigns", "22:40", "2h ago"),
        ("Vote delayed", "21:15", "3h ago"),
    ]


def test_a_tweet_between_skip_and_end_lines_is_an_embed() -> None:
    text = (
        "All times stated are UK\nZelensky thanks allies for air defence\n"
        "Ukraine's president has thanked Germany for a new package.\n"
        "Skip twitter post by Volodymyr Zelensky\n"
        "Grateful to Chancellor Scholz and the German people for this decision\n"
        "— Volodymyr Zelensky (@ZelenskyyUa) June 18, 2024\n"
        "End of twitter post by Volodymyr Zelensky\n"
        "Russia claims capture of village\nRussia's defence ministry says so.\n"
    )
    entries = read_text(text).entries
    assert [e.headline for e in entries] == [
        "Zelensky thanks allies for air defence",
        "Russia claims capture of village",
    ]
    assert entries[0].paragraphs == ["Ukraine's president has thanked Germany for a new package."]
    assert entries[0].embeds[1] == (
        "Grateful to Chancellor Scholz and the German people for this decision"
    )
    # A window that ends inside the embedded post: its text to the end is the embed's.
    (cut,) = read_text(text.split("— Volodymyr")[0]).entries
    assert cut.paragraphs == ["Ukraine's president has thanked Germany for a new package."]


def test_a_video_length_is_not_a_post_time() -> None:
    text = (
        "All times stated are UK\nFirst headline here\nBody text of the first post.\n"
        "Media caption, Watch the moment\n0:32\nSecond headline here\nBody of the second.\n"
        "Third headline here\nLaura Bicker\nChina correspondent\nBody of the third.\n"
    )
    parsed = read_text(text)
    assert parsed.page.rendering == "flat"
    assert [(e.headline, e.clock) for e in parsed.entries] == [
        ("First headline here", None),
        ("Second headline here", None),
        ("Third headline here", None),
    ]
    assert parsed.entries[0].embeds == ["0:32"]


@pytest.mark.parametrize(
    "line",
    [
        'Play video, "Moment quake hits a store", Duration 0,32',
        "Link Copied!",
        "Ad Feedback",
        "Please turn on JavaScript to use this feature",
        "Please use Chrome browser for a more accessible video player",
    ],
)
def test_widget_and_furniture_lines_are_never_body_or_posts(line: str) -> None:
    text = (
        "All times stated are UK\nMoment quake hits a store\nShelves fell over in the shop.\n"
        f"{line}\nStaff took cover behind the counter.\n"
        "Aftershocks expected for a week\nThe agency warns of more.\n"
    )
    entries = read_text(text).entries
    assert [e.headline for e in entries] == [
        "Moment quake hits a store",
        "Aftershocks expected for a week",
    ]
    assert line not in entries[0].paragraphs and line not in entries[0].captions
    assert len(entries[0].paragraphs) == 2


@pytest.mark.parametrize(
    "second",
    [
        "Ukrainian intelligence claims two bombers were damaged in the overnight strike.",
        "By Tony Diver",
    ],
)
def test_a_timed_page_opens_with_its_title_not_an_untimed_post(second: str) -> None:
    text = (
        f"Russia-Ukraine war live: Kyiv says drones hit Crimea airfield\n{second}\n"
        "- 12 Sep 2023 - 18:40(18:40 GMT)\nRussian jet crashes during training\n"
        "A Russian Su-24 crashed in the Volgograd region.\n"
    )
    parsed = read_text(text)
    assert parsed.page.title == "Russia-Ukraine war live: Kyiv says drones hit Crimea airfield"
    assert [(e.headline, e.clock) for e in parsed.entries] == [
        ("Russian jet crashes during training", "18:40")
    ]


def test_a_lone_name_under_a_timed_headline_is_the_byline() -> None:
    # NBC News: names without a role line, under the headline of a post that prints its time.
    text = (
        "Live updates: Biden speech\n3h ago / 6:05 PM EST\nBiden: Democracy is on the ballot\n"
        "Megan Lebowitz\nIn his speech, Biden referred to Trump.\n"
        "4h ago / 4:42 PM EST\nProtesters gather outside venue\nRebecca Shabad and Kyle Stewart\n"
        "Dozens of protesters gathered.\n"
    )
    entries = read_text(text).entries
    assert [(e.headline, e.authors, e.captions) for e in entries] == [
        ("Biden: Democracy is on the ballot", ["Megan Lebowitz"], []),
        ("Protesters gather outside venue", ["Rebecca Shabad", "Kyle Stewart"], []),
    ]


def test_published_at_on_its_own_line_under_the_headline() -> None:
    text = (
        "Kim Jong Un arrives in Russia\nEdited by Adam Durbin\n"
        "Mapping Kim's journey to Vladivostok\n"
        "published at 04:25 British Summer Time 12 September 2023\n"
        "Derek Cai\nBBC News, Singapore\nKim arrived at the border station an hour ago.\nShare\n"
        "Russian media confirm Kim's arrival\n"
        "published at 04:13 British Summer Time 12 September 2023\n"
        "State media are now also reporting Kim's arrival.\n"
    )
    parsed = read_text(text)
    assert parsed.page.title == "Kim Jong Un arrives in Russia"
    assert [(e.headline, e.author, e.clock) for e in parsed.entries] == [
        ("Mapping Kim's journey to Vladivostok", "Derek Cai", "04:25"),
        ("Russian media confirm Kim's arrival", None, "04:13"),
    ]
    first = parsed.entries[0].time
    assert first is not None and first.isoformat() == "2023-09-12T04:25:00+01:00"


def test_one_time_under_the_title_is_the_pages_stamp() -> None:
    text = (
        "Ukraine war latest: Russia launches massive missile attack\n"
        "January 5, 2024 11:42 PM\n"
        "Zelensky calls on partners to speed up air defense deliveries\n"
        "President Volodymyr Zelensky urged partners to hurry.\n"
        "Poland says Russian missile entered its airspace\n"
        "The command said the missile stayed three minutes.\n"
    )
    parsed = read_text(text)
    assert parsed.page.date == "2024-01-05"
    assert [(e.headline, e.clock) for e in parsed.entries] == [
        ("Zelensky calls on partners to speed up air defense deliveries", None),
        ("Poland says Russian missile entered its airspace", None),
    ]


def test_a_dated_stamp_over_posts_with_bare_clocks_is_the_pages() -> None:
    # The Guardian: the page's stamp under the title, then blocks printing bare clocks.
    text = (
        "Australia news live: NSW floods prompt new evacuation orders\n"
        "Wed 13 Sep 2023 00.41 AEST\nShow key events only\n"
        "12.38am AEST\nWe're wrapping up\nThat's where we will leave the blog tonight.\n"
        "11.51pm AEST\nWarragamba Dam spilling again\nThe dam began spilling.\n"
    )
    parsed = read_text(text)
    assert parsed.page.date == "2023-09-13"
    assert [(e.headline, e.clock) for e in parsed.entries] == [
        ("We're wrapping up", "00:38"),
        ("Warragamba Dam spilling again", "23:51"),
    ]
    last = parsed.entries[1].time
    assert last is not None and last.isoformat() == "2023-09-12T23:51:00+10:00"


# --- The reader's quick tests agree with its patterns ------------------------------------------

_LEADS = [
    *sorted(L.HEADER_CHROME | L.ANYWHERE_CHROME | L.EMBED_LINES | set(L.LABELS)),
    "edited by ", "all times", "times are in GMT", "you need one", "sort by", "latestsort",
    "to get involved contact us", "page 2 of 3", "go to page 4", "show more updates",
    "follow our live", "skip to content", "skip twitter post", "end of twitter post",
    "allow twitter content?", "this article contains content", "view original tweet on",
    "content is not available", "https://x.org/a", "pic.twitter.com/x", "twitter post by A",
    "instagram post by B", "image caption", "media caption", "video caption", "photo credit,",
    "image source, Getty", "photo source,", "Last updated at 5.10pm", "With updates from A",
    "Updates by B", "Published at 09:42", "BreakingSigned pact", "Key points view post",
    'Play video, "Moment quake hits", Duration 0,32', "Play audio, 2 minutes", "skip to search",
    "Facebook Twitter Email", "Twitter Facebook", "To view this video please enable JavaScript",
]  # fmt: skip


_EXTRAS = ["", ":", "::", " and more", ".", ", Reuters"]


def _check_plain(s: str) -> None:
    if L.plain_capitalised(s, s.lower()):
        assert layout._pattern_kind(s, s.lower()) == layout.TEXT, s


# Other scripts and quotes, and the characters case-insensitive matching takes for letters.
_ODD = str.maketrans({"i": "\u0131", "s": "\u017f", "k": "\u212a", "I": "\u0130"})


def test_plain_capitalised_never_hides_a_kind() -> None:
    """A line the quick test calls plain is plain text to every pattern of the reader."""
    for lead in _LEADS:
        for extra in [*_EXTRAS, "’s", " – «éé»"]:
            for s in (lead + extra, (lead + extra).upper(), (lead + extra).title()):
                for t in (s, s.translate(_ODD), s.upper().translate(_ODD)):
                    _check_plain(t[:1].upper() + t[1:])


@given(st.sampled_from(_LEADS), st.sampled_from(_EXTRAS), st.data())
@settings(max_examples=300, deadline=None)
def test_plain_capitalised_in_any_case(lead: str, extra: str, data: st.DataObject) -> None:
    """The same with letters in random case."""
    s = "".join(c.upper() if data.draw(st.booleans()) else c for c in lead + extra)
    _check_plain(s[:1].upper() + s[1:])


# --- Times that open a line, day separators without a year, BBC items ---------------------

GUARDIAN_2012 = """\
Politics live blog - Wednesday 11 July 2012

Andrew Sparrow

8.58am: Good morning. Last night 91 Conservative MPs voted against the government on the Lords reform bill.

9.14am: Here's the agenda for the day.

9.30am: The ONS publishes the latest unemployment figures.

12pm: The prime minister faces the leader of the opposition at PMQs.

9.41am: Unemployment has fallen by 65,000 to 2.58 million, the ONS says.

Here's the Press Association story.

1.15pm: Lunchtime summary

Ministers have refused to say when the Lords reform bill will return to the Commons.
"""  # noqa: E501


def test_a_time_that_opens_a_line_opens_a_post() -> None:
    page = read_text(GUARDIAN_2012, date=date(2012, 7, 11))
    got = [(e.clock, e.headline, e.paragraphs[:1]) for e in page.entries]
    assert got == [
        ("08:58", None, ["Good morning. Last night 91 Conservative MPs voted against the "
                         "government on the Lords reform bill."]),
        # The agenda's items under its lead-in are the post's body, not posts.
        ("09:14", None, ["Here's the agenda for the day."]),
        ("09:41", None, ["Unemployment has fallen by 65,000 to 2.58 million, the ONS says."]),
        ("13:15", "Lunchtime summary", ["Ministers have refused to say when the Lords reform "
                                        "bill will return to the Commons."]),
    ]  # fmt: skip
    assert (
        page.entries[1].paragraphs[1]
        == "9.30am: The ONS publishes the latest unemployment figures."
    )
    assert page.page.order == OLDEST_FIRST
    assert page.entries[0].time_raw == "8.58am"
    assert page.entries[-1].time is not None and page.entries[-1].time.isoformat() == (
        "2012-07-11T13:15:00+00:00"
    )


def test_agenda_items_after_a_whole_hour_and_a_two_sentence_lead() -> None:
    page = read_text(
        "8.47am: Good morning. It's another huge day in the phone-hacking saga.\n\n"
        "Here's the agenda for the day.\n\n"
        "11am: Gordon Brown gives his first interview since his Commons speech.\n"
        "12pm: David Cameron and Ed Miliband at PMQs.\n"
        "12.30pm: The Commons debate on the BSkyB motion begins.\n\n"
        "9.15am: Here's the text of the Labour motion, which has now been tabled.\n\n"
        "12.09pm: Miliband asks about the inquiry. Will the prime minister confirm it today?\n\n"
        "Cameron says he will set them out in a statement later.\n",
        date=date(2011, 7, 13),
    )
    assert [(e.clock, e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("08:47", None, 5),
        ("09:15", None, 1),
        ("12:09", None, 2),
    ]


def test_times_opening_agenda_items_on_a_page_with_time_lines_stay_body() -> None:
    page = read_text(
        "8.51am BST\n\nIt is the first PMQs of the new leader today and almost no one knows what "
        "she is going to do.\n\nHere is the agenda for the day.\n\n9.30am: The ONS publishes "
        "the latest inflation figures.\n\n11.30am: Downing Street lobby briefing.\n\n"
        "8.20am BST\n\nGood morning. Inflation figures are out at 9.30am.\n"
    )
    assert [e.clock for e in page.entries] == ["08:51", "08:20"]
    assert page.entries[0].paragraphs[-1] == "11.30am: Downing Street lobby briefing."


AL_JAZEERA_2020 = """\
Coronavirus: US cases top 100,000 as Italy's death toll passes 9,000

Joseph Stepansky & Zaheena Rasheed

Saturday, March 28

03:40 GMT - China to temporarily bar entry to foreigners

China will temporarily suspend entry for foreigners holding valid visas and residence permits.

01:35 GMT - This is Zaheena Rasheed in Kuala Lumpur taking over the blog from my colleague.

Friday, March 27

23:45 GMT - New York deaths rise to 519

New York Governor Andrew Cuomo said the state's death toll had risen to 519.
"""


def test_al_jazeera_2020_gmt_dash_headlines_and_year_less_day_separators() -> None:
    page = read_text(AL_JAZEERA_2020)
    got = [(e.clock, e.tz, e.headline) for e in page.entries]
    assert got == [
        ("03:40", "UTC", "China to temporarily bar entry to foreigners"),
        ("01:35", "UTC", None),
        ("23:45", "UTC", "New York deaths rise to 519"),
    ]
    assert page.entries[1].paragraphs == [
        "This is Zaheena Rasheed in Kuala Lumpur taking over the blog from my colleague."
    ]
    # The separators print no year: the posts have none until one is given.
    assert all(e.time is None for e in page.entries)
    dated = read_text(AL_JAZEERA_2020, date=date(2020, 3, 27))
    assert [e.time.isoformat() if e.time else None for e in dated.entries] == [
        "2020-03-28T03:40:00+00:00",
        "2020-03-28T01:35:00+00:00",
        "2020-03-27T23:45:00+00:00",
    ]
    assert not any("March" in c for e in page.entries for c in e.captions)


def test_a_label_alone_on_a_numbered_line_is_the_posts_label() -> None:
    page = read_text(
        "Live Reporting\n\nEdited by Jasmine Andersson\n\nAll times stated are UK\n\n"
        "  1. Analysis\n\n"
        "    A historic result - but on a low turnoutpublished at 03:22 British Summer Time 5 "
        "July 2024\n\n    John Curtice\n    Polling expert\n\n"
        "    Labour's share of the vote is only a little higher than in 2019.\n\n"
        "  2. BBC Verify\n\n    Checking the claims made in the debate\n\n"
        "    We have looked at what the leaders said about taxes.\n\n"
        "  3. Polls closepublished at 21:59 British Summer Time 4 July 2024\n\n"
        "    Polling stations across the UK are about to close.\n"
    )
    got = [(e.headline, e.labels, e.author, e.role, e.clock) for e in page.entries]
    assert got == [
        ("A historic result - but on a low turnout", ["Analysis"], "John Curtice",
         "Polling expert", "03:22"),
        ("Checking the claims made in the debate", ["BBC Verify"], None, None, None),
        ("Polls close", [], None, None, "21:59"),
    ]  # fmt: skip


def test_bbc_stand_ins_for_untitled_posts() -> None:
    page = read_text(
        "Live Reporting\n\nAll times stated are UK\n\n"
        "  1. Post updatepublished at 19:21 Greenwich Mean Time 2 March 2024\n\n"
        "    90+4 mins: Raheem Sterling blazes over from 12 yards.\n\n"
        "  2. Video content\n\n    Video caption: 'We've been here since six this morning'\n\n"
        "    Passengers at St Pancras told the BBC they had been queuing for hours.\n\n"
        "  3. Half-time: Arsenal 1-1 Chelseapublished at 18:18 Greenwich Mean Time 2 March 2024"
        "\n\n    45+2 mins: The whistle goes after two added minutes.\n\n"
        "Share this page\n\nAbout sharing\n"
    )
    assert [e.headline for e in page.entries] == [None, None, "Half-time: Arsenal 1-1 Chelsea"]
    assert page.entries[0].clock == "19:21"
    assert "'Post update' is the page's stand-in for an untitled post" in page.entries[0].notes
    assert page.entries[1].paragraphs == [
        "Passengers at St Pancras told the BBC they had been queuing for hours."
    ]
    assert "Share this page" not in " ".join(page.entries[-1].paragraphs)
    # An item that holds its video alone is a post too.
    video = read_text(
        "Live Reporting\n\nAll times stated are UK\n\n  2. 'I've been here since four'\n\n"
        "    In the crowd outside the palace, people have been telling us why they came.\n\n"
        "  3. Video content\n\n"
        "    Video caption: Watch: The King and Queen appear on the palace balcony\n"
        "    Watch: The King and Queen appear on the palace balcony\n\n"
        "  4. Guards faint in the heat\n\n"
        "    Several soldiers appear to have fainted in the heat during the parade.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in video.entries] == [
        ("'I've been here since four'", 1),
        (None, 0),
        ("Guards faint in the heat", 1),
    ]
    assert video.entries[1].captions[0] == "Video content"


def test_reach_time_glued_to_its_author() -> None:
    page = read_text(
        "Storm Jocelyn LIVE: Amber warnings in force as gales batter UK\nShow latest updates\n"
        "11:32Sarah Jones\nScotRail to run limited service from midday\n"
        "ScotRail says it will begin running a limited timetable from midday.\n"
        "11:15Liam Kelly\nTens of thousands still without power\n"
        "More than 33,000 properties in Scotland are without power this morning.\n"
        "10:48Sarah Jones\n"
        "The Met Office has confirmed the strongest gust overnight was 97mph.\n"
    )
    got = [(e.clock, e.author, e.headline) for e in page.entries]
    assert got == [
        ("11:32", "Sarah Jones", "ScotRail to run limited service from midday"),
        ("11:15", "Liam Kelly", "Tens of thousands still without power"),
        ("10:48", "Sarah Jones", None),
    ]


def test_headline_byline_then_time_us_month_first_dates() -> None:
    page = read_text(
        "Super Tuesday 2024: Trump and Biden sweep toward rematch\n"
        "Biden statement: Trump 'determined to destroy our democracy'\nBy Jennifer Haberkorn\n"
        "03/05/2024 10:47 PM EST\nPresident Joe Biden released a statement after sweeping the "
        "Democratic contests.\nLink Copied\n"
        "Haley wins Vermont\nBy Natalie Allison\n03/05/2024 09:21 PM EST\n"
        "Nikki Haley has won the Vermont Republican primary, according to the AP.\n"
    )
    got = [(e.headline, e.author, e.time.isoformat() if e.time else None) for e in page.entries]
    assert got == [
        ("Biden statement: Trump 'determined to destroy our democracy'", "Jennifer Haberkorn",
         "2024-03-05T22:47:00-05:00"),
        ("Haley wins Vermont", "Natalie Allison", "2024-03-05T21:21:00-05:00"),
    ]  # fmt: skip


def test_outlet_bylines_in_capitals_initials_and_one_line_places() -> None:
    cnn = read_text(
        "CNN values your feedback\nLive Updates\nDeadly tornadoes tear through Middle Tennessee\n"
        "By Aditi Sangal, Elise Hammond and Tori B. Powell, CNN\n\n"
        "Updated 9:41 p.m. ET, December 10, 2023\nLink Copied!\n\n"
        "6:31 p.m. ET, December 10, 2023\n\nWhy December tornadoes are becoming less unusual\n\n"
        "From CNN Meteorologist Chad Myers\n\n"
        "Tornadoes in December are not unheard of in the South, researchers say.\n"
    )
    assert cnn.page.title == "Deadly tornadoes tear through Middle Tennessee"
    assert cnn.page.authors == ["Aditi Sangal", "Elise Hammond", "Tori B. Powell"]
    assert (cnn.entries[0].author, cnn.entries[0].role) == ("Chad Myers", "CNN Meteorologist")
    aljazeera = read_text(
        "- 3 Mar 2024 - 23:42(21:42 GMT)\nMourners gather in Odesa as rescuers end search\n"
        "Al Jazeera's Zein Basravi, reporting from Odesa\n"
        "Rescue teams have finished clearing the rubble of the nine-storey building here.\n"
        "- 3 Mar 2024 - 22:58(20:58 GMT)\nRussia says it has captured village near Avdiivka\n"
        "Al Jazeera's Zein Basravi, reporting from Odesa, said the village had been shelled.\n"
    )
    first, second = aljazeera.entries
    assert (first.author, first.role, len(first.paragraphs)) == (
        "Zein Basravi",
        "reporting from Odesa",
        1,
    )
    assert (second.author, len(second.paragraphs)) == (None, 1)  # a name inside a sentence


def test_guardian_contributor_and_key_event_over_the_headline() -> None:
    page = read_text(
        "UK politics live: Truscott says schools will get ‘whatever they need’\n"
        "Tue 12 Sep 2023 17.40 BST\n17.18 BST\nAndrew Sparrow\n"
        "Labour says Truscott statement ‘raises more questions than it answers’\n"
        "Lorna Price, the shadow schools minister, said the statement raised questions.\n"
        "13.05 BST\nPeter Walker\nKey event\n"
        "Truscott confirms 104 more schools affected by Raac\n"
        "Gillian Truscott has just told MPs that 104 more schools have been identified.\n"
        "12.31 BST\nPeter Walker\n"
        "Truscott is due to give her statement at about 1pm, her department says.\n"
    )
    got = [(e.clock, e.author, e.labels, e.headline) for e in page.entries]
    assert got == [
        ("17:18", "Andrew Sparrow", [],
         "Labour says Truscott statement ‘raises more questions than it answers’"),
        ("13:05", "Peter Walker", ["Key event"],
         "Truscott confirms 104 more schools affected by Raac"),
        ("12:31", "Peter Walker", [], None),
    ]  # fmt: skip
    assert [len(e.paragraphs) for e in page.entries] == [1, 1, 1]


def test_video_lengths_are_not_post_times() -> None:
    aljazeera = read_text(
        "Sudan war live: RSF shelling kills 19 in El Fasher\nBy Nils Adler and Alma Milisic\n"
        "- 3 Mar 2024 - 21:15(19:15 GMT)\nVideo: Families flee El Fasher on foot\n"
        "Video Duration 01 minutes 12 seconds\n01:12\n"
        "Thousands of people have fled the outskirts of El Fasher after days of shelling.\n"
        "- 3 Mar 2024 - 20:05(18:05 GMT)\nRSF shelling kills 19 at Abu Shouk camp\n"
        "At least 19 people were killed when RSF shells hit the camp.\n"
    )
    assert [e.clock for e in aljazeera.entries] == ["19:15", "18:05"]
    assert aljazeera.entries[0].embeds == ["Video Duration 01 minutes 12 seconds", "01:12"]
    # The player's title under the length is its caption, long as it may be.
    titled = read_text(
        "- 12 Sep 2021 - 17:20(17:20 GMT)\n\nVideo: Kabul residents struggle as prices soar\n\n"
        "Video Duration 02 minutes 31 seconds\n\n02:31\n\n"
        "Prices of food and fuel have soared in Kabul since the Taliban takeover\n\n"
        "The price of flour, cooking oil and fuel has risen sharply in Kabul in recent weeks.\n\n"
        "- 12 Sep 2021 - 16:45(16:45 GMT)\n\nWhat we know about the caretaker government\n\n"
        "The Taliban announced an all-male interim cabinet last week.\n"
    )
    assert [(e.clock, e.headline, len(e.paragraphs)) for e in titled.entries] == [
        ("17:20", "Video: Kabul residents struggle as prices soar", 1),
        ("16:45", "What we know about the caretaker government", 1),
    ]
    assert titled.entries[0].captions == [
        "Prices of food and fuel have soared in Kabul since the Taliban takeover"
    ]
    # RTÉ: a length under the body with nothing over it, far from the clocks around it.
    rte = read_text(
        "Budget 2025 live\nUpdated / Tuesday, 1 Oct 2024 17:48\n15:52\nOpposition leaders respond"
        "\nPearse Doherty said the Budget fails to tackle the housing crisis.\n15:20\n"
        "Watch: Jack Chambers delivers Budget speech\n"
        "Minister for Finance Jack Chambers has begun his Budget speech.\n02:14\n14:41\n"
        "Key measures at a glance\nTwo €125 energy credits will be paid this winter.\n"
    )
    assert [e.clock for e in rte.entries] == ["15:52", "15:20", "14:41"]
    assert rte.entries[1].embeds == ["02:14"]


def test_a_page_updated_after_midnight_dates_its_newest_post() -> None:
    page = read_text(
        "Live: Russia pounds Ukraine with record barrage\nIssued on: 05/01/2024 - 06:42\n"
        "Modified: 06/01/2024 - 00:25\nAll times are Paris time (GMT+1).\n"
        "00:25\nThis live page is no longer being updated. Thank you for following.\n"
        "23:40\nExplosions reported in Kharkiv\nThe governor said several explosions were heard."
        "\n21:15\nPoland scrambles jets\nPoland scrambled jets as Russia launched its attack.\n"
    )
    assert [e.time.isoformat() if e.time else None for e in page.entries][-2:] == [
        "2024-01-05T23:40:00+01:00",
        "2024-01-05T21:15:00+01:00",
    ]


def test_a_numbered_list_on_a_flat_page_of_timed_posts_is_body() -> None:
    text = """\
Chequered flag
published at 16:12 British Summer Time
Lando Norris wins the British Grand Prix. Top 3 at the flag:
1. Lando Norris (McLaren)
2. Oscar Piastri (McLaren)
3. Lewis Hamilton (Ferrari)
'That restart was world class'
published at 16:10 British Summer Time
Jolyon Palmer
Former Renault driver on BBC Radio 5 Live
"Norris nailed the restart and never looked back."
"""
    parsed = read_text(text, source="f1.txt")
    assert parsed.page.rendering != "numbered"
    # A numbered page printing each time on its own line under the number's line stays one.
    numbered = read_text(
        "  1. Headline one\n\n    published at 09:42 Greenwich Mean Time\n\n"
        "    Body text of the first post goes on for a while.\n\n"
        "  2. Headline two\n\n    published at 09:30 Greenwich Mean Time\n\n"
        "    Body text of the second post.\n"
    )
    assert numbered.page.rendering == "numbered"
    assert [(e.headline, e.clock) for e in numbered.entries] == [
        ("Headline one", "09:42"),
        ("Headline two", "09:30"),
    ]
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in parsed.entries] == [
        ("Chequered flag", "16:12", 4),
        ("'That restart was world class'", "16:10", 1),
    ]


def test_a_numbered_list_inside_a_numbered_post_is_body() -> None:
    items = "\n".join(f"      {k}. Driver number {k}" for k in range(1, 11))
    page = read_text(
        "  1. British Grand Prix resultpublished at 16:45 British Summer Time\n\n"
        f"    Here is how the top 10 finished at Silverstone:\n\n{items}\n\n"
        "    Norris picks up 18 points, his best haul of the season so far.\n\n"
        "  2. Chequered flagpublished at 16:38 British Summer Time\n\n"
        "    Max Verstappen wins the British Grand Prix!\n"
    )
    assert [e.headline for e in page.entries] == ["British Grand Prix result", "Chequered flag"]
    assert len(page.entries[0].paragraphs) == 12


def test_a_numbered_summary_over_the_byline_is_the_summary() -> None:
    page = read_text(
        "Summary\n\n  1. Eurostar cancels 14 trains on Friday\n"
        "  2. Passengers queue for up to five hours at St Pancras\n"
        "  3. French customs officers in work-to-rule over pay\n\n"
        "Live Reporting\n\nBy Kate Whitfield, Becky Morley and Ashitha Nair\n\n"
        "All times stated are UK\n\n"
        "  1. Thanks for joining us\n    That's it from our live coverage for today.\n\n"
        "  2. Which trains are cancelled?\n    Eurostar has cancelled four services on Friday."
        "\n\n  3. Good morning\n    Welcome to our live coverage of the disruption.\n"
    )
    assert page.page.summary == [
        "Eurostar cancels 14 trains on Friday",
        "Passengers queue for up to five hours at St Pancras",
        "French customs officers in work-to-rule over pay",
    ]
    assert page.page.authors == ["Kate Whitfield", "Becky Morley", "Ashitha Nair"]
    assert [e.headline for e in page.entries] == [
        "Thanks for joining us",
        "Which trains are cancelled?",
        "Good morning",
    ]


def test_a_sentence_over_a_byline_is_the_headline() -> None:
    page = read_text(
        "Total solar eclipse sweeps across America\n"
        "By Meg Wagner, Amanda Wills and Brian Ries, CNN\n"
        "Updated 7:02 p.m. ET, August 21, 2017\n12:58 p.m. ET, August 21, 2017\n"
        "Don't look directly at the sun. Seriously.\nFrom CNN's Jen Christensen\n"
        "Doctors are reminding everyone that looking directly at the sun can damage your eyes.\n"
        "12:31 p.m. ET, August 21, 2017\nWhat you need to know\n"
        "The eclipse will begin in Oregon at 12:05 p.m. ET and end in South Carolina.\n"
    )
    got = [(e.headline, e.author) for e in page.entries]
    assert got == [
        ("Don't look directly at the sun. Seriously.", "Jen Christensen"),
        ("What you need to know", None),
    ]


def test_sign_offs_under_the_body_are_bylines() -> None:
    page = read_text(
        "Live updates (closed)\n"
        "Knesset passes draft law to extend reservist service\n"
        "The Times of Israel liveblogged Monday’s events as they unfolded.\n"
        "Hezbollah claims anti-tank missile attack on Metula\n"
        "The Hezbollah terror group claims an anti-tank missile attack on a building in Metula."
        "\nThere are no immediate reports of injuries.\n— Emanuel Fabian\n"
        "Knesset passes draft reservist law in preliminary reading\n"
        "The Knesset votes 64-41 to advance a bill extending the maximum age of reserve duty.\n"
        "The bill must pass three more readings to become law.\n— Sam Sokol\n"
        "Rocket sirens sound in Sderot, Nir Am\n"
        "Rocket sirens sound in the southern city of Sderot, the army says.\n"
        "It is the first launch from Gaza at Sderot in more than a week.\n"
    )
    got = [(e.headline, e.author, len(e.paragraphs)) for e in page.entries][-3:]
    assert got == [
        ("Hezbollah claims anti-tank missile attack on Metula", "Emanuel Fabian", 2),
        ("Knesset passes draft reservist law in preliminary reading", "Sam Sokol", 2),
        ("Rocket sirens sound in Sderot, Nir Am", None, 2),
    ]
    rferl = read_text(
        "08:40 16.3.2014\n\nLong lines in Sevastopol:\n\nOur correspondent says there were "
        "lines outside several polling stations.\n\n-- Glenn Kates\n\n09:15 16.3.2014\n\n"
        "Polls have been open for an hour.\n\n-- Compiled by Tony Wesolowsky\n\n"
        "10:37 16.3.2014\n\nThe turnout has passed 40 percent, officials say.\n\n"
        "-- RFE/RL's Ukrainian Service\n"
    )
    assert [e.author for e in rferl.entries] == [
        "Glenn Kates",
        "Tony Wesolowsky",
        "RFE/RL's Ukrainian Service",
    ]
    assert all(e.captions == [] and e.embeds == [] for e in rferl.entries)
    abc = read_text(
        "Oct 10, 2024, 1:12 AM EDT\nCrane collapses in St. Petersburg\n"
        "A construction crane collapsed onto an office building, officials said.\n"
        "-ABC News' Sabina Ghebremedhin\nOct 10, 2024, 12:30 AM EDT\nMilton weakens\n"
        "Milton has weakened to a Category 2 hurricane, the hurricane center said.\n"
        "-ABC News' Ginger Zee and Dan Peck\n"
        "Oct 10, 2024, 12:10 AM EDT\nTaiwan shuts offices\n"
        "Taiwan shut offices and schools in the south as the storm approached the coast.\n"
        "(Reporting by Ben Blanchard and Yimou Lee; Editing by Kim Coghill)\n"
        "Oct 10, 2024, 12:05 AM EDT\nChina warns ships off Fujian coast\n"
        "China's maritime authorities ordered ships to return to port, CCTV reported.\n"
        "(Reporting by Liz Lee and Beijing newsroom; Editing by Christopher Cushing)\n"
    )
    assert [(e.authors, len(e.paragraphs)) for e in abc.entries] == [
        (["Sabina Ghebremedhin"], 1),
        (["Ginger Zee", "Dan Peck"], 1),
        (["Ben Blanchard", "Yimou Lee"], 1),
        (["Liz Lee"], 1),  # a desk credited beside people is no author
    ]


def test_bylines_with_a_handle_a_job_after_a_comma_or_a_city() -> None:
    sky = read_text(
        "Politics latest: Labour launches manifesto\nLive reporting by Ben Bloch and Faith Ridler\n"
        "1h ago\n16:58\nAnalysis\nManifesto is a 'safety first' document\nSam Coates\n"
        "Deputy political editor\n@SamCoatesSky\n"
        "This was a manifesto designed not to lose the election rather than to win it.\n"
        "There was very little in it that was new.\nCopy link\n"
        "2h ago\n16:10\nReform UK to unveil its 'contract' on Monday\n"
        "Reform UK will publish its policy document on Monday, the party has confirmed.\n"
    )
    first = sky.entries[0]
    assert (first.author, first.role, len(first.paragraphs)) == (
        "Sam Coates",
        "Deputy political editor",
        2,
    )
    assert first.embeds == ["@SamCoatesSky", "Copy link"]
    rte = read_text(
        "Budget 2025 live\n17:10\nWhat does it mean for renters?\nSinéad Hussey\n"
        "Consumer Affairs Correspondent\nThe renters' tax credit is to increase by €250.\n"
        "14:05\nSmoking to cost more\nSean Whelan, Economics Correspondent\n"
        "The price of a packet of 20 cigarettes is to rise by 50c from midnight.\n"
    )
    assert [(e.authors, e.role) for e in rte.entries] == [
        (["Sinéad Hussey"], "Consumer Affairs Correspondent"),
        (["Sean Whelan"], "Economics Correspondent"),
    ]
    ft = read_text(
        "Budget 2024 live: Reeves raises taxes by £40bn\n"
        "October 30 2024 6:12 pm\nGilts sell off as investors digest borrowing plans\n"
        "Mary McDougall in London\nUK government bond yields rose sharply after the Budget.\n"
        "October 30 2024 7:00 am\nValentina Romei in London\n"
        "Welcome to our live coverage of the UK Budget.\n"
    )
    assert [(e.headline, e.author, e.place) for e in ft.entries] == [
        ("Gilts sell off as investors digest borrowing plans", "Mary McDougall", "London"),
        (None, "Valentina Romei", "London"),
    ]


def test_a_read_more_link_under_the_body_is_an_embed() -> None:
    page = read_text(
        "Live Blog: Crimea Votes In Disputed Referendum\n\n09:32 16.3.2014\n\nTatars to boycott:"
        "\n\nThe Mejlis has called on its community to stay at home.\n\n"
        "Read more: Crimean Tatars Fear A Return To The Past\n\n10:48 16.3.2014\n\n"
        "Meanwhile in Kyiv, the acting president said Ukraine would never recognize the result.\n"
    )
    assert [e.headline for e in page.entries] == [None, None]
    assert page.entries[0].embeds == ["Read more: Crimean Tatars Fear A Return To The Past"]


def test_more_photo_credits_keep_captions_out_of_the_body() -> None:
    aljazeera = read_text(
        "Sudan war live\n- 3 Mar 2024 - 20:05(18:05 GMT)\nRSF shelling kills 19 at Abu Shouk camp"
        "\nAt least 19 people were killed when RSF shells hit the Abu Shouk displacement camp.\n"
        "Displaced people gather at Abu Shouk camp near El Fasher [AFP]\n"
        "The group said most of the dead were women and children.\n"
        "- 3 Mar 2024 - 17:30(15:30 GMT)\nEgypt and Saudi Arabia urge Ramadan truce\n"
        "Egypt and Saudi Arabia have called on both sides to agree a ceasefire.\n"
    )
    assert aljazeera.entries[0].captions == [
        "Displaced people gather at Abu Shouk camp near El Fasher [AFP]"
    ]
    guardian = read_text(
        "UK politics live\n10.20 BST\nInflation and wages: what the figures show\n"
        "The latest ONS figures show that regular pay grew by 7.8% in the three months to July.\n"
        "ONS chart Composite: ONS\nUnemployment rose to 4.3%, up from 4.2% in the previous three"
        " months.\n09.02 BST\nGood morning. Gillian Truscott is giving a statement to MPs today.\n"
    )
    assert guardian.entries[0].captions == ["ONS chart Composite: ONS"]
    # CNN: a one-sentence caption over its credit, the body going on under them; at the end
    # of a post (AP) the sentence over a lone credit stays the last paragraph.
    cnn = read_text(
        "Live updates: Powerful earthquake strikes off Taiwan\n1:58 a.m. EDT, April 3, 2024\n"
        "Taiwan’s TSMC evacuates some chip plants\nFrom CNN’s Juliana Liu in Hong Kong\n"
        "Taiwan Semiconductor Manufacturing Co. said it had evacuated some of its plants.\n"
        "A damaged building in Hualien on Wednesday.\nCentral News Agency/AFP/Getty Images\n"
        "The company said its safety systems were working normally and staff were returning.\n"
        "1:20 a.m. EDT, April 3, 2024\nEarthquake is Taiwan's strongest in 25 years\n"
        "Wednesday’s earthquake is the strongest to hit the island since 1999.\n"
        "It was felt across the island.\nCentral News Agency/AFP/Getty Images\n"
    )
    assert cnn.entries[0].captions == [
        "A damaged building in Hualien on Wednesday.",
        "Central News Agency/AFP/Getty Images",
    ]
    assert len(cnn.entries[0].paragraphs) == 2
    assert cnn.entries[1].paragraphs[-1] == "It was felt across the island."


def test_two_video_lengths_in_a_row_of_posts() -> None:
    # Two lengths next to each other: each is judged against the posts' clocks around it.
    page = read_text(
        "Live\n17:48\nThat's all for our live coverage\nWe are going to wrap up here today.\n"
        "17:10\nWatch: the minister's speech\nThe minister spoke for an hour in the chamber.\n"
        "02:14\n16:35\nWatch: reaction\nThe opposition said the plan did not go far enough.\n"
        "01:05\n16:02\nKey measures\nTwo energy credits will be paid this winter.\n"
    )
    assert [e.clock for e in page.entries] == ["17:48", "17:10", "16:35", "16:02"]


def test_reach_dated_clock_glued_to_its_author_and_a_badge_over_the_time() -> None:
    page = read_text(
        "Storm Jocelyn LIVE: amber warnings in force\nBySarah Jones, Liam Kelly\n"
        "08:36, 23 Jan 2024Updated 11:32, 24 Jan 2024\n"
        "07:30Sarah Jones\nGood morning\nGood morning and welcome back to our live coverage.\n"
        "The amber warning for Scotland expired at 8am, but a yellow warning remains.\n"
        "KEY EVENT\n22:45, 23 Jan 2024Liam Kelly\nDrivers warned to avoid A66\n"
        "Highways England has closed the A66 between Scotch Corner and Penrith.\n"
    )
    got = [(e.clock, e.date, e.author, e.labels, e.headline) for e in page.entries]
    assert got == [
        ("07:30", "2024-01-24", "Sarah Jones", [], "Good morning"),
        ("22:45", "2024-01-23", "Liam Kelly", ["Key event"], "Drivers warned to avoid A66"),
    ]


def test_sport_moments_and_pundits_open_posts_on_a_flat_page() -> None:
    page = read_text(
        "Arsenal v Chelsea - live\nLive Reporting\nAll times stated are UK\n"
        "Full-time\nThat's it! The Emirates erupts. Arsenal go top of the table.\n"
        "'Bumrah is the best in the world'\nIan Wright\nMatch of the Day pundit\n"
        "He is unplayable when he gets it swinging like that.\n"
        "'Woakes has been superb'\nAlastair Cook\nFormer England captain on Test Match Special\n"
        "People forget what a good batter Chris is.\n"
        "Team news\nArsenal are unchanged from the side that won at Brentford last weekend.\n"
        "Morning all\nWelcome to live coverage of Arsenal v Chelsea in the Premier League.\n"
    )
    got = [(e.headline, e.author, e.role, e.place) for e in page.entries]
    assert got == [
        ("Full-time", None, None, None),
        ("'Bumrah is the best in the world'", "Ian Wright", "Match of the Day pundit", None),
        ("'Woakes has been superb'", "Alastair Cook",
         "Former England captain on Test Match Special", None),
        ("Team news", None, None, None),
        ("Morning all", None, None, None),
    ]  # fmt: skip


def test_older_bbc_photo_credits_labels_over_headlines_and_alt_text_over_bylines() -> None:
    local = read_text(
        "Live: Sussex\nLive Reporting\nBy Ben Morland and Helena Wilkins\nAll times stated are UK"
        "\nTravel: A27 reopens at Chichester\n"
        "The A27 has reopened at the Fishbourne roundabout in Chichester after an earlier crash."
        "\nBrighton pier worker scoops award\nPalace Pier\nCopyright: Getty Images\n"
        "A deckchair attendant who has worked on the pier for 41 years has won an award.\n"
    )
    assert [(e.headline, e.captions) for e in local.entries] == [
        ("Travel: A27 reopens at Chichester", []),
        ("Brighton pier worker scoops award", ["Palace Pier", "Copyright: Getty Images"]),
    ]
    scotland = read_text(
        "FMQs: Swinney and Sarwar clash\nLive Reporting\nAll times stated are UK\n"
        "That's all from FMQs\npublished at 12:52 British Summer Time 5 September 2024\n"
        "That's the end of First Minister's Questions for another week.\nAnalysis\n"
        "Who came out on top?\npublished at 12:48 British Summer Time 5 September 2024\n"
        "Glenn Campbell\nBBC Scotland political editor\n"
        "This was a bruising session for John Swinney on the NHS.\n"
    )
    assert [(e.headline, e.labels, e.author) for e in scotland.entries] == [
        ("That's all from FMQs", [], None),
        ("Who came out on top?", ["Analysis"], "Glenn Campbell"),
    ]
    assert scotland.entries[0].embeds == []
    numbered = read_text(
        "Live Reporting\n\nAll times stated are UK\n\n  1. Queue stretches out of the station\n\n"
        "    Queue outside St Pancras\n\n    Simon Jones\n\n"
        "    BBC transport correspondent, St Pancras\n\n"
        "    The queue now stretches out of the station and along Euston Road.\n\n"
        "  2. Good morning\n\n    Welcome to our live coverage of the disruption.\n"
    )
    first = numbered.entries[0]
    assert (first.author, first.role, first.captions) == (
        "Simon Jones",
        "BBC transport correspondent, St Pancras",
        ["Queue outside St Pancras"],
    )


def test_two_numbered_pages_one_after_the_other_keep_all_their_posts() -> None:
    one = (
        "Live Reporting\n\nAll times stated are UK\n\n"
        "  1. Thanks for joining us\n\n    That's it from our live coverage for today.\n\n"
        "  2. Good morning\n\n    Welcome to our live coverage of the disruption.\n\n"
    )
    page = read_text(one + one.replace("disruption", "strike"))
    assert len(page.entries) == 4


def test_a_window_that_opens_inside_a_post_keeps_its_tail() -> None:
    page = read_text(
        "Kremlin spokesman Dmitry Peskov has said fatigue in the United States will grow.\n"
        "“We predict that fatigue from financing this conflict will grow,” Peskov said.\n"
        "- 3 Oct 2023 - 22:05(19:05 GMT)\nPoland and Ukraine agree to speed up grain transit\n"
        "Poland and Ukraine have agreed to speed up inspections of Ukrainian grain.\n"
    )
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in page.entries] == [
        (None, None, 2),
        ("Poland and Ukraine agree to speed up grain transit", "19:05", 1),
    ]
    assert page.page.title is None
    assert not any("above the first post" in n for n in page.page.notes)
    welcome = read_text(
        "Good morning and welcome to our live coverage of the state visit to Kenya.\n"
        "The couple arrived last night and will spend four days in the country.\n"
        "Article share tools\nPosted at 11:0211:02\nKing and Queen land in Nairobi\n"
        "The King and Queen landed at Jomo Kenyatta International Airport last night.\n"
    )
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in welcome.entries] == [
        (None, None, 2),
        ("King and Queen land in Nairobi", "11:02", 1),
    ]
    # A sentence closed by its sources over a photo's caption; a lead-in on "our live blog".
    rferl = "\n\n11:08 11.6.2015\n\nThe separatists say they are ready to exchange prisoners.\n"
    sourced = read_text(
        "Lavrov also accused Kyiv of sabotaging the Minsk agreements by refusing to talk to"
        " the separatist leaders in Donetsk and Luhansk. (TASS, Interfax)\n\n"
        "Russian Foreign Minister Sergei Lavrov (file photo)" + rferl
    )
    recap = read_text(
        "Welcome to our live blog on the crisis in Ukraine. Here's a quick recap:\n\n"
        "Kyiv says two servicemen were killed and five wounded in the past 24 hours.\n\n"
        "The OSCE says it recorded more than 100 explosions overnight near Donetsk airport." + rferl
    )
    for page, paragraphs in ((sourced, 1), (recap, 3)):
        assert [(e.clock, len(e.paragraphs)) for e in page.entries] == [
            (None, paragraphs),
            ("11:08", 1),
        ]
        assert page.page.title is None
    assert sourced.entries[0].captions == ["Russian Foreign Minister Sergei Lavrov (file photo)"]


def test_title_case_headlines_are_not_names() -> None:
    page = read_text(
        "10:31 10.8.2020\n\nInternet access remains severely disrupted across Belarus.\n\n"
        "11:18 10.8.2020\n\nTsikhanouskaya Holds Press Conference\n\n"
        "Svyatlana Tsikhanouskaya told reporters in Minsk that she considers herself the winner."
        "\n"
    )
    assert [(e.headline, e.author) for e in page.entries] == [
        (None, None),
        ("Tsikhanouskaya Holds Press Conference", None),
    ]
    ndtv = read_text(
        "Aug 01, 2024 14:58 (IST)\nAmit Shah Dials Himachal CM\n"
        "Union Home Minister Amit Shah spoke to Chief Minister Sukhvinder Singh Sukhu.\n"
        "Aug 01, 2024 14:10 (IST)\nHimachal Cloudburst: What We Know So Far\n"
        "At least four people have died and 50 are missing after cloudbursts in Shimla.\n"
    )
    rferl = read_text(
        "16:15 2.3.2022\n\nKharkiv Police Headquarters Hit\n\n"
        "The regional police headquarters in Kharkiv were hit by a Russian strike.\n\n"
        "17:02 2.3.2022\n\nApple says it has stopped selling its products in Russia.\n"
    )
    assert (rferl.entries[0].headline, rferl.entries[0].author) == (
        "Kharkiv Police Headquarters Hit",
        None,
    )
    assert (ndtv.entries[0].headline, ndtv.entries[0].author) == (
        "Amit Shah Dials Himachal CM",
        None,
    )
    signed = read_text(
        "11:30 10.8.2020\n\nPutin Congratulates Lukashenka\n\n"
        "Russian President Vladimir Putin has sent a message congratulating Lukashenka.\n\n"
        "-- Carl Schreck\n\n12:15 10.8.2020\n\nRiot Police Detained Thousands Overnight\n\n"
        "Riot police in Minsk and other cities detained about 3,000 people overnight.\n"
    )
    untitled = read_text(
        "13:45 2.3.2022\n\nThe U.S. Justice Department is creating a task force on oligarchs.\n"
        '\n"We will leave no stone unturned," Garland said.\n\n-- Todd Prince\n\n'
        "14:30 2.3.2022\n\nUN General Assembly Votes To Condemn Invasion\n\n"
        "The UN General Assembly has voted overwhelmingly to demand that Russia stop.\n"
    )
    assert [e.author for e in untitled.entries] == ["Todd Prince", None]
    assert [(e.headline, e.author) for e in signed.entries] == [
        ("Putin Congratulates Lukashenka", "Carl Schreck"),
        ("Riot Police Detained Thousands Overnight", None),
    ]


def test_cnn_courtesy_credit_under_a_caption() -> None:
    page = read_text(
        "4:21 p.m. ET, February 12, 2024\n"
        'Hostages freed in Rafah are in "good condition," hospital says\n'
        "From CNN's Lauren Kent and Abeer Salman\n"
        "Fernando Simon Marman, left, and Louis Har, right, were rescued in Rafah.\n"
        "Courtesy Hostages and Missing Families Forum\n"
        "The two hostages rescued from Rafah are in good condition, the hospital says.\n"
        "Link Copied!\n3:40 p.m. ET, February 12, 2024\n"
        "Palestinians in Rafah describe night of strikes\n"
        "Residents of Rafah described a night of heavy bombardment.\n"
    )
    first = page.entries[0]
    assert len(first.paragraphs) == 1
    assert first.captions == [
        "Fernando Simon Marman, left, and Louis Har, right, were rescued in Rafah.",
        "Courtesy Hostages and Missing Families Forum",
    ]


def test_cnn_job_before_the_name_and_the_time_printed_twice_over_a_link() -> None:
    cnn = read_text(
        "1:22 a.m. ET, August 27, 2020\n\nTexas governor says state has rescuers ready\n\n"
        "Texas Gov. Greg Abbott said the state has positioned more than 1,800 rescuers.\n\n"
        "12:58 a.m. ET, August 27, 2020\n\nEye of Laura is about to come ashore\n\n"
        "From CNN meteorologist Brandon Miller\n\n"
        "The eye of Hurricane Laura is now just offshore of Cameron Parish.\n"
    )
    assert (cnn.entries[1].author, cnn.entries[1].role) == ("Brandon Miller", "CNN meteorologist")
    guardian = read_text(
        "10.05am BST\n10:05\n\nHunt says strike is ‘a very dark day’\n\n"
        "Speaking outside his home this morning, Jeremy Hunt said it was a very dark day.\n\n"
        "9.21am BST\n09:21\n\nYou can read our news story on the start of the strike here.\n\n"
        "Junior doctors begin first all-out strike in NHS history\n\n8.52am BST\n08:52\n\n"
        "At 8am junior doctors in England began the first all-out strike in the NHS.\n"
    )
    assert [e.headline for e in guardian.entries] == [
        "Hunt says strike is ‘a very dark day’",
        None,
        None,
    ]


def test_windows_opening_on_a_byline_or_on_paragraphs_over_furniture() -> None:
    abc = read_text(
        "By Jessica Riga\n"
        "Medvedev takes the second set 6-3 and is one set from his second title.\n"
        "Sinner hasn't found his rhythm at all, with 14 unforced errors so far.\nShare post\n"
        "Sun 28 Jan 2024 at 9:05pm\nMedvedev wins the first set\nBy Simon Smale\n"
        "Medvedev takes the first set 6-3 in 36 minutes.\n"
    )
    assert [(e.headline, e.author, len(e.paragraphs)) for e in abc.entries] == [
        (None, "Jessica Riga", 2),
        ("Medvedev wins the first set", "Simon Smale", 1),
    ]
    assert abc.page.title is None
    dw = read_text(
        '"The situation is difficult but under control," the regional governor said.\n\n'
        "He said more than 1,700 people had been evacuated from border communities.\n\n"
        "ab/sms (AP, dpa)\n\nSkip next section Germany's Scholz calls for more air defense\n\n"
        "05/11/2024May 11, 2024\n\nGermany's Scholz calls for more air defense\n\n"
        "German Chancellor Olaf Scholz has called on allies to send more air defense systems.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in dw.entries] == [
        (None, 2),
        ("Germany's Scholz calls for more air defense", 1),
    ]


@pytest.mark.parametrize("time", ["13:45\n\n", ""])
def test_dw_video_player_notice_title_and_length(time: str) -> None:
    # With the time cut off, the window opens on the post's headline.
    page = read_text(
        f"{time}Kyiv residents describe morning of drone attacks\n\n"
        "DW's Nick Connolly reports from Kyiv that people were woken by air raid sirens.\n\n"
        "To view this video please enable JavaScript, and consider upgrading to a web browser "
        "that supports HTML5 video\n\nKyiv hit by 'kamikaze drones'\n\n02:14\n\n"
        '"We heard the buzzing first, like a moped, and then the explosion," one woman said.\n\n'
        "dh/wmr\n\n12:20\n\nRussia: Moscow mobilization complete, says mayor\n\n"
        "Moscow Mayor Sergei Sobyanin said the partial mobilization had been completed.\n"
    )
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in page.entries] == [
        ("Kyiv residents describe morning of drone attacks", "13:45" if time else None, 2),
        ("Russia: Moscow mobilization complete, says mayor", "12:20", 1),
    ]
    first = page.entries[0]
    assert first.captions == ["Kyiv hit by 'kamikaze drones'"]
    assert first.embeds[:2] == [
        "To view this video please enable JavaScript, and consider upgrading to a web browser "
        "that supports HTML5 video",
        "02:14",
    ]


def test_abc_credits_share_post_and_key_events_over_times() -> None:
    page = read_text(
        "Australian Open live\nSun 28 Jan 2024 at 9:47pm\nMedvedev takes two-set lead\n"
        "By Jessica Riga\nMedvedev takes the second set 6-3 and is one set from the title.\n"
        "Daniil Medvedev serves during the first set. (Reuters: Edgar Su)\nShare post\n"
        "Key Event\nSun 28 Jan 2024 at 8:50pm\nCounting under way as polls close\n"
        "By Jessica Riga\nPolls have closed at 4pm local time and counting has begun.\n"
        "An election official holds up a ballot as votes are counted in Taipei (REUTERS)\n"
        "Ballots are counted by hand and in public.\nShare post\n"
    )
    first, second = page.entries
    assert first.captions == ["Daniil Medvedev serves during the first set. (Reuters: Edgar Su)"]
    assert first.embeds == ["Share post"] and first.labels == []
    assert second.labels == ["Key event"]
    assert second.captions == [
        "An election official holds up a ballot as votes are counted in Taipei (REUTERS)"
    ]
    assert len(second.paragraphs) == 2


@pytest.mark.parametrize(
    "small_print",
    [
        "Source: Al Jazeera and news agencies",
        "guardian.co.uk © Guardian News and Media Limited 2011",
    ],
)
def test_a_pages_small_print_is_not_the_last_posts(small_print: str) -> None:
    page = read_text(
        "- 3 Oct 2023 - 14:55(11:55 GMT)\nWelcome to our live coverage\n"
        "Hello and welcome to our continuing coverage of the war in Ukraine.\n" + small_print + "\n"
    )
    e = page.entries[-1]
    assert small_print not in e.paragraphs + e.captions + e.embeds


def test_a_window_cut_under_a_headline_or_a_name_keeps_them() -> None:
    guardian = read_text(
        "1h ago\n15.30 BST\nAletha Adu\nLabour says climbdown shows Sunak ‘too weak to lead’\n"
        "Ed Miliband said the concession showed the prime minister was too weak to lead.\n"
        "5h ago\n11.58 BST\nAletha Adu\nYousaf says SNP will table Holyrood motion on Gaza\n"
    )
    assert [(e.headline, e.author) for e in guardian.entries][-1] == (
        "Yousaf says SNP will table Holyrood motion on Gaza",
        "Aletha Adu",
    )
    nyt = read_text(
        "April 3, 2024, 11:55 a.m. ET\n\nTSMC says most of its equipment has recovered\n\n"
        "John Liu\n\nThe chipmaker said more than 70 percent of its equipment had recovered.\n\n"
        "April 3, 2024, 10:02 a.m. ET\n\nChina offers help, and Taiwan politely declines\n\n"
        "Chris Buckley\n"
    )
    assert [(e.headline, e.author) for e in nyt.entries][-1] == (
        "China offers help, and Taiwan politely declines",
        "Chris Buckley",
    )


def test_a_window_under_a_local_live_posts_time_with_a_photo_among_its_paragraphs() -> None:
    page = read_text(
        "Weather: Snow showers easing this afternoon\n\nPaul Hudson\n\n"
        "BBC Look North weather presenter\n\n"
        "Snow showers will continue this morning, especially over the Pennines and the Moors.\n\n"
        "The showers should become fewer and lighter through the afternoon, with sunny spells.\n\n"
        "Weather map\n\n"
        "Tonight will be clear and very cold, with a widespread hard frost in rural areas.\n\n"
        "Posted at 09:20\n\n'I walked three miles to work'\n\n"
        "Nurse Claire Pickersgill says she walked three miles through the snow this morning.\n"
    )
    assert page.page.title is None
    first = page.entries[0]
    assert (first.headline, first.author, first.role, first.clock) == (
        "Weather: Snow showers easing this afternoon",
        "Paul Hudson",
        "BBC Look North weather presenter",
        None,
    )
    assert (len(first.paragraphs), first.captions) == (3, ["Weather map"])


@pytest.mark.parametrize("cut", [False, True])
def test_a_guardian_headline_ending_in_an_exclamation(cut: bool) -> None:
    top = "" if cut else "17.58 BST\n\nKey event\n\n"
    page = read_text(
        f"{top}WICKET! Brook c Smith b Hazlewood 3 – no, it's a no-ball!\n\n"
        "80th over: England 352-4 (Root 66, Brook 3) Smith takes a sharp low catch at slip.\n\n"
        "The third umpire has checked the front foot and Hazlewood is over.\n\n"
        "Updated at 17.58 BST\n\n17.39 BST\n\nKey event\n\n"
        "WICKET! Crawley b Green 189 (England 351-4)\n\n"
        "Cameron Green finally gets his man! Crawley loses his middle stump.\n\n"
        "2.31pm BST\n\nThat's it from me. Thanks for reading and emailing. Bye!\n"
    )
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in page.entries] == [
        ("WICKET! Brook c Smith b Hazlewood 3 – no, it's a no-ball!", None if cut else "17:58", 2),
        ("WICKET! Crawley b Green 189 (England 351-4)", "17:39", 1),
        (None, "14:31", 1),  # a sign-off of sentences is no headline
    ]
    assert page.page.title is None and page.page.standfirst is None
    # ... also under the contributor's name and the label.
    named = read_text(
        "49m ago\n\n17.53 BST\n\nTanya Aldred\n\nKey event\n\n"
        "WICKET! Brook c Smith b Hazlewood 3 – no, it's a no-ball!\n\n"
        "Smith takes a sharp low catch at second slip, but Hazlewood has overstepped.\n"
    )
    assert [(e.headline, e.author, e.labels) for e in named.entries] == [
        ("WICKET! Brook c Smith b Hazlewood 3 – no, it's a no-ball!", "Tanya Aldred", ["Key event"])
    ]


def test_a_window_under_a_cut_time_with_a_credit_a_short_sentence_or_a_video() -> None:
    cnn = read_text(
        "School bombed in Luhansk village, governor says\n"
        "From CNN's Yulia Kesaieva and Jo Shelley\n"
        "A Russian airstrike hit a school in the village of Bilohorivka on Saturday, he says.\n"
        "Smoke rises from the school in Bilohorivka after the strike.\n"
        "Luhansk Regional Military Administration/Telegram\n"
        "CNN cannot independently verify the governor's claims.\nLink Copied!\n"
        "10:52 a.m. ET, May 7, 2022\nG7 leaders to hold video call with Zelensky on Sunday\n"
        "From CNN's Betsy Klein\nUS President Joe Biden will join other G7 leaders on a call.\n"
    )
    assert cnn.page.title is None
    assert [(e.headline, e.author, e.clock) for e in cnn.entries] == [
        ("School bombed in Luhansk village, governor says", "Yulia Kesaieva", None),
        ("G7 leaders to hold video call with Zelensky on Sunday", "Betsy Klein", "10:52"),
    ]
    telegraph = read_text(
        "Jenrick: 'I will not stop fighting for this'\n"
        'Robert Jenrick told the Commons that the Bill as drafted "will not work", he said.\n'
        "Mr Jenrick resigned from the Government in December in protest at the legislation.\n"
        "Watch: Robert Jenrick tells MPs the Rwanda Bill 'will not work'\n01:12\n"
        "4:20pm\nLabour: Tories 'tearing themselves apart' again\n"
        "Labour said the Conservatives were tearing themselves apart over the Bill again.\n"
    )
    assert [(e.headline, e.clock) for e in telegraph.entries] == [
        ("Jenrick: 'I will not stop fighting for this'", None),
        ("Labour: Tories 'tearing themselves apart' again", "16:20"),
    ]
    assert telegraph.entries[0].captions == [
        "Watch: Robert Jenrick tells MPs the Rwanda Bill 'will not work'"
    ]
    # RFE/RL's credit under the body; a headline with "Latest" over three paragraphs.
    rferl = read_text(
        "U.S. Warns Russia Could Use Chemical Weapons\n\n"
        "White House press secretary Jen Psaki has warned that Russia could use such weapons.\n\n"
        "The Russian Defense Ministry has repeated the claims, which have been dismissed.\n\n"
        "With reporting by AP, AFP, and Reuters\n\n00:52 10.3.2022\n\n"
        "Lavrov, Kuleba Arrive In Antalya For Talks\n\n"
        "The foreign ministers of Russia and Ukraine have arrived in Antalya for talks.\n"
    )
    assert rferl.entries[0].headline == "U.S. Warns Russia Could Use Chemical Weapons"
    totals = read_text(
        "Latest totals: Labour 141, Conservatives 19\n\n"
        "With 186 of 650 seats declared, here are the totals so far:\n\n"
        "Labour: 141 (up 58)\nConservatives: 19 (down 72)\nLib Dems: 14 (up 12)\n\n"
        "Labour's share of the vote is running at 35%, only slightly above what it was in 2019.\n\n"
        "Prof Sir John Curtice told the BBC a few minutes ago that this would be a record.\n\n"
        "2.12am BST\n\nStarmer arrives at Holborn and St Pancras count\n\n"
        "Keir Starmer has arrived at the count for his own seat in north London.\n"
    )
    assert totals.page.title is None
    assert totals.entries[0].headline == "Latest totals: Labour 141, Conservatives 19"


def test_a_window_under_a_cut_time_with_a_pull_quote_among_the_paragraphs() -> None:
    page = read_text(
        "'Barbuda is barely habitable'\n"
        "Antigua and Barbuda's Prime Minister Gaston Browne has given a grim assessment.\n"
        "Quote Message: It is heart-wrenching. Ninety-five percent of the properties have been "
        "damaged. from Gaston Browne Prime Minister of Antigua and Barbuda\n"
        "He said a two-year-old child had been killed as a family tried to escape.\n"
        "Article share tools\nPosted at 15:1915:19\nFrench islands: 'Like a bomb went off'\n"
        "Hugh Schofield\nBBC Paris correspondent\n"
        "France's interior minister has said eight people are now known to have died.\n"
    )
    assert page.page.title is None
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in page.entries] == [
        ("'Barbuda is barely habitable'", None, 3),
        ("French islands: 'Like a bomb went off'", "15:19", 1),
    ]


def test_a_window_opening_on_a_posts_last_bullet_over_its_share_tools() -> None:
    page = read_text(
        "• UK unemployment rose unexpectedly to 5.6% in the three months to June.\n\n"
        "Share on Facebook\n\nShare on Twitter\n\n11.52am BST\n\n11:52\n\n"
        "Analysts: 'This is about exports, whatever Beijing says'\n\n"
        "The City's economists are not convinced by the People's Bank of China.\n"
    )
    assert page.page.summary == []
    assert [(e.clock, len(e.paragraphs)) for e in page.entries] == [(None, 1), ("11:52", 1)]


def test_a_window_opening_on_a_sub_head_and_one_paragraph_over_the_first_time() -> None:
    # A key events post's last sub-head: no page's title, and its text is no standfirst.
    page = read_text(
        "Humanitarian situation\n"
        "The World Food Programme says it has been unable to reach El Fasher for three weeks.\n"
        "- 14 Apr 2024 - 23:55(20:55 GMT)\n"
        "Displaced families sleep in the open near Port Sudan\n"
        "Every day more families arrive here from Khartoum and Gezira state.\n"
        "The camps on the edge of the city are full, and aid workers have run out of tents.\n"
    )
    assert page.page.title is None and page.page.standfirst is None
    assert [(e.clock, len(e.paragraphs)) for e in page.entries] == [(None, 1), ("20:55", 2)]


def test_a_window_under_a_cut_time_counts_a_lists_items_and_a_bare_length_at_the_top() -> None:
    aljazeera = read_text(
        "Here are the latest death tolls\n"
        "The combined death toll in Turkey and Syria has risen to more than 11,000. "
        "Here is the breakdown:\n"
        "- Turkey: 8,574 dead, according to the disaster management agency AFAD\n"
        "- Government-held areas of Syria: 1,262 dead, according to the health ministry\n"
        "Posted by Linah Alsaafin\n- 8 Feb 2023 - 23:48(20:48 GMT)\n"
        "Survivors in Antakya shelter in cars and tents\n"
        "Thousands of people here have spent a third night out in the open.\n"
    )
    assert aljazeera.page.title is None
    assert [(e.headline, e.author, len(e.paragraphs)) for e in aljazeera.entries] == [
        ("Here are the latest death tolls", "Linah Alsaafin", 3),
        ("Survivors in Antakya shelter in cars and tents", None, 1),
    ]
    sky = read_text(
        "1:48\nMourners describe the wait to see the Queen's coffin\n"
        "Sky's Alexander Cohen has been speaking to people in the queue since the early hours.\n"
        "Copy link\n2h ago\n17:52\nQueue 'will remain paused for at least six hours'\n"
        "Stewards here are telling people who arrive that the queue has been closed.\n"
        "Copy link\n3h ago\n16:45\nDavid Beckham has spent more than 12 hours in the queue.\n"
    )
    assert [e.clock for e in sky.entries] == [None, "17:52", "16:45"]
    assert sky.entries[0].embeds[0] == "1:48"


def test_a_window_that_opens_under_a_posts_time_keeps_the_post() -> None:
    guardian = read_text(
        "Andrew Sparrow\nKey event\nGovernment concedes on onshore wind after rebels’ threat\n"
        "The government has accepted the amendment tabled by the former secretary Simon Clarke.\n"
        "Lee Rowley, the housing minister, told MPs the government recognises the feeling.\n"
        "Simon Clarke speaking in the Commons. Photograph: Parliament TV\nUpdated at 15.06 BST\n"
        "2h ago\n14.21 BST\nAletha Adu\nSunak confident planning bill will pass tonight\n"
        "Downing Street has said the prime minister is confident the planning bill will pass.\n"
    )
    assert [
        (e.headline, e.author, e.labels, e.clock, len(e.paragraphs)) for e in guardian.entries
    ] == [
        (
            "Government concedes on onshore wind after rebels’ threat",
            "Andrew Sparrow",
            ["Key event"],
            None,
            2,
        ),
        ("Sunak confident planning bill will pass tonight", "Aletha Adu", [], "14:21", 1),
    ]
    assert guardian.page.title is None and guardian.page.updated is None
    # One paragraph is enough when the post's own share tool closes it (Sky's "Copy link").
    sky = read_text(
        "Reeves: 'No return to austerity'\n"
        "The chancellor has told MPs there will be no return to austerity under Labour.\n"
        "Copy link\n3h ago\n15:50\nPound falls as chancellor speaks\n"
        "The pound fell against the dollar as the chancellor began her statement.\nCopy link\n"
    )
    assert [(e.headline, e.clock) for e in sky.entries] == [
        ("Reeves: 'No return to austerity'", None),
        ("Pound falls as chancellor speaks", "15:50"),
    ]
    cnn = read_text(
        "Hurricane Laura makes landfall near Cameron, Louisiana\n\n"
        "From CNN's Dave Alsup and Hollie Silverman\n\n"
        "Hurricane Laura made landfall at 1 a.m. CT near Cameron, as a Category 4 storm.\n\n"
        "It is tied for the strongest hurricane to make landfall in Louisiana on record.\n\n"
        "1:22 a.m. ET, August 27, 2020\n\nTexas governor says state has 1,800 rescuers ready\n\n"
        "Texas Gov. Greg Abbott said the state has positioned more than 1,800 rescuers.\n"
    )
    assert [(e.headline, e.authors, e.clock) for e in cnn.entries] == [
        (
            "Hurricane Laura makes landfall near Cameron, Louisiana",
            ["Dave Alsup", "Hollie Silverman"],
            None,
        ),
        ("Texas governor says state has 1,800 rescuers ready", [], "01:22"),
    ]
    assert cnn.page.title is None and cnn.page.authors == []
    bbc = read_text(
        "'I almost didn't come this year'\nNatasha Lynch\nAt Reading Festival\n"
        "Ellie, 17, told me she nearly stayed at home because of the cost of tickets.\n"
        '"My mum said she\'d pay half if I got my A-level results. So I did, and here I am."\n'
        "Article share tools\nPosted at 21:2021:20\nWeather warning for Leeds\n"
        "The Met Office has issued a yellow weather warning for thunderstorms.\n"
    )
    assert [(e.headline, e.author, e.role, e.clock) for e in bbc.entries] == [
        ("'I almost didn't come this year'", "Natasha Lynch", "At Reading Festival", None),
        ("Weather warning for Leeds", None, None, "21:20"),
    ]
    # A photo and its credit, then the tail of the post under them.
    aljazeera = read_text(
        "Relatives of missing soldiers hold photographs at a rally [Gleb Garanich/Reuters]\n"
        "“We have heard nothing for eight months,” said Olena, whose husband disappeared.\n"
        "- 3 Oct 2023 - 18:02(15:02 GMT)\nUkraine to hold Black Sea security conference\n"
        "Ukraine will host an international conference on Black Sea security later this month.\n"
    )
    first = aljazeera.entries[0]
    assert (first.headline, first.clock, len(first.paragraphs), len(first.captions)) == (
        None,
        None,
        1,
        1,
    )


@pytest.mark.parametrize(
    "top",
    [
        # A title over one standfirst is the page's top, not a post.
        "Sweden and Finland apply to join Nato\n"
        "Both countries hand in their applications in Brussels as Turkey objects.\n",
        # Two sentences, then the page's byline and its dated stamp.
        "Sweden and Finland apply to join Nato\n"
        "Both countries hand in their applications in Brussels as Turkey objects.\n"
        "Russia says it will respond with military-technical measures.\n"
        "Andrew Roth in Moscow and Ben Quinn\nWed 18 May 2022 14.00 BST\n",
        # A live title over two sentences.
        "Russia-Ukraine war live: Sweden and Finland apply to join Nato\n"
        "Both countries hand in their applications in Brussels as Turkey objects.\n"
        "Russia says it will respond with military-technical measures.\n",
    ],
)
def test_a_pages_own_top_is_not_a_post_without_its_time(top: str) -> None:
    page = read_text(
        top + "4.49pm BST\n16:49\nAndersson says Sweden will be safer in Nato\n"
        "Sweden’s prime minister said Russia’s aggression led to the decision to apply.\n"
    )
    assert len(page.entries) == 1
    assert page.page.title is not None and "Nato" in page.page.title


@pytest.mark.parametrize(
    ("top", "labels"),
    [("Key Event\n", ["Key event"]), ("KEY EVENT\n", ["Key event"]), ("Live\n", [])],
)
def test_a_badge_over_the_first_posts_time_is_its_label(top: str, labels: list[str]) -> None:
    page = read_text(
        top + "Sun 28 Jan 2024 at 9:47pm\nMedvedev takes two-set lead\nBy Jessica Riga\n"
        "Medvedev takes the second set 6-3 and is one set from the title.\nShare post\n"
        "Sun 28 Jan 2024 at 8:50pm\nCounting under way as polls close\nBy Jessica Riga\n"
        "Polls have closed at 4pm local time and counting has begun.\n"
    )
    assert [e.labels for e in page.entries] == [labels, []]
    assert page.entries[0].headline == "Medvedev takes two-set lead"


def test_a_contributor_under_a_pinned_posts_time_is_its_author() -> None:
    page = read_text(
        "US election 2020 live: Biden edges closer to victory\n"
        "Maanvi Singh (now), Joan E Greve and Martin Pengelly (earlier)\n"
        "Fri 6 Nov 2020 01.12 EST\nPinned post\n1h ago01.05 EST\nMaanvi Singh\n"
        "Here's where things stand, as counting continues in the battleground states:\n"
        "Pennsylvania: Biden has overtaken Trump by 5,587 votes.\n"
        "1h ago00.48 EST\nMaanvi Singh\nPhiladelphia officials: 'We are counting every vote'\n"
        "Philadelphia city commissioner Lisa Deeley said the city still has ballots to count.\n"
    )
    assert [(e.headline, e.author, e.labels) for e in page.entries] == [
        (None, "Maanvi Singh", ["Pinned"]),
        ("Philadelphia officials: 'We are counting every vote'", "Maanvi Singh", []),
    ]


def test_washington_post_key_updates_labels_and_credits() -> None:
    page = read_text(
        "Live updates\n"
        "Southwest heat wave: Phoenix breaks all-time June record as power demand surges\n"
        "Updated June 5, 2024 at 3:12 p.m. EDT|Published June 5, 2024 at 7:00 a.m. EDT\n"
        "By Ian Livingston, Kasha Patel and Joanna Slater\nShare\nComment\nKey updates\n"
        "Phoenix hits 117 degrees, its hottest June day on record\n"
        "Las Vegas opens 24-hour cooling centers as overnight lows stay above 90\n"
        "Phoenix hits 117 degrees, its hottest June day on record\nBy Ian Livingston\n"
        "June 5, 2024 at 3:05 p.m. EDT\n"
        "The temperature at Phoenix Sky Harbor reached 117 degrees, the weather service said.\n"
        "A man cools off under a mister at a bus stop in Phoenix on Wednesday. "
        "(Rebecca Noble for The Washington Post)\n"
        "Readings across the Valley were even higher in places, with Buckeye hitting 119.\n"
        "Share\nComment\nAnalysis\n"
        "The Southwest keeps breaking records. Cities are not keeping up.\nBy Joanna Slater\n"
        "June 5, 2024 at 1:10 p.m. EDT\n"
        "Phoenix has spent the past decade trying to adapt to summers that have grown hotter.\n"
        "Share\nComment\n"
    )
    assert page.page.summary == [
        "Phoenix hits 117 degrees, its hottest June day on record",
        "Las Vegas opens 24-hour cooling centers as overnight lows stay above 90",
    ]
    got = [(e.headline, e.labels, e.author, e.clock, len(e.paragraphs)) for e in page.entries]
    assert got == [
        ("Phoenix hits 117 degrees, its hottest June day on record", [], "Ian Livingston",
         "15:05", 2),
        ("The Southwest keeps breaking records. Cities are not keeping up.", ["Analysis"],
         "Joanna Slater", "13:10", 1),
    ]  # fmt: skip
    first = page.entries[0]
    assert first.captions == [
        "A man cools off under a mister at a bus stop in Phoenix on Wednesday. "
        "(Rebecca Noble for The Washington Post)"
    ]
    assert first.embeds == ["Share", "Comment"]


def test_ap_capital_bylines_between_the_headline_and_its_time() -> None:
    page = read_text(
        "LIVE UPDATES\nSuper Tuesday live updates: Trump and Biden roll up wins\n"
        "Haley campaign says she will not drop out tonight\nBY JILL COLVIN AND MEG KINNARD\n"
        "11:46 PM EST, March 5, 2024\nShare\n"
        "Haley's campaign said she had no plans to end her bid on Tuesday night.\n"
        "Voters in Texas report long lines, some equipment trouble\nBY PAUL J. WEBER\n"
        "10:15 PM EST, March 5, 2024\nShare\n"
        "Voters in parts of Harris County reported waits of more than an hour.\n"
        "Trump calls Jones ahead of polls closing\n4:33 PM EST, March 5, 2024\n"
        "By MICHELLE L. PRICE and BILL BARROW\n"
        "President Donald Trump called Jones on Tuesday afternoon to wish him luck.\n"
    )
    assert [(e.headline, e.authors, e.clock) for e in page.entries] == [
        (
            "Haley campaign says she will not drop out tonight",
            ["Jill Colvin", "Meg Kinnard"],
            "23:46",
        ),
        ("Voters in Texas report long lines, some equipment trouble", ["Paul J. Weber"], "22:15"),
        ("Trump calls Jones ahead of polls closing", ["Michelle L. Price", "Bill Barrow"], "16:33"),
    ]
    assert page.page.title == "Super Tuesday live updates: Trump and Biden roll up wins"
    # 2023: the headline, the time (or an age), then "By NAME" in capitals under it.
    cards = read_text(
        "Share\nBiden says federal teams are on the way to Mississippi\n2 hours ago\n"
        "By SEUNG MIN KIM\nWASHINGTON (AP) — President Joe Biden said Friday that he had "
        "approved an emergency declaration.\nFEMA's chief was expected to travel there.\nShare\n"
        "Hundreds of thousands without power across four states\n4:52 PM EDT\n"
        "More than 420,000 homes and businesses were without electricity late on Friday.\n"
        "Share\nTornado was an EF-4 with winds of 170 mph, weather service says\n3:45 PM EDT\n"
        "By JEFF MARTIN\nA preliminary survey found that the tornado was an EF-4.\nShare\n"
    )
    assert [(e.headline, e.author, e.clock) for e in cards.entries] == [
        ("Biden says federal teams are on the way to Mississippi", "Seung Min Kim", None),
        ("Hundreds of thousands without power across four states", None, "16:52"),
        ("Tornado was an EF-4 with winds of 170 mph, weather service says", "Jeff Martin", "15:45"),
    ]
    assert cards.page.title is None


@pytest.mark.parametrize(
    "headline",
    [
        "UN security council fails to adopt resolution",
        "Death toll in Gaza rises to 3,478, says health ministry",
        "Senate committee to grill Qantas chief",
    ],
)
def test_a_headline_with_job_words_under_a_contributor_is_no_role(headline: str) -> None:
    page = read_text(
        f"2h ago\n22.31 BST\nTom Ambrose\n{headline}\n"
        "The United States has vetoed a Brazilian-drafted resolution calling for pauses.\n"
        "3h ago\n21.05 BST\nLéonie Chao-Fong\nSunak to visit Israel on Thursday\n"
        "Rishi Sunak will travel to Israel on Thursday, Downing Street has said.\n"
    )
    first = page.entries[0]
    assert (first.headline, first.author, first.role) == (headline, "Tom Ambrose", None)


@pytest.mark.parametrize(
    "name",
    ["Aled ap Gwyn", "Rhodri ab Owain", "Ursula von der Leyen", "Rob Mayor", "Ben King"],
)
def test_names_with_particles(name: str) -> None:
    page = read_text(
        f"  3. 'We've lost everything again'\n\n    {name}\n\n    BBC Wales\n\n"
        "    In Taff Street, shopkeepers are wading through knee-deep water to their stock.\n\n"
        "  4. Homes without power\n\n    About 2,000 homes in Powys are without electricity.\n"
    )
    assert (page.entries[0].author, page.entries[0].role) == (name, "BBC Wales")


@pytest.mark.parametrize(
    "role",
    [
        "Chief executive of Qantas",
        "Security correspondent",
        "Minister for business",
        "TMS statistician",
        "Former British number one",
    ],
)
def test_roles_with_job_words_stay_roles(role: str) -> None:
    assert bylines.is_role_line(role)


def test_a_numbered_window_that_opens_inside_a_post_keeps_its_tail() -> None:
    page = read_text(
        "    Anne Soy\n    Senior Africa correspondent, Mai Mahiu\n\n"
        "    Standing on the edge of what used to be his village, Joseph Kamau points at mud.\n\n"
        '    "That is where my house was. My whole family is gone," he says.\n\n'
        "  4. Aerial pictures show scale of damagepublished at 08:44 British Summer Time 30 "
        "April 2024\n\n    Images taken from a helicopter this morning show a wide channel.\n\n"
        "  5. What happened at the dam?published at 08:20 British Summer Time 30 April 2024\n\n"
        "    The dam gave way at about 02:30 local time (00:30 BST) on Monday.\n"
    )
    assert [(e.headline, e.author, e.role, e.clock, len(e.paragraphs)) for e in page.entries] == [
        (None, "Anne Soy", "Senior Africa correspondent, Mai Mahiu", None, 2),
        ("Aerial pictures show scale of damage", None, None, "08:44", 1),
        ("What happened at the dam?", None, None, "08:20", 1),
    ]
    assert page.page.title is None and page.page.authors == []
    # A headline-shaped line of the cut post is no headline: that was on its number's line.
    sport = read_text(
        "    Team news\n\n    Arsenal are unchanged from the side that beat Spurs last week.\n\n"
        "  3. 1758: Wenger reacts\n\n    Arsene Wenger says his side deserved all three points.\n\n"
        "  4. 1755: Full-time\n\n    Arsene Wenger does not look happy at all as he walks off.\n"
    )
    first = sport.entries[0]
    assert (first.headline, first.clock, len(first.paragraphs)) == (None, None, 1)


def test_a_photo_credit_near_the_end_is_no_footer() -> None:
    page = read_text(
        "Posted at 21:3821:38\n'I almost didn't come this year'\nNatasha Lynch\n"
        "At Reading Festival\n"
        "Ellie, 17, told me she nearly stayed at home because of the cost of tickets.\n"
        "Ellie, 17, from Bracknell\nCopyright: BBC\nArticle share tools\n"
        "Posted at 21:2021:20\nWeather warning for Leeds\n"
    )
    assert [(e.headline, e.clock) for e in page.entries] == [
        ("'I almost didn't come this year'", "21:38"),
        ("Weather warning for Leeds", "21:20"),
    ]
    assert page.entries[0].captions == ["Ellie, 17, from Bracknell", "Copyright: BBC"]


def test_a_flat_window_that_opens_on_a_byline_or_a_photo_keeps_the_post() -> None:
    byline = read_text(
        "Orla Guerin\nReporting from Istanbul\n"
        "From the terrace of a cafe in Uskudar you can see a black column of smoke drifting.\n"
        "People here have been filming on their phones since the early afternoon.\n"
        "Ferry passengers stranded as services cut\n"
        "Sehir Hatlari, the city's main ferry operator, has cancelled all crossings.\n"
    )
    assert [(e.headline, e.author, e.role, len(e.paragraphs)) for e in byline.entries] == [
        (None, "Orla Guerin", "Reporting from Istanbul", 2),
        ("Ferry passengers stranded as services cut", None, None, 1),
    ]
    assert byline.page.title is None
    photo = read_text(
        "The Aegean Star pictured in 2021\nImage source, MarineTraffic/Getty Images\n"
        "Its Greek operator says it is working closely with the Turkish authorities.\n"
        "Residents told to keep windows shut\nSelin Girit\nBBC Turkish, Istanbul\n"
        "Two municipalities have sent text messages to residents along the shore.\n"
    )
    first = photo.entries[0]
    assert (first.headline, len(first.paragraphs), len(first.captions)) == (None, 1, 2)
    assert photo.page.title is None


def test_a_window_cut_under_an_untimed_headline_or_name_keeps_them() -> None:
    flat = read_text(
        "Smoke visible from across the city\nOrla Guerin\nReporting from Istanbul\n"
        "From the terrace of a cafe in Uskudar you can see a black column of smoke drifting.\n"
        "Smoke rising over the Bosphorus\nImage source, Reuters\nImage caption,\n"
        "The fire could be seen across Istanbul for much of the afternoon\n"
        "Ferry passengers stranded as services cut\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in flat.entries] == [
        ("Smoke visible from across the city", 1),
        ("Ferry passengers stranded as services cut", 0),
    ]
    numbered = read_text(
        "  4. Road closures\n\n    Traffic Wales says drivers should expect long delays.\n\n"
        "  5. 'Unprecedented' river levels\n\n    Steffan Messenger\n"
    )
    assert [(e.headline, e.author) for e in numbered.entries] == [
        ("Road closures", None),
        ("'Unprecedented' river levels", "Steffan Messenger"),
    ]
    # The caption under "Image caption," on the last line is still the caption.
    caption = read_text(
        "Smoke visible from across the city\nOrla Guerin\nReporting from Istanbul\n"
        "From the terrace of a cafe in Uskudar you can see a black column of smoke drifting.\n"
        "Smoke rising over the Bosphorus\nImage source, Reuters\nImage caption,\n"
        "The fire could be seen across Istanbul for much of the afternoon\n"
    )
    assert len(caption.entries) == 1


def test_a_name_over_a_photo_marker_is_the_photos_alt_text() -> None:
    page = read_text(
        "Executive meets for the first time\npublished at 16:45 Greenwich Mean Time\n"
        "The new executive is holding its first meeting in Stormont Castle.\n"
        "'Today is an occasion of historic significance'\n"
        "published at 15:58 Greenwich Mean Time\nMichelle O'Neill\nImage source, PA Media\n"
        "In her first speech as first minister, Michelle O'Neill spoke of reconciliation.\n"
        "Speaker elected\npublished at 14:12 Greenwich Mean Time\n"
        "Edwin Poots of the DUP has been elected Speaker of the Assembly.\n"
    )
    second = page.entries[1]
    assert (second.author, second.captions) == (
        None,
        ["Michelle O'Neill", "Image source, PA Media"],
    )


def test_video_lengths_that_cannot_be_clocks() -> None:
    sky = read_text(
        "38m ago\n21:58\nSunak and Starmer clash over tax claim\n"
        "Labour leader Sir Keir Starmer has accused Rishi Sunak of lying about a claim.\n"
        "Copy link\n56m ago\n21:40\nWatch: The moment the audience laughed at Sunak\n0:37\n"
        "Audience laughs at Sunak's answer on NHS waiting lists\n"
        "The audience in Salford laughed when the prime minister spoke about waiting lists.\n"
        "Copy link\n1h ago\n21:12\nDebate under way\n"
        "The first head-to-head debate of the campaign has begun in Salford.\n"
    )
    assert [(e.clock, len(e.paragraphs)) for e in sky.entries] == [
        ("21:58", 1),
        ("21:40", 1),
        ("21:12", 1),
    ]
    assert sky.entries[1].captions == ["Audience laughs at Sunak's answer on NHS waiting lists"]
    nyt = read_text(
        "Oct. 14, 2023, 5:12 p.m. ET\nThe E.U. will triple humanitarian aid to Gaza\n"
        "The European Commission said it would increase aid to 75 million euros.\n"
        "Video\n0:00/1:13\n-0:00\n"
        "President Biden spoke at a campaign event in Philadelphia on Friday.\n"
        "Oct. 14, 2023, 4:30 p.m. ET\nBiden says helping Gazans is a priority\n"
        "President Biden said on Friday that the United States was working with Egypt.\n"
    )
    assert [e.clock for e in nyt.entries] == ["17:12", "16:30"]


@pytest.mark.parametrize("more", ["Eleven others were taken to hospital in Sariyer.\n", ""])
def test_a_video_has_no_alt_text_over_its_media_caption(more: str) -> None:
    # (Without header facts, a second headline over body text shows a window of posts: the
    # first headline is no title.)
    page = read_text(
        "Two crew members missing, coastguard says\n"
        "The Turkish coastguard says two of the tanker's 24 crew are still unaccounted for.\n"
        + more
        + "Watch: Fireboats battle tanker blaze\n"
        "Footage released by the coastguard shows fireboats spraying foam on the vessel:\n"
        "Media caption,\nWatch: Fireboats battle blaze on tanker in the Bosphorus\n"
        "Why the Bosphorus matters\nPaul Kirby\nEurope digital editor\n"
        "The Bosphorus is one of the busiest and narrowest waterways in the world.\n"
    )
    assert page.page.title is None
    assert len(page.entries) == 3
    video = page.entries[1]
    assert video.paragraphs == [
        "Footage released by the coastguard shows fireboats spraying foam on the vessel:"
    ]
    assert video.captions == [
        "Media caption,",
        "Watch: Fireboats battle blaze on tanker in the Bosphorus",
    ]


def test_window_openings_on_a_lead_in_or_a_short_sentence() -> None:
    telegraph = read_text(
        "Wallace: Putin's generals 'have learnt nothing'\n"
        "Ben Wallace told the Commons Defence Committee:\n"
        '"They are repeating the same mistakes: long supply lines and poor coordination."\n'
        "Asked whether Britain would send rocket systems, he said it was looking at options.\n"
        "3:59 PM\nBoris Johnson speaks to Zelensky\n"
        "The Prime Minister spoke to President Zelensky this afternoon, Downing Street said.\n"
    )
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in telegraph.entries] == [
        ("Wallace: Putin's generals 'have learnt nothing'", None, 3),
        ("Boris Johnson speaks to Zelensky", "15:59", 1),
    ]
    rferl = read_text(
        "Turnout passes one-third threshold:\n\n"
        "More than 940,000 people have voted, meaning the referendum is valid, officials said.\n\n"
        "17:02 20.10.2024\n\nKremlin Says It Is Watching Vote Closely\n\n"
        "Kremlin spokesman Dmitry Peskov told reporters that Moscow was following the vote.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in rferl.entries] == [
        (None, 2),
        ("Kremlin Says It Is Watching Vote Closely", 1),
    ]
    wapo = read_text(
        "Extends a handful of expiring health programs.\n"
        "It does not include aid for Ukraine or Israel, which remains stalled in the House.\n"
        "March 1, 2024 at 3:02 p.m. EST\nHouse passes stopgap bill, 320-99\n"
        "By Theodoric Meyer\nThe House passed the short-term spending bill with broad support.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in wapo.entries] == [
        (None, 2),
        ("House passes stopgap bill, 320-99", 1),
    ]


def test_stock_sign_off_with_an_ellipsis_and_agency_tags_on_quotes() -> None:
    page = read_text(
        "10:45 PM\nAnd that's all for today…\nThanks for following today's liveblog.\n"
        "10:31 PM\nSikorski says Poland will give more for shells\n"
        "Poland will increase its contribution to a Czech-led initiative to buy shells.\n"
        '"We are ready to contribute more, and quickly," he told reporters. (Reuters)\n'
    )
    assert [(e.headline, len(e.paragraphs), e.captions) for e in page.entries] == [
        ("And that's all for today…", 1, []),
        ("Sikorski says Poland will give more for shells", 2, []),
    ]


def test_a_single_post_window_headline_name_and_role() -> None:
    page = read_text(
        "Nuneaton stays blue\n\nPatrick Burns\n\nPolitical editor, BBC Midlands\n\n"
        "The first big result of the night in the Midlands, and it is a bad one for Labour.\n\n"
        "Nuneaton was the kind of marginal Ed Miliband needed to win.\n"
    )
    assert [(e.headline, e.author, e.role) for e in page.entries] == [
        ("Nuneaton stays blue", "Patrick Burns", "Political editor, BBC Midlands")
    ]


def test_exclaimed_headlines_over_their_published_line() -> None:
    page = read_text(
        "British Grand Prix result\npublished at 16:48 British Summer Time 7 July\n"
        "Top 3 at Silverstone:\nLewis Hamilton (Mercedes)\nMax Verstappen (Red Bull)\n"
        "HAMILTON WINS!\npublished at 16:41 British Summer Time 7 July\n"
        "Lewis Hamilton wins the British Grand Prix! He crosses the line 1.4 seconds clear.\n"
        "Lights out!\npublished at 15:03 British Summer Time 7 July\n"
        "We're under way. George Russell keeps the lead from pole.\n"
    )
    assert [(e.headline, e.clock) for e in page.entries] == [
        ("British Grand Prix result", "16:48"),
        ("HAMILTON WINS!", "16:41"),
        ("Lights out!", "15:03"),
    ]


def test_window_edges_at_a_pundits_role_or_a_byline_name() -> None:
    top = read_text(
        "Former Chelsea striker on BBC Radio 5 Live\n"
        '"Chelsea have completely lost their way since the equaliser. There is no energy."\n'
        "Share this post\nPosted at 16:1316:13\nGOAL - Arsenal 1-1 Chelsea\n"
        "Chelsea are level. Eden Hazard skips past Hector Bellerin and pulls it back.\n"
    )
    first = top.entries[0]
    assert (first.headline, first.author, first.role, len(first.paragraphs)) == (
        None,
        None,
        "Former Chelsea striker on BBC Radio 5 Live",
        1,
    )
    assert top.page.title is None
    end = read_text(
        "Recount in Warwickshire North\n\nSitala Peek\n\nBBC News\n\n"
        "There will be a recount in Warwickshire North, where Labour is hoping to win.\n\n"
        "Returning officers say it could be at least an hour before a result.\n\n"
        "Ukip second in Dudley North\n\nSarah Falkland\n"
    )
    assert [(e.headline, e.author) for e in end.entries] == [
        ("Recount in Warwickshire North", "Sitala Peek"),
        ("Ukip second in Dudley North", "Sarah Falkland"),
    ]


def test_an_untitled_bylined_post_under_the_header_and_days_in_an_updates_line() -> None:
    page = read_text(
        "  1. Updates from Thursday 7 May and Friday 8 May\n\nLive Reporting\n\n"
        "All times stated are UK\n\nGet involved\n\n\nSitala Peek\n\nBBC News\n\n"
        "That's it for our overnight election coverage from across the West Midlands.\n\n"
        "Midlands Today will have a full round-up at 18:30 on BBC One.\n\n"
        "Tories take Telford\n\nJo Black\n\nBBC News\n\n"
        "Lucy Allan has won Telford for the Conservatives, unseating Labour's David Wright.\n"
    )
    assert page.page.roster == []
    assert [(e.headline, e.author, len(e.paragraphs)) for e in page.entries] == [
        (None, "Sitala Peek", 2),
        ("Tories take Telford", "Jo Black", 1),
    ]


def test_a_copying_sites_footer_is_dropped() -> None:
    page = read_text(
        "Posted at 10:0210:02\nGood morning\n"
        "Welcome to our live coverage of Philip Hammond's Budget. He stands up at 12:30.\n"
        "The backdrop is a weak economy and a fragile government.\nShare this post\n"
        "Source: BBC News\nShare this:\nFacebook\nTwitter\nRelated Posts\n"
        "Pound rises after inflation figures\nLeave a Reply\n"
        "Your email address will not be published. Required fields are marked *\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [("Good morning", 2)]


@pytest.mark.parametrize("headline", ["What we know so far", "Summary", "What we know"])
def test_a_contributor_over_a_summary_headline(headline: str) -> None:
    page = read_text(
        f"2.57pm BST\n\n14:57\n\nHelen Sullivan\n\n{headline}\n\n"
        "If you are just joining us, here is a quick recap of the main developments today:\n\n"
        "Beirut airport has suspended flights after debris damaged runway lighting.\n\n"
        "2.30pm BST\n\n14:30\n\nFrance urges its citizens to leave Lebanon\n\n"
        "France has urged its nationals to leave Lebanon as soon as possible.\n"
    )
    assert [(e.headline, e.author, e.clock, len(e.paragraphs)) for e in page.entries] == [
        (headline, "Helen Sullivan", "14:57", 2),
        ("France urges its citizens to leave Lebanon", None, "14:30", 1),
    ]
    assert page.page.summary == []


def test_a_photo_block_inside_a_blank_separated_post_does_not_split_it() -> None:
    page = read_text(
        "Tractor run raises £12,000\n\n"
        "More than 150 vintage tractors took part in a charity run around north Essex villages.\n\n"
        "Tractors on the road near Thaxted\nSarah Green\n\n"
        "The organisers say they raised £12,000 for the East Anglian Air Ambulance.\n\n"
        "Cambridge scientists find 'gene link' to migraine\n\nAlex Dunlop\n\n"
        "BBC Look East health correspondent\n\n"
        "Scientists at the University of Cambridge say they have found a gene for migraines.\n"
    )
    assert [(e.headline, e.author, len(e.paragraphs)) for e in page.entries] == [
        ("Tractor run raises £12,000", None, 2),
        ("Cambridge scientists find 'gene link' to migraine", "Alex Dunlop", 1),
    ]
    assert page.entries[0].captions == ["Tractors on the road near Thaxted", "Sarah Green"]


def test_a_flat_window_opening_on_a_headline_over_a_photo() -> None:
    page = read_text(
        "In pictures: Rescue at sea\n"
        "Images from the rescue operation show the scale of the task facing the services.\n"
        "A coastguard vessel alongside the listing ferry\nImage source, Hellenic Coast Guard\n"
        "Image caption,\nA coastguard vessel alongside the listing ferry\n"
        "Greek union calls strike\n"
        "The Panhellenic Seamen's Federation has called a 24-hour strike for Tuesday.\n"
        "Ferries to and from the islands will not sail during the strike, the union says.\n"
        "What is the weather like now?\n"
    )
    assert page.page.title is None
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("In pictures: Rescue at sea", 1),
        ("Greek union calls strike", 2),
        ("What is the weather like now?", 0),
    ]


def test_a_headline_on_the_last_line_under_a_photo_block() -> None:
    page = read_text(
        "Essex cricketers win at Chelmsford\n\n"
        "Essex beat Kent by six wickets with two overs to spare at Chelmsford.\n\n"
        "Ryan ten Doeschate hit an unbeaten 74 to see his side home.\n\n"
        "Ryan ten Doeschate\nEssex County Cricket Club\n\nGreat Yarmouth seal pup rescued\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("Essex cricketers win at Chelmsford", 2),
        ("Great Yarmouth seal pup rescued", 0),
    ]


def test_a_window_holding_one_numbered_item() -> None:
    alone = read_text(
        "  9. Iceland's president: 'Nature is in charge'\n\n"
        "    President Gudni Johannesson said the nation's thoughts were with Grindavik.\n\n"
        '    "Once again we are reminded that nature is in charge," he wrote.\n'
    )
    assert [(e.headline, len(e.paragraphs)) for e in alone.entries] == [
        ("Iceland's president: 'Nature is in charge'", 2)
    ]
    under_a_list = read_text(
        "    The eruption began at 20:23 local time (20:23 GMT)\n\n"
        "    Lava is flowing south and west, towards the coast\n\n"
        "    There is no threat to life, police say\n\n"
        "  9. Iceland's president: 'Nature is in charge'\n\n"
        "    President Gudni Johannesson said the nation's thoughts were with Grindavik.\n"
    )
    assert [e.headline for e in under_a_list.entries] == [
        None,
        "Iceland's president: 'Nature is in charge'",
    ]


def test_a_caption_over_an_untitled_posts_published_line_is_no_headline() -> None:
    page = read_text(
        "Greek PM: 'We are at war with fire'\npublished at 19:20 British Summer Time\n"
        "Prime Minister Kyriakos Mitsotakis has told parliament the country is at war.\n"
        "Kyriakos Mitsotakis\nImage source, EPA\nImage caption,\n"
        "Mitsotakis spoke to MPs in Athens on Monday afternoon\n"
        "published at 19:02 British Summer Time\n"
        "The fire service says 266 firefighters and 10 aircraft are working on the island.\n"
        "Evacuations continue\npublished at 18:40 British Summer Time\n"
        "More than 19,000 people have been moved from their homes and hotels on Rhodes.\n"
    )
    assert [(e.headline, e.clock) for e in page.entries] == [
        ("Greek PM: 'We are at war with fire'", "19:20"),
        (None, "19:02"),
        ("Evacuations continue", "18:40"),
    ]
    assert page.entries[0].captions[-1] == "Mitsotakis spoke to MPs in Athens on Monday afternoon"


def test_correspondents_inside_a_post_are_its_authors() -> None:
    page = read_text(
        "Live Reporting\n\nAll times stated are UK\n\n"
        "  1. Our reporters on the groundpublished at 04:12 British Summer Time 5 July 2024\n\n"
        "    Jessica Parker\n    Reporting from Clacton\n\n"
        "    Nigel Farage is on the stage now.\n\n"
        "    Nick Eardley\n    Reporting from Holborn and St Pancras\n\n"
        "    Sir Keir Starmer has arrived at his count, smiling broadly.\n\n"
        "  2. Polls closepublished at 21:59 British Summer Time 4 July 2024\n\n"
        "    Polling stations across the UK are about to close.\n"
    )
    e = page.entries[0]
    assert (e.authors, e.role, e.captions, len(e.paragraphs)) == (
        ["Jessica Parker", "Nick Eardley"],
        "Reporting from Clacton",
        [],
        2,
    )


def test_a_role_heading_a_department_at_a_company() -> None:
    page = read_text(
        "Posted at 22:0322:03\nDeadline day in numbers\nSimon Gleave\n"
        "Head of analysis, Gracenote\n"
        "More than £150m has been spent by Premier League clubs today alone - a new record.\n"
        "City's spending puts them top of the table for the third summer in a row.\n"
        "Article share tools\nPosted at 21:4821:48\nMangala set for Valencia loan\n"
        "Manchester City defender Eliaquim Mangala is on his way to Valencia on loan.\n"
    )
    first = page.entries[0]
    assert (first.author, first.role, len(first.paragraphs)) == (
        "Simon Gleave",
        "Head of analysis, Gracenote",
        2,
    )


def test_nbc_credit_glued_to_its_caption() -> None:
    page = read_text(
        "7h ago / 2:40 PM EDT\nMark Cuban joins Harris surrogates on the trail\n"
        "Alexandra Marquez\nShare this -\nLink copied\n"
        "Mark Cuban at a Harris campaign event in Milwaukee on Monday.Scott Olson / Getty Images\n"
        "The billionaire investor will campaign for Harris in Wisconsin and Michigan this week.\n"
        "8h ago / 1:29 PM EDT\nEarly voting begins in Georgia: What to know\nCharlie Gile\n"
        "Polls are open from 7 a.m. to 7 p.m. local time at early voting sites across the state.\n"
    )
    first = page.entries[0]
    assert first.author == "Alexandra Marquez"
    assert first.captions == [
        "Mark Cuban at a Harris campaign event in Milwaukee on Monday.Scott Olson / Getty Images"
    ]
    assert len(first.paragraphs) == 1


def test_a_score_strip_under_a_sport_headline() -> None:
    page = read_text(
        "England v India - live\nLive Reporting\nAll times stated are UK\n"
        "Root brings up 50\nJoe Root reaches his 50 with a clip off his pads for two.\n"
        "WICKET - Bairstow lbw b Bumrah 29\nEng 212-5\n"
        "Bumrah does it again. A yorker that swings in late, and the finger goes up.\n"
        "He reviews, but it's three reds.\n"
    )
    assert [e.headline for e in page.entries] == [
        "Root brings up 50",
        "WICKET - Bairstow lbw b Bumrah 29",
    ]
    assert len(page.entries[1].paragraphs) == 2


def test_nyt_headline_ending_in_a_full_stop_over_its_names() -> None:
    page = read_text(
        "Sept. 12, 2023, 1:02 p.m. ET\n\nZelensky says another prisoner swap is being prepared.\n\n"
        "Constant Méheut\n\nReporting from Kyiv\n\n"
        "President Volodymyr Zelensky said on Tuesday that Kyiv was preparing a new exchange.\n\n"
        "The two countries have carried out dozens of swaps since the war began.\n\n"
        "Sept. 12, 2023, 10:20 a.m. ET\n\nDrone attack sets fuel depot on fire in Odesa region.\n\n"
        "Victoria Kim\n\n"
        "A Russian drone attack overnight damaged port and grain infrastructure, officials said.\n"
    )
    assert [(e.clock, e.headline, e.author, e.role, len(e.paragraphs)) for e in page.entries] == [
        (
            "13:02",
            "Zelensky says another prisoner swap is being prepared.",
            "Constant Méheut",
            "Reporting from Kyiv",
            2,
        ),
        ("10:20", "Drone attack sets fuel depot on fire in Odesa region.", "Victoria Kim", None, 1),
    ]


def test_untitled_post_keeps_its_paragraph_over_a_photo_of_a_person() -> None:
    # A sentence over a name alone over a photo's credit is no headline over a byline.
    page = read_text(
        "Posted at 10:20\nThe minister arrived at the summit in Brussels this morning.\n"
        "Sergei Lavrov\nImage source, Reuters\n"
        "He is expected to meet his Chinese counterpart later on Tuesday, officials said.\n"
        "Posted at 10:02\nTalks begin\nThe summit opened with a minute's silence for the victims.\n"
    )
    first = page.entries[0]
    assert (first.headline, first.author) == (None, None)
    assert len(first.paragraphs) == 2


def test_video_lengths_under_a_split_caption_and_at_a_windows_edges() -> None:
    # "Media caption," / the caption / "1:12": the length, never a post's clock.
    flat = read_text(
        "Bawumia: 'I called to congratulate him'published at 18:31 Greenwich Mean Time 8 December"
        " 2024\nVice-President Mahamudu Bawumia has conceded defeat in a televised statement.\n"
        'Media caption,\nBawumia: "The people of Ghana have made their decision"\n2:35\n'
        "Why Ghanaians voted for a familiar facepublished at 17:50 Greenwich Mean Time 8 December"
        " 2024\nKumasi is the heartland of the NPP, so the mood here is subdued.\n"
    )
    assert [e.clock for e in flat.entries] == ["18:31", "17:50"]
    assert "2:35" in flat.entries[0].embeds
    # At a window's top, a padded length over only its video's title, far from the clocks.
    top = read_text(
        "He said Sinn Féin would have used the money to deliver 20,000 affordable homes.\n02:41\n"
        "Pearse Doherty responds to the Budget in the Dáil\n18:12\nWhat it means for renters\n"
        "The rent tax credit is going up from €750 to €1,000 a year for an individual.\n"
        "17:35\nAt a glance: the main measures\nHere are the key points from today's Budget.\n"
    )
    assert [e.clock for e in top.entries] == [None, "18:12", "17:35"]
    # On the window's last line, far from the two clocks over it: a length, its title cut.
    end = read_text(
        "20:32\nMacron to raise farmers' demands with EU leaders\n"
        "President Emmanuel Macron will raise the issue of cheap imports at a summit.\n"
        "19:48\n'We work 70 hours a week'\nFRANCE 24's correspondent spoke to a cereal farmer.\n"
        "03:12\n"
    )
    assert [e.clock for e in end.entries] == ["20:32", "19:48"]
    # The Times of India: "Video: ..." over its length is the video's caption.
    toi = read_text(
        "Jul 25, 2024, 21:12:05 (IST)\n\nWatch: Commuters wade through knee-deep water\n\n"
        "Video: Commuters wade through knee-deep water near Sion station\n01:12\n\n"
        "Commuters had to wade through knee-deep water outside the station on Thursday.\n\n"
        "Jul 25, 2024, 20:40:10 (IST)\n\nLocal trains delayed\n\n"
        "Central Railway said suburban services were running 20 minutes late.\n"
    )
    assert [e.clock for e in toi.entries] == ["21:12", "20:40"]
    assert len(toi.entries[0].paragraphs) == 1


def test_bbc_share_panel_2017_is_furniture() -> None:
    page = read_text(
        "Greening: 'The wrong decision for Britain'\n"
        "Former education secretary Justine Greening has told the Commons the runway is wrong.\n"
        "She said the airport was already the single biggest noise polluter in Europe.\n"
        "Share this post\nCopy this link\nhttps://www.bbc.co.uk/news/live/uk-politics-44574021\n"
        "These are external links and will open in a new window\nClose share panel\n"
        "Posted at 20:55\nJohnson's absence mocked in the chamber\n"
        "The SNP's transport spokesman has drawn laughter by pointing to the empty seat.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("Greening: 'The wrong decision for Britain'", 2),
        ("Johnson's absence mocked in the chamber", 1),
    ]


def test_times_of_israel_signs_under_the_post() -> None:
    page = read_text(
        "Today 11:48 pm\nBiden, Netanyahu speak by phone for first time in nearly a month\n"
        "US President Joe Biden and Prime Minister Benjamin Netanyahu spoke by phone on Tuesday.\n"
        "By Jacob Magid\nToday 10:32 pm\nHostage families protest outside Knesset\n"
        "Several hundred relatives and supporters of hostages rally outside the Knesset.\n"
        "Relatives of hostages protest outside the Knesset. (Chaim Goldberg/Flash90)\n"
        "By Times of Israel Staff\nToday 9:47 pm\nHezbollah claims attacks on two army posts\n"
        "The Hezbollah terror group claims it launched anti-tank missiles at two army positions.\n"
        "By Emanuel Fabian\n"
    )
    assert [(e.author, len(e.paragraphs)) for e in page.entries] == [
        ("Jacob Magid", 1),
        ("Times of Israel Staff", 1),
        ("Emanuel Fabian", 1),
    ]


def test_by_line_over_its_own_time_stays_that_posts_byline() -> None:
    # The Washington Post: a headline that closes a sentence, "By A", the time, paragraphs.
    page = read_text(
        "What is a heat dome?\nBy Kasha Patel\nJune 5, 2024 at 1:55 p.m. EDT\n"
        "A heat dome forms when a strong ridge of high pressure settles over a region.\n"
        "Air under the ridge sinks and warms as it is compressed.\n"
        "The Southwest keeps breaking records. Cities are not keeping up.\nBy Joanna Slater\n"
        "June 5, 2024 at 1:10 p.m. EDT\n"
        "Phoenix has spent the past decade trying to adapt to summers that have grown hotter.\n"
    )
    assert [(e.headline, e.author) for e in page.entries] == [
        ("What is a heat dome?", "Kasha Patel"),
        ("The Southwest keeps breaking records. Cities are not keeping up.", "Joanna Slater"),
    ]


def test_soft_hyphens_and_zero_width_spaces_are_dropped() -> None:
    page = read_text(
        "Brexit: May faces Commons rebellion over customs bill amend\xadments – politics live\n"
        "5.40pm BST\nGovernment wins customs vote by three\n"
        "The govern\xadment has won the vote on new clause 37 by 307 votes to 301.\u200b\n"
    )
    assert page.page.title == (
        "Brexit: May faces Commons rebellion over customs bill amendments – politics live"
    )
    assert page.entries[0].paragraphs == [
        "The government has won the vote on new clause 37 by 307 votes to 301."
    ]


def test_bullets_at_a_windows_top_over_a_sign_off_are_a_cut_post() -> None:
    page = read_text(
        "• The government has narrowly won a vote on the customs bill, by 307 votes to 301.\n"
        "• Theresa May accepted four amendments tabled by the European Research Group.\n"
        "• Justine Greening called for a second referendum on the final deal.\n"
        "That’s all from me for today. Thanks for the comments.\n"
        "5.40pm BST\nGovernment wins customs vote by three\n"
        "The government has won the vote on new clause 37 by 307 votes to 301.\n"
    )
    assert page.page.summary == []
    assert [(e.clock, e.headline, len(e.paragraphs)) for e in page.entries] == [
        (None, None, 4),
        ("17:40", "Government wins customs vote by three", 1),
    ]


def test_widget_cut_at_a_windows_top_is_an_embed() -> None:
    # The last link of Al Jazeera's "Keep reading" box over "end of list": no title.
    page = read_text(
        "Why Libya's dams failed\nend of list\n"
        "The World Health Organization has sent 29 tonnes of medical supplies to Benghazi.\n"
        "- 15 Feb 2024 - 18:20(16:20 GMT)\n2022 report warned of dam collapse\n"
        "A study published in 2022 warned that the two dams needed urgent maintenance.\n"
    )
    assert page.page.title is None
    assert [(e.clock, e.headline, len(e.paragraphs)) for e in page.entries] == [
        (None, None, 1),
        ("16:20", "2022 report warned of dam collapse", 1),
    ]
    # The end of a tweet's consent notice over "End of twitter post by A".
    tweet = read_text(
        "permission before anything is loaded, as they may be using cookies and other\n"
        "technologies. To view this content choose ‘accept and continue’.\n"
        "Accept and continue\nThe content may contain adverts.\n"
        "End of twitter post by Edinburgh Airport\n"
        "What is a named storm?published at 05:12 Greenwich Mean Time 24 January\n"
        "Storms are named by the Met Office when they are expected to cause high impacts.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in tweet.entries] == [
        ("What is a named storm?", 1)
    ]


def test_cnn_caption_and_credit_in_blocks_of_their_own() -> None:
    # A short sentence, a blank line, the credit, a blank line, the body going on.
    text = (
        "11:12 p.m. ET, October 9, 2024\n\n"
        "Crane collapses onto office building in downtown St. Petersburg\n\n"
        "From CNN's Elizabeth Wolfe\n\n"
        "A construction crane collapsed onto an office building in downtown St. Petersburg on"
        " Wednesday night, according to the city.\n\n"
        "A crane lies on top of a building in St. Petersburg, Florida, on Wednesday.\n\n"
        "Max Chesnes/Tampa Bay Times/AP\n\n"
        "No injuries have been reported, St. Petersburg Fire Rescue said. Crews will not be able"
        " to assess the damage until winds drop.\n\nLink Copied!\n"
    )
    page = read_text(text)
    # One post: the credit opens none, and its time stays the post's.
    assert [(e.clock, e.author, len(e.paragraphs)) for e in page.entries] == [
        ("23:12", "Elizabeth Wolfe", 2)
    ]
    assert page.entries[0].captions == [
        "A crane lies on top of a building in St. Petersburg, Florida, on Wednesday.",
        "Max Chesnes/Tampa Bay Times/AP",
    ]


def test_second_sentence_skips_abbreviations() -> None:
    assert not L.SECOND_SENTENCE.search("A crane lies on a building in St. Petersburg on Monday.")
    assert not L.SECOND_SENTENCE.search("Gov. Ron DeSantis speaks in Tallahassee.")
    assert L.SECOND_SENTENCE.search("The toll is rising. Officials say more are missing.")


def test_credit_forms_of_abc_rte_cbc_and_wire_credited_sentences() -> None:
    assert L.is_credited_caption(
        "Residents in Cardwell lost trees overnight. (ABC North Queensland: Chloe Chomicki)"
    )
    assert L.is_credited_caption(
        "Residents leave Fort Nelson on Sunday. (Submitted by Dawn Harvey)"
    )
    assert L.is_credited_caption("The sector says the cut is vital. (File image: RollingNews.ie)")
    # A news wire closing a long sentence credits the text, not a photo (France 24).
    assert not L.is_credited_caption(
        "The market, the largest fresh food market in the world, supplies 18 million consumers"
        " in the Paris region. (AFP)"
    )
    # A photo's caption naming people, credited to an army, stays a caption.
    assert L.is_credited_caption(
        "Staff Sgt. Yonatan Levi, Sgt. Ariel Ben-Haim and Sgt. First Class (res.) Avishai Dror."
        " (Israel Defense Forces)"
    )
    assert L.is_credited_caption("Rahul Gandhi at a press conference on Tuesday. (PTI)")


def test_usa_today_and_cbs_post_times() -> None:
    page = read_text(
        "Death toll rises to 7, Tennessee emergency officials say\n\n"
        "Published 11:02 p.m. ET Mar. 6, 2024\n\n"
        "At least seven people have died after tornadoes touched down across Middle Tennessee.\n\n"
        "— Jeanine Santucci\n\nHow many people are without power in Tennessee?\n\n"
        "Published 9:30 p.m. ET Mar. 6, 2024\n\n"
        "More than 84,000 homes and businesses were without power in Tennessee on Wednesday.\n\n"
        "— Christopher Cann\n"
    )
    assert [(e.clock, e.headline, e.author) for e in page.entries] == [
        ("23:02", "Death toll rises to 7, Tennessee emergency officials say", "Jeanine Santucci"),
        ("21:30", "How many people are without power in Tennessee?", "Christopher Cann"),
    ]
    mark = times.match_time_line("Jul 11, 2024 / 10:40 PM EDT")
    assert mark is not None and (mark.clock, str(mark.date)) == ("22:40", "2024-07-11")


def test_bare_length_among_twelve_hour_times_and_its_title_over_it() -> None:
    page = read_text(
        "2h ago / 9:15 PM EST\n\nTrump speaks in Laconia\n\nAlex Tabet\n\n"
        "Trump was joined onstage by several former rivals who have endorsed him.\n\n"
        "Trump rally in Laconia\n\n02:14\n\n"
        "Trump also repeated his false claim that the 2020 election was stolen.\n\n"
        "2h ago / 8:48 PM EST\n\nDixville Notch prepares\n\nEmma Barnett\n\n"
        "Dixville Notch, which votes at midnight, will once again be first.\n\n"
        "3h ago / 8:20 PM EST\n\nHaley holds final rally\n\nAli Vitali\n\n"
        "Nikki Haley told supporters in Salem that the race was far from over.\n\n"
        "4h ago / 7:55 PM EST\n\nPolls close at 8 p.m.\n\nBen Kamisar\n\n"
        "Most polling places in New Hampshire close at 7 p.m. ET, some at 8 p.m.\n"
    )
    assert [e.clock for e in page.entries] == ["21:15", "20:48", "20:20", "19:55"]
    first = page.entries[0]
    assert "02:14" in first.embeds and "Trump rally in Laconia" in first.captions
    assert len(first.paragraphs) == 2


def test_bare_length_under_its_title_in_a_body_with_one_twelve_hour_time() -> None:
    # A window holding one post's time: the padded length under its title alone, inside the
    # cut post's body, is still no post's clock.
    page = read_text(
        "Jonathan Allen\n\n"
        "LACONIA, N.H. — Donald Trump spent much of his final rally attacking Nikki Haley.\n\n"
        "Trump was joined onstage by several former rivals who have endorsed him.\n\n"
        "Trump rally in Laconia\n\n02:14\n\n"
        "Trump also repeated his false claim that the 2020 election was stolen.\n\n"
        "2h ago / 8:48 PM EST\n\nDixville Notch voters prepare for midnight vote\n\n"
        "Emma Barnett\n\nThe six registered voters of this tiny township will vote at midnight.\n"
    )
    assert [(e.clock, e.author) for e in page.entries] == [
        (None, "Jonathan Allen"),
        ("20:48", "Emma Barnett"),
    ]
    first = page.entries[0]
    assert "02:14" in first.embeds and "Trump rally in Laconia" in first.captions
    assert len(first.paragraphs) == 3


def test_label_headline_and_by_line_on_the_windows_last_lines_open_a_post() -> None:
    # CBS prints the time under the byline: the window's end cut it, not the post.
    page = read_text(
        "Photos: Downtown Montpelier underwater\n\nBy Kerry Breen\n\n"
        "Jul 11, 2024 / 9:58 PM EDT\n\n"
        "Images from Montpelier show water reaching the first-floor windows of shops.\n\n"
        "Hilary Swift / Bloomberg via Getty Images\n\n"
        "Business owners said they were facing the same losses again.\n\n"
        "BREAKING\n\nDam near Barre at risk of failing, officials warn\n\nBy Faris Tanyos\n"
    )
    assert [(e.clock, e.headline, e.labels, e.author) for e in page.entries] == [
        ("21:58", "Photos: Downtown Montpelier underwater", [], "Kerry Breen"),
        (None, "Dam near Barre at risk of failing, officials warn", ["Breaking"], "Faris Tanyos"),
    ]
    assert len(page.entries[0].paragraphs) == 2


def test_headline_and_by_line_under_share_tools_on_the_windows_last_lines() -> None:
    page = read_text(
        "Why neither side is blinking yet\nBy Aaron Blake\n5:30 p.m. EDT\n"
        "Three weeks into this shutdown, little pressure is felt by either party.\n"
        "Democrats believe the health-care fight is a winning issue for them.\nShare\nComment\n"
        "Air traffic controller shortages cause delays at Newark and Denver\n"
        "By Lori Aratani and Ian Duncan\n"
    )
    assert [(e.clock, e.authors, len(e.paragraphs)) for e in page.entries] == [
        ("17:30", ["Aaron Blake"], 2),
        (None, ["Lori Aratani", "Ian Duncan"], 0),
    ]


def test_independent_read_more_link_under_a_post_is_an_embed() -> None:
    page = read_text(
        "1 hour ago\n16:33\nPound slides as gilt yields jump after OBR figures\n"
        "The pound has fallen by more than a cent against the dollar.\n"
        "Sterling dropped to $1.2871, its lowest level since early October.\nRead More\n"
        "Markets react as Reeves unveils £26bn of tax rises\n1 hour ago\n16:16\n"
        "What the budget means for your pay packet\n"
        "Millions of workers will be dragged into higher tax bands.\n"
    )
    first = page.entries[0]
    assert len(first.paragraphs) == 2
    assert first.embeds[-1] == "Markets react as Reeves unveils £26bn of tax rises"


def test_bare_headline_under_share_tools_on_the_windows_last_line() -> None:
    page = read_text(
        "Why neither side is blinking yet\nBy Aaron Blake\n5:30 p.m. EDT\n"
        "Three weeks into this shutdown, little pressure is felt by either party.\n"
        "Democrats believe the health-care fight is a winning issue for them.\nShare\nComment\n"
        "Air traffic controller shortages cause delays at Newark and Denver\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("Why neither side is blinking yet", 2),
        ("Air traffic controller shortages cause delays at Newark and Denver", 0),
    ]


def test_photo_alt_and_credit_block_on_the_windows_last_lines_is_no_post() -> None:
    page = read_text(
        "Escaped wallaby spotted near Thetford\n\nHave you seen this wallaby?\n\n"
        "The animal has been on the loose near Thetford since Sunday.\n\n"
        "Wallaby in a garden\nKaren Ellis\n"
    )
    (entry,) = page.entries
    assert entry.captions == ["Wallaby in a garden", "Karen Ellis"]
    assert entry.author is None


def test_window_opening_on_cnns_from_byline_over_a_photo_and_paragraphs() -> None:
    page = read_text(
        "From CNN's Michelle Toh and Juliana Liu in Hong Kong\n\n"
        "A TSMC plant in Hsinchu, Taiwan.\nWalid Berrazeg/SOPA Images/LightRocket/Getty Images\n\n"
        "TSMC, the world's largest contract chipmaker, said it had evacuated some plants.\n\n"
        "The company said it was assessing the impact of the quake on its operations.\n\n"
        "Link Copied!\n\n8:47 a.m. ET, April 3, 2022\n\n"
        "Video shows a building leaning at a sharp angle in Hualien\n\n"
        "Footage from Hualien city shows a five-story building leaning at a 45-degree angle.\n"
    )
    assert page.page.title is None and page.page.authors == []
    assert [(e.authors, e.clock, len(e.paragraphs)) for e in page.entries] == [
        (["Michelle Toh", "Juliana Liu"], None, 2),
        ([], "08:47", 1),
    ]


def test_unindented_numbered_copy_opening_inside_a_post() -> None:
    page = read_text(
        "There it is. Tadej Pogacar has attacked with 3.8km to the summit of the Tourmalet.\n\n"
        "Jonas Vingegaard tried to follow for 200 metres but he is already 15 seconds down.\n\n"
        "Gap at the summit (65km to go):\n\nPogacar\n\nVingegaard, Kuss, Evenepoel +0:24\n\n"
        "2. Breakaway caughtpublished at 15:39 British Summer Time 19 July 2025\n\n"
        "The last of the breakaway riders has been caught on the lower slopes.\n\n"
        "3. Visma set the pacepublished at 15:31 British Summer Time 19 July 2025\n\n"
        "Visma have taken over at the front of the yellow jersey group.\n"
    )
    assert page.page.title is None
    assert [(e.headline, e.clock) for e in page.entries] == [
        (None, None),
        ("Breakaway caught", "15:39"),
        ("Visma set the pace", "15:31"),
    ]
    assert page.entries[0].paragraphs[0].startswith("There it is.")


def test_numbered_window_cut_under_an_items_label_keeps_the_headline_over_its_byline() -> None:
    page = read_text(
        "    A service shaped by the Queen herself\n\n    Nicholas Witchell\n\n"
        "    Royal correspondent\n\n"
        "    Almost every part of what we saw today was decided years ago.\n\n"
        "  5. Watch: Two-minute silence falls across the country\n\n    Video content\n\n"
        "  6. Crowds line the Mall\n\n    Thousands of people have gathered since dawn.\n"
    )
    assert [(e.headline, e.author) for e in page.entries][:2] == [
        ("A service shaped by the Queen herself", "Nicholas Witchell"),
        ("Watch: Two-minute silence falls across the country", None),
    ]


def test_window_opening_on_a_label_over_a_cut_posts_byline() -> None:
    page = read_text(
        "Analysis\nJames Landale\nDiplomatic correspondent\n"
        "This summit has been shorter than usual - one working session of two and a half hours.\n"
        "That was deliberate.\n"
        "The final communique is just five paragraphs long, and Ukraine gets one sentence.\n"
        "Spain insists it will not spend 5%published at 11:31 British Summer Time 25 June\n"
        "Guy Hedgecoe\nReporting from Madrid\n"
        "Spain's Prime Minister Pedro Sánchez has repeated that his country will not reach it.\n"
    )
    assert page.page.title is None
    assert [(e.headline, e.labels, e.author) for e in page.entries] == [
        (None, ["Analysis"], "James Landale"),
        ("Spain insists it will not spend 5%", [], "Guy Hedgecoe"),
    ]


def test_headline_over_a_short_opening_question_opens_a_post() -> None:
    text = (
        "Council approves 2,500 homes on edge of Cambridge\n\nAndrew Sinclair\n\n"
        "BBC Look East political editor\n\n"
        "Plans for 2,500 homes on farmland on the edge of Cambridge have been approved.\n\n"
        'Councillor Bridget Smith said: "This is not a decision we have taken lightly."\n\n'
        "Escaped wallaby spotted near Thetford\n\nHave you seen this wallaby?\n\n"
        "The animal has been on the loose near Thetford since Sunday.\n\n"
        "Norfolk Police have asked anyone who sees it not to approach it.\n"
    )
    page = read_text(text)
    assert [(e.headline, len(e.paragraphs), e.captions) for e in page.entries] == [
        ("Council approves 2,500 homes on edge of Cambridge", 2, []),
        ("Escaped wallaby spotted near Thetford", 3, []),
    ]
    # ... also where the window's end cut the paragraphs under the question.
    cut = read_text(text.split("The animal")[0])
    assert [(e.headline, e.paragraphs) for e in cut.entries][1:] == [
        ("Escaped wallaby spotted near Thetford", ["Have you seen this wallaby?"])
    ]


def test_post_update_under_a_photo_caption_opens_an_untitled_post() -> None:
    page = read_text(
        "Live Reporting\nAll times stated are UK\nFuel duty frozen for another year\n"
        "Fuel duty will remain frozen for another year, and the 5p cut will be kept.\n"
        "The freeze is expected to cost about £3bn next year.\n"
        "A woman fills up her car at a petrol station in LondonImage source, PA Media\n"
        "Image caption,\nThe 5p cut to fuel duty was first introduced by Rishi Sunak\n"
        "Post update\n"
        "Cheers from the Labour benches as Reeves confirms the minimum wage will rise.\n"
        "That's an increase of 6.7%.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("Fuel duty frozen for another year", 2),
        (None, 2),
    ]


def test_2017_image_copyright_marker_takes_the_alt_text_over_it() -> None:
    page = read_text(
        "Posted at 14:2014:20\nUK sends Royal Navy ship\n"
        "The Royal Fleet Auxiliary ship Mounts Bay is on its way to Anguilla.\n"
        "About 15,000 people live on Anguilla.\nRoyal Fleet Auxiliary ship Mounts Bay\n"
        "Image copyright MOD\nImage caption RFA Mounts Bay was already in the Caribbean\n"
        "Article share tools\nPosted at 13:5513:55\nHurricane reaches Cuba\n"
        "The storm made landfall on the north coast of Cuba overnight.\n"
    )
    first = page.entries[0]
    assert len(first.paragraphs) == 2
    assert first.captions[0] == "Royal Fleet Auxiliary ship Mounts Bay"


def test_a_shoot_outs_kicks_are_the_posts_text() -> None:
    page = read_text(
        "Live Reporting\n\nAll times stated are UK\n\n"
        "  1. Shootout: Arsenal 3-4 Interpublished at 23:07 British Summer Time 6 May 2025\n\n"
        "    Saka - SAVED\n\n    Martinez - scores\n\n"
        "  2. Get involved - #bbcfootballpublished at 23:01 British Summer Time 6 May 2025\n\n"
        "    Sam: This is the most stressful night of my life and I'm a Spurs fan.\n"
    )
    assert page.entries[0].paragraphs == ["Saka - SAVED", "Martinez - scores"]


def test_a_tweets_text_with_its_picture_link_is_an_embed_without_its_signature() -> None:
    page = read_text(
        "16:22\nMacron: 'The answer must be European'\n"
        "Emmanuel Macron said part of the response to the farmers' anger must be European.\n"
        "Je serai demain à Bruxelles pour défendre nos agriculteurs. "
        "pic.twitter.com/8hFzPq2LrT\n"
    )
    (entry,) = page.entries
    assert len(entry.paragraphs) == 1
    assert entry.embeds[-1].endswith("pic.twitter.com/8hFzPq2LrT")


def test_a_numbered_results_list_on_a_page_of_glued_times_is_body_text() -> None:
    page = read_text(
        "Russell 'lost for words'published at 16:05 British Summer Time 7 July\n"
        "Andrew Benson\nChief F1 writer at Silverstone\n"
        "George Russell is almost lost for words in parc ferme. He has just won his home race.\n"
        "Top 10 at the flagpublished at 15:58 British Summer Time 7 July\n"
        "1. George Russell (Mercedes)\n2. Lando Norris (McLaren) +1.2s\n"
        "3. Max Verstappen (Red Bull) +4.9s\n"
        "CHEQUERED FLAG - RUSSELL WINSpublished at 15:56 British Summer Time 7 July\n"
        "What a race! George Russell holds off Lando Norris by 1.2 seconds at Silverstone!\n"
    )
    assert page.page.rendering != "numbered"
    assert [(e.clock, e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("16:05", "Russell 'lost for words'", 1),
        ("15:58", "Top 10 at the flag", 3),
        ("15:56", "CHEQUERED FLAG - RUSSELL WINS", 1),
    ]


def test_older_bbc_player_notice_is_furniture() -> None:
    page = read_text(
        "Posted at 20:3620:36\nWatch: Truss opens her hustings pitch\n"
        "Media content cannot be played on your device\n"
        "Media caption, Liz Truss says she will deliver for the country\n"
        "Posted at 20:2220:22\nWho is the host?\n"
        "Tonight's hustings is being hosted by LBC presenter Nick Ferrari.\n"
    )
    assert page.entries[0].paragraphs == []


def test_local_live_headline_over_a_tally_under_a_photo_block() -> None:
    page = read_text(
        "Labour holds Walsall after nervy night\n\n"
        "Labour has held on to control of Walsall Council, but only just.\n\n"
        "The party lost three seats to the Conservatives and one to an independent.\n\n"
        "Counting at Walsall Town Hall\nBBC\n\nResult: Dudley Central\n\n"
        "Conservative: 1,412\n\nLabour: 1,388\n\n"
        "Conservative gain from Labour. Turnout 29%.\n"
    )
    assert [(e.headline, len(e.paragraphs), e.captions) for e in page.entries] == [
        ("Labour holds Walsall after nervy night", 2, ["Counting at Walsall Town Hall", "BBC"]),
        ("Result: Dudley Central", 3, []),
    ]


def test_local_live_headline_under_a_list_of_results_over_a_photo() -> None:
    page = read_text(
        "Results so far\n\nHere's where the councils in the West Midlands stand so far:\n\n"
        "Dudley: Conservative gain from no overall control\n\nSandwell: Labour hold\n\n"
        "Walsall: Labour hold\n\nGreen Party celebrates in Solihull\n\n"
        "The Green Party has won two more seats in Solihull, its best result there.\n\n"
        "Green Party councillors in Solihull\nSolihull Green Party\n\n"
        "Max McLoughlin, the group's leader, says the party had worked every street.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("Results so far", 4),
        ("Green Party celebrates in Solihull", 2),
    ]


def test_a_label_between_the_headline_and_its_own_time_line() -> None:
    page = read_text(
        "Live Reporting\nEdited by Aoife Walsh\nAll times stated are UK\n"
        "Crowds gather in Tel Aviv\npublished at 17:22 Greenwich Mean Time 19 January 2025\n"
        "Thousands of people have been watching the handover on a giant screen.\n"
        "Then someone began to sing.\nHostages handed to Red Cross in Gaza City\nBreaking\n"
        "published at 17:05 Greenwich Mean Time 19 January 2025\n"
        "Three Israeli hostages have been handed over to the Red Cross, Israeli media report.\n"
    )
    assert page.page.title is None
    assert [(e.clock, e.headline, e.labels, len(e.paragraphs)) for e in page.entries] == [
        ("17:22", "Crowds gather in Tel Aviv", [], 2),
        ("17:05", "Hostages handed to Red Cross in Gaza City", ["Breaking"], 1),
    ]


def test_one_word_sport_shouts_are_stock_headlines() -> None:
    page = read_text(
        "'The best team in the world? We'll take that'\nNatalie Pirks\n"
        "Sports news correspondent\n"
        "Sarina Wiegman has just spoken to the BBC in the tunnel.\n"
        "She is the first coach to win three successive European Championships.\n"
        "Penalties!\nWe're going to penalties in Basel.\n"
        "Neither side could find a winner in extra time, and it's 1-1 after 120 minutes.\n"
        "Red card!\nOna Batlle is sent off for a second yellow.\n"
        "Spain will play the last ten minutes with ten players.\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("'The best team in the world? We'll take that'", 2),
        ("Penalties!", 2),
        ("Red card!", 2),
    ]


def test_window_opening_on_a_cut_bylines_role_over_a_list() -> None:
    page = read_text(
        "BBC Sport, in Basel\nEngland 1-1 Spain (England win 3-1 on penalties)\n"
        "Beth Mead - missed\nMariona Caldentey - saved by Hampton\nAlex Greenwood - scored\n"
        "Hannah Hampton, who saved two penalties, was named player of the match.\n"
        "'The best team in the world? We'll take that'\nNatalie Pirks\n"
        "Sports news correspondent\n"
        "Sarina Wiegman has just spoken to the BBC in the tunnel, holding her daughter's hand.\n"
    )
    assert page.page.title is None and page.page.standfirst is None
    assert [(e.headline, e.role, len(e.paragraphs)) for e in page.entries] == [
        (None, "BBC Sport, in Basel", 5),
        ("'The best team in the world? We'll take that'", "Sports news correspondent", 1),
    ]


def test_window_opening_on_a_short_sentence_over_a_photo_and_a_paragraph() -> None:
    page = read_text(
        "Lows of -3C (27F) in rural spots.\n\nWeather map\n\n"
        "Tomorrow will be bright and crisp with plenty of sunshine. Highs of 6C (43F).\n\n"
        "Man jailed for Dover port lorry attack\n\n"
        "A lorry driver who attacked another motorist has been jailed for two years.\n\n"
        "Maidstone Crown Court heard that he lost his temper on the A20 in July.\n"
    )
    assert page.page.title is None and page.page.standfirst is None
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        (None, 2),
        ("Man jailed for Dover port lorry attack", 2),
    ]


def test_window_opening_on_a_cut_guest_list_over_the_first_post() -> None:
    page = read_text(
        "The premiers of New South Wales, Victoria and Queensland\n"
        "Former Socceroos captain Mile Jedinak\nCate Blanchett\n"
        "Representatives of around 40 community organisations chosen by the King's office\n"
        "BreakingSenator heckles King in Parliament House\n"
        "Independent senator Lidia Thorpe has interrupted the reception at Parliament House.\n"
        "The King did not react and continued to greet guests.\n"
    )
    assert page.page.title is None and page.page.authors == []
    assert [(e.headline, e.labels) for e in page.entries] == [
        (None, []),
        ("Senator heckles King in Parliament House", ["Breaking"]),
    ]


def test_a_page_top_of_short_lines_is_still_the_header() -> None:
    page = read_text(
        "Snap poll: Starmer edges it - but viewers split\nSam Coates analysis: No knockout blow\n"
        "Farage: 'We are the real opposition now'\n"
        "Listen: Electoral Dysfunction on the state of the race\n"
        "Live reporting by Faith Ridler and Mollie Malone\n2m ago\n22:58\n"
        "Starmer and Sunak clash over tax in final debate\n"
        "The two leaders clashed repeatedly over tax in the final televised debate tonight.\n"
    )
    assert page.page.authors == ["Faith Ridler", "Mollie Malone"]
    assert [e.clock for e in page.entries] == ["22:58"]


def test_window_opening_on_a_cut_bylines_role_over_a_short_sentence() -> None:
    page = read_text(
        "At the count\nThis is a big one.\n"
        "Labour has taken Glasgow Southside, the seat held for 15 years by Nicola Sturgeon.\n"
        "Here are the numbers:\nLabour: 11,204 (41.2%)\nSNP: 10,871 (40.0%)\n"
        "A majority of 333. The Labour activists at the back of the hall let out a roar.\n"
        "Turnout down in most seats so far\n"
        "Turnout is down in almost every constituency declared so far, BBC analysis shows.\n"
        "The average fall is about five percentage points.\n"
    )
    assert page.page.title is None
    assert [(e.headline, e.role) for e in page.entries] == [
        (None, "At the count"),
        ("Turnout down in most seats so far", None),
    ]
    assert page.entries[0].paragraphs[0] == "This is a big one."


def test_window_opening_on_a_headline_and_byline_over_a_results_list() -> None:
    # No site menu: the name over its role line under the first line is a post's byline.
    page = read_text(
        "How the shootout unfolded\nEmma Sanders\nBBC Sport, in Basel\n"
        "England 1-1 Spain (England win 3-1 on penalties)\nBeth Mead - missed\n"
        "Mariona Caldentey - saved by Hampton\nAlex Greenwood - scored\n"
        "Hannah Hampton, who saved two penalties, was named player of the match.\n"
        "Russo equalises for England\n"
        "Alessia Russo heads in Lauren James's cross from the left in the 57th minute.\n"
        "What a response from England, who had barely had a kick in the first half.\n"
    )
    assert page.page.title is None
    assert [(e.headline, e.author, e.role) for e in page.entries] == [
        ("How the shootout unfolded", "Emma Sanders", "BBC Sport, in Basel"),
        ("Russo equalises for England", None, None),
    ]
    assert len(page.entries[0].paragraphs) == 5


def test_a_short_sentence_said_again_is_body_text_not_a_doubled_caption() -> None:
    page = read_text(
        "Penrose showed no emotion as verdicts read out\nDominic Casciani\n"
        "At Bristol Crown Court\n"
        "Claire Penrose stood in the dock as the foreman read out the verdicts.\n"
        "Guilty.\nGuilty.\nGuilty.\n"
        "She looked straight ahead at the jury and showed no visible emotion.\n"
    )
    (entry,) = page.entries
    assert entry.paragraphs[1:4] == ["Guilty."] * 3
    assert entry.captions == []


def test_a_team_line_up_under_its_lead_in_is_body_text() -> None:
    page = read_text(
        "Team news: Wiegman keeps faith with Hampton\nGem O'Reilly\nLive reporter\n"
        "England are unchanged from the semi-final win over Italy. Here's the XI:\n"
        "Hampton; Bronze, Williamson, Greenwood, Charles; Walsh, Stanway; James, Hemp; Russo\n"
        "Chloe Kelly, who scored the winner in 2022, is on the bench again.\n"
        "Spain make one change, with Claudia Pina coming in for Athenea del Castillo.\n"
    )
    (entry,) = page.entries
    assert len(entry.paragraphs) == 4


def test_itv_job_before_the_name_under_the_headline_on_a_timed_page() -> None:
    page = read_text(
        "6:32pm\nMan dies after tree falls on car in Cumbria\n"
        "A man has died after a tree fell on his car on the A591 near Windermere.\n"
        "6:05pm\nPrime minister: 'Government will do whatever it takes'\n"
        "ITV News Political Editor Robert Peston\n"
        "Sir Keir Starmer has told me the government will do whatever it takes.\n"
        "But privately, some Labour MPs in affected seats are frustrated.\n"
    )
    assert [(e.clock, e.author, e.role, len(e.paragraphs)) for e in page.entries] == [
        ("18:32", None, None, 1),
        ("18:05", "Robert Peston", "ITV News Political Editor", 2),
    ]


def test_bbc_sport_player_notice_and_video_title() -> None:
    page = read_text(
        "21:40\nFull-time: Arsenal 2-1 Chelsea\n"
        "The final whistle goes at the Emirates and the home fans are on their feet.\n"
        "Media playback is not supported on this device\nSaka 'loving every minute' at Arsenal\n"
        "Video content\n0:58\n21:37\nAdded time\nFour minutes of added time.\n"
    )
    first = page.entries[0]
    assert first.paragraphs == [
        "The final whistle goes at the Emirates and the home fans are on their feet."
    ]
    assert "Saka 'loving every minute' at Arsenal" in first.captions


def test_fox_news_links_app_promo_and_contributor_credit() -> None:
    page = read_text(
        "January 19, 2024 4:18pm EST\nHouse passes stopgap funding bill\nElizabeth Elkind\n"
        "The House of Representatives passed a short-term funding bill on Friday afternoon.\n"
        "SCHUMER SAYS SENATE WILL 'KEEP WORKING' ON BORDER DEAL AFTER SHUTDOWN AVERTED\n"
        "The White House said Biden would sign the bill Friday night.\n"
        "CLICK HERE TO GET THE FOX NEWS APP\nFox News' Chad Pergram contributed to this report.\n"
        "January 19, 2024 2:55pm EST\nFreedom Caucus chair: 'We were promised a fight'\n"
        "Kelly Phares\nRep. Bob Good said conservatives felt betrayed.\n"
    )
    first = page.entries[0]
    assert [e.headline for e in page.entries] == [
        "House passes stopgap funding bill",
        "Freedom Caucus chair: 'We were promised a fight'",
    ]
    assert len(first.paragraphs) == 2
    assert "Fox News' Chad Pergram contributed to this report." in first.embeds


def test_credit_chains_via_an_agency_and_abc_news_caption_printed_twice() -> None:
    page = read_text(
        "Mar 14, 2024, 9:41 PM EDT\nMore than 200 aftershocks recorded, USGS says\n"
        "More than 200 aftershocks have been recorded since the main quake, the USGS said.\n"
        "PHOTO: Residents look at a cracked section of Highway 111 in Indio, Calif.\n"
        "Residents look at a cracked section of Highway 111 in Indio, Calif.\n"
        "Gina Ferazzi/Los Angeles Times via Getty Images\n-ABC News' Ginger Zee and Dan Peck\n"
        "Mar 14, 2024, 9:02 PM EDT\nNewsom declares state of emergency\n"
        "California Gov. Gavin Newsom has declared a state of emergency in Riverside County.\n"
    )
    first = page.entries[0]
    assert len(first.paragraphs) == 1
    assert first.captions[-1] == "Gina Ferazzi/Los Angeles Times via Getty Images"
    # In blocks of their own, a credit chain never opens a post.
    blocks = read_text(
        "11:12 p.m. ET, July 11, 2024\n\nPhotos: Downtown Montpelier underwater\n\n"
        "By Kerry Breen\n\nImages from downtown Montpelier show water reaching the shops.\n\n"
        "Floodwater fills State Street in Montpelier, Vermont, on July 11, 2024.\n\n"
        "John Tully for The Washington Post via Getty Images\n\n"
        "Business owners who had just reopened after last July's floods said they faced losses.\n\n"
        "10:40 p.m. ET, July 11, 2024\n\nDam near Barre at risk of failing\n\nBy Faris Tanyos\n\n"
        "Vermont Emergency Management warned that the Wrightsville Dam could reach its spillway.\n"
    )
    assert [e.headline for e in blocks.entries] == [
        "Photos: Downtown Montpelier underwater",
        "Dam near Barre at risk of failing",
    ]
    assert len(blocks.entries[0].paragraphs) == 2


def test_badge_under_a_cut_post_labels_the_post_under_it() -> None:
    page = read_text(
        "Ryanair, easyJet and Jet2 all operate from Terminal 2, which handles most passengers.\n"
        "KEY EVENT\n11:32Sarah Jones\nPolice statement in full\n"
        "Greater Manchester Police has issued a statement. It says the terminal was evacuated.\n"
        "10:59Liam Kelly\nRoads closed around airport\n"
        "Several roads around the airport have been closed by police.\n"
    )
    assert [(e.clock, e.labels) for e in page.entries] == [
        (None, []),
        ("11:32", ["Key event"]),
        ("10:59", []),
    ]
    assert page.entries[0].embeds == []


def test_dw_headline_on_the_windows_last_line_named_by_its_skip_link() -> None:
    page = read_text(
        "Skip next section Death toll rises to four\n\n06/10/2025June 10, 2025\n\n"
        "Death toll rises to four\n\n"
        "The number of people killed in the floods has risen to four, police in Bavaria said.\n\n"
        "Two other people are still missing.\n\ndh/rc (dpa, Reuters)\n\n"
        "Skip next section Deutsche Bahn halts ICE trains\n\n06/10/2025June 10, 2025\n\n"
        "Deutsche Bahn halts ICE trains\n"
    )
    assert [(e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("Death toll rises to four", 2),
        ("Deutsche Bahn halts ICE trains", 0),
    ]


def test_sign_off_with_the_outlet_and_a_dated_tweet_signature() -> None:
    page = read_text(
        "'The whole house just lifted': survivors describe storm\n\n"
        "Published 10:15 p.m. ET Mar. 6, 2024\n\n"
        "CLARKSVILLE, Tenn. — Marcus Bell was watching the weather radar when the power went out."
        "\n\n— Hadley Hitson, The Leaf-Chronicle\n\nGov. Bill Lee declares state of emergency\n\n"
        "Published 7:26 p.m. ET Mar. 6, 2024\n\n"
        '"Maria and I are praying for every Tennessean," Lee wrote on X.\n\n'
        "Gov. Bill Lee (@GovBillLee) March 6, 2024\n\n"
        "Lee said he planned to tour damaged areas in Montgomery County on Thursday.\n\n"
        "— Christopher Cann\n"
    )
    assert [(e.author, len(e.paragraphs)) for e in page.entries] == [
        ("Hadley Hitson", 1),
        ("Christopher Cann", 2),
    ]


def test_window_top_lead_in_over_its_list_down_to_the_first_post() -> None:
    page = read_text(
        "Here are the key points from today's Budget:\n"
        "A €250 energy credit to be paid in two instalments, one before Christmas\n"
        "The 4% USC rate reduced to 3%\nWeekly social welfare payments up €12\n"
        "16:58\nBusiness groups welcome minimum wage certainty\n"
        "Ibec has said Budget 2025 offers some relief for businesses facing rising costs.\n"
    )
    assert page.page.title is None
    assert [(e.clock, e.headline, len(e.paragraphs)) for e in page.entries] == [
        (None, None, 4),
        ("16:58", "Business groups welcome minimum wage certainty", 1),
    ]


def test_window_top_headline_and_byline_over_paragraphs_and_a_photo_alt_text() -> None:
    page = read_text(
        "Weather: A cold and frosty night\nKate Kinsella\nBBC South East Today weather presenter\n"
        "It will be a cold, clear night across Kent and East Sussex, with a widespread frost.\n"
        "There could be a few patches of freezing fog by dawn, mainly in the Stour valley.\n"
        "Weather map\nPosted at 15:5215:52\nMan charged after Gravesend stabbing\n"
        "A 24-year-old man has been charged with attempted murder after a stabbing.\n"
    )
    assert page.page.title is None
    first = page.entries[0]
    assert (first.headline, first.author, first.role, len(first.paragraphs)) == (
        "Weather: A cold and frosty night",
        "Kate Kinsella",
        "BBC South East Today weather presenter",
        2,
    )


def test_signature_of_a_post_cut_above_and_the_page_byline_over_the_first_time() -> None:
    cut = read_text(
        "Netanyahu's office has not yet issued its own account of the call with the president.\n"
        "By Jacob Magid\nToday 10:32 pm\nHostage families protest outside Knesset\n"
        "Several hundred relatives and supporters of hostages rally outside the Knesset today.\n"
        "By Times of Israel Staff\n"
    )
    assert [e.author for e in cut.entries] == ["Jacob Magid", "Times of Israel Staff"]
    page = read_text(
        "LIVE BLOG\nLive updates: Biden marks Jan. 6 anniversary with warning about Trump\n"
        "President Joe Biden is set to deliver a speech near Valley Forge, Pennsylvania.\n"
        "By Rebecca Shabad, Megan Lebowitz and Zoë Richards\n3h ago / 6:05 PM EST\n"
        "Biden: ‘Democracy is on the ballot’\nMegan Lebowitz\n"
        "Biden said the election would decide whether democracy survives in America.\n"
    )
    assert page.page.authors == ["Rebecca Shabad", "Megan Lebowitz", "Zoë Richards"]


def test_a_programme_in_a_role_is_no_place() -> None:
    page = read_text(
        "Posted at 10:02\nResults day queues\nJess Cole\nNewsbeat reporter\n"
        "Students queued outside schools from 7am to collect their A-level results.\n"
        "Posted at 09:41\nTop grades fall\nLaura Bicker\nChina correspondent\n"
        "The share of top grades has fallen for the second year in a row.\n"
    )
    assert [(e.role, e.place) for e in page.entries] == [
        ("Newsbeat reporter", None),
        ("China correspondent", "China"),
    ]


def test_bullets_at_a_windows_top_over_the_posts_own_stamp() -> None:
    page = read_text(
        "• He said the scheme would deliver economic benefits of up to £61bn.\n\n"
        "• He confirmed that there would be a ban on scheduled night flights.\n\n"
        "Updated at 3.58pm BST\n\n3.12pm BST\n\n15:12\n\n"
        "Here is Greening's response to the decision. She said she was clearly disappointed.\n"
    )
    assert page.page.summary == []
    assert [(e.clock, len(e.paragraphs)) for e in page.entries] == [(None, 2), ("15:12", 1)]


def test_straits_times_and_nz_herald_credits_and_the_hindustan_times_chrome() -> None:
    assert L.is_credited_caption("The haze over Marina Bay on Oct 3. ST PHOTO: GAVIN FOO")
    assert L.is_credited_caption("Firefighters at a peatland fire in Riau on Oct 2. PHOTO: REUTERS")
    assert L.is_credited_caption("Auckland Mayor Wayne Brown speaks to media. Photo / Dean Purcell")
    assert L.is_credited_caption("Heavy rain floods streets in Henderson. Video / Supplied")
    assert L.is_header_chrome("Read Time: 4 min") and L.is_header_chrome("Share Via")
    # A sign-off naming the newsletter is the post's, not a box's prompt.
    assert not L.is_anywhere_chrome(
        "Sign up for our newsletter and we'll be back with more from the Stade de France."
    )


def test_headline_trailing_off_under_its_time() -> None:
    page = read_text(
        "18:23\nGOAL! Liverpool 2-0 Man City (Salah 78 pen)\n"
        "Salah sends Ederson the wrong way from the spot and Anfield erupts.\n"
        "18:12\nYour say on the game so far...\n"
        "Dave in Widnes: City have had the ball but done nothing with it.\n"
        "Priya: Salah looks sharp today, a goal is coming.\n"
    )
    assert [e.headline for e in page.entries] == [
        "GOAL! Liverpool 2-0 Man City (Salah 78 pen)",
        "Your say on the game so far...",
    ]


def test_window_top_match_stats_or_list_over_the_posts_share_tool() -> None:
    page = read_text(
        "Possession: Liverpool 49% - Man City 51%\nShots: Liverpool 18 - Man City 6\n"
        "Shots on target: Liverpool 7 - Man City 1\nCorners: Liverpool 8 - Man City 3\n"
        "Copy link\n1h ago\n18:36\nFT: Liverpool 2-0 Man City\n"
        "Anfield is rocking. Liverpool are 11 points clear at the top of the table.\n"
    )
    assert page.page.title is None
    assert [(e.clock, e.headline, len(e.paragraphs)) for e in page.entries] == [
        (None, None, 4),
        ("18:36", "FT: Liverpool 2-0 Man City", 1),
    ]


def test_the_athletics_go_deeper_card_and_a_one_line_tweet() -> None:
    page = read_text(
        "Spain through to semi-finals: The Athletic's verdict\nDermot Corrigan\n"
        "July 5, 2024 at 2:11 PM EDT\n"
        "What a game, and what a way to win it. Merino headed in with a minute left.\nGO DEEPER\n"
        "Merino's late header sends Spain past Germany and into Euro 2024 semi-finals\nShare\n"
        "Why wasn't Cucurella's handball a penalty?\nMark Critchley\nJuly 5, 2024 at 1:58 PM EDT\n"
        "Germany were furious in the 106th minute.\n"
    )
    first = page.entries[0]
    assert len(first.paragraphs) == 1
    assert "Merino's late header sends Spain past Germany and into Euro 2024 semi-finals" in (
        first.embeds
    )
    assert L.is_embed("RTÉ Rugby (@RTErugby) — Sam Prendergast with a moment of magic #IREvWAL")


def test_alt_text_over_a_photo_closing_a_cut_post_opens_no_post() -> None:
    page = read_text(
        "I've been speaking to Karen, who fled her home near Cobargo with her two teenage sons.\n"
        "She is now staying with friends in Bermagui and does not know when she can go back.\n"
        "Karen and her sons on the beach at Bermagui\nImage caption\n"
        "Karen and her sons spent hours on the beach as the fire passed\n"
        "Share this post\nCopy this link\nPosted at 11:0211:02\n"
        "Prime minister cuts short visit to Cobargo\n"
        "Scott Morrison has cut short a visit to the fire-hit town after angry exchanges.\n"
    )
    assert [(e.clock, e.headline) for e in page.entries] == [
        (None, None),
        ("11:02", "Prime minister cuts short visit to Cobargo"),
    ]
    assert page.entries[0].captions[0] == "Karen and her sons on the beach at Bermagui"


def test_bbc_2014_times_opening_the_line_without_a_colon_inside() -> None:
    page = read_text(
        "Ukraine crisis: Kiev clashes turn deadly\nLive text\nAll times GMT\n"
        "1605: Ukraine's health ministry now says at least nine people have been killed in Kiev.\n"
        "Earlier the interior ministry said seven people had died.\n1558:\nDaniel Sandford\n"
        "BBC News, Kiev\nThe police have fired a volley of stun grenades towards the barricade.\n"
        "1549: The US Vice-President, Joe Biden, has telephoned President Viktor Yanukovych.\n"
        "Media caption\nFootage appears to show an armoured vehicle on fire near the parliament\n"
        "1536:\nSteve Rosenberg\nBBC News, Moscow\n"
        "Russian state television is describing the events in Kiev as an attempted coup.\n"
    )
    assert [(e.clock, e.author) for e in page.entries] == [
        ("16:05", None),
        ("15:58", "Daniel Sandford"),
        ("15:49", None),
        ("15:36", "Steve Rosenberg"),
    ]
    assert page.entries[0].paragraphs[0].startswith("Ukraine's health ministry")


def test_bbc_2014_window_with_one_leading_time_and_one_alone() -> None:
    # One "1605: text" and one "1558:" over a byline are two posts of one form.
    page = read_text(
        "1605: Ukraine's health ministry now says at least nine people have been killed.\n"
        "Earlier the interior ministry said seven people had died.\n1558:\nDaniel Sandford\n"
        "BBC News, Kiev\nThe police have fired a volley of stun grenades towards the barricade.\n"
    )
    assert [(e.clock, e.author, len(e.paragraphs)) for e in page.entries] == [
        ("16:05", None, 2),
        ("15:58", "Daniel Sandford", 1),
    ]
    assert page.entries[0].paragraphs[0].startswith("Ukraine's health ministry")


def test_reuters_signature_without_brackets_and_a_handout_credit() -> None:
    page = read_text(
        "Hospital patients treated in the open\nMarch 12, 2024 8:47 AM GMT\n"
        "Patients at Mamuju's main hospital were being treated in tents outside, witnesses said.\n"
        "Reporting by Ananda Teresia and Fransiska Nangoy; Editing by Kanupriya Kapoor\n"
        "President Widodo orders military to help with evacuations\nMarch 12, 2024 7:58 AM GMT\n"
        "President Joko Widodo has ordered the military to help evacuate residents.\n"
        "Rescuers search for victims at a collapsed hotel in Mamuju. Antara Foto/Akbar Tado/via"
        " REUTERS\nReporting by Stanley Widianto; Editing by Kanupriya Kapoor\n"
    )
    assert [(e.authors, len(e.paragraphs)) for e in page.entries] == [
        (["Ananda Teresia", "Fransiska Nangoy"], 1),
        (["Stanley Widianto"], 1),
    ]
    assert page.entries[1].captions[0].endswith("via REUTERS")


def test_ft_name_in_a_city_over_the_time_gives_role_and_place() -> None:
    page = read_text(
        "Gilts rally as traders bet on June rate cut\nMary McDougall in London\n11:42\n"
        "Short-dated gilts rallied after the figures, with the two-year yield falling.\n"
        "Services inflation stickier than BoE expected\nValentina Romei in London\n10:58\n"
        "The fall in headline inflation was driven by lower household energy bills.\n"
    )
    assert [(e.author, e.role, e.place) for e in page.entries] == [
        ("Mary McDougall", "in London", "London"),
        ("Valentina Romei", "in London", "London"),
    ]


def test_numbered_items_with_a_byline_over_the_time() -> None:
    page = read_text(
        "  1. Orbán: Hungary will not sign off on joint defense bonds\n\n"
        "     By Jacopo Barigazzi\n\n     March 21, 2025 7:12 pm CET\n\n"
        "     Hungarian Prime Minister Viktor Orbán told reporters Budapest would never agree.\n\n"
        "  2. Frugals hold the line on Eurobonds\n\n     By Barbara Moens\n\n"
        "     March 21, 2025 6:40 pm CET\n\n"
        "     The Netherlands, Austria, Sweden and Denmark pushed back on any language.\n"
    )
    assert page.page.rendering == "numbered"
    assert [(e.clock, e.headline, e.author, len(e.paragraphs)) for e in page.entries] == [
        ("19:12", "Orbán: Hungary will not sign off on joint defense bonds", "Jacopo Barigazzi", 1),
        ("18:40", "Frugals hold the line on Eurobonds", "Barbara Moens", 1),
    ]


def test_labels_over_glued_published_headlines_and_a_length_at_the_top() -> None:
    page = read_text(
        "Storm Darragh: Red warning as 90mph gusts batter Wales\nLive Reporting\n"
        "Edited by Aoife Walsh\nAll times stated are UK\nPinned\n"
        "What we know so farpublished at 08:02 Greenwich Mean Time 7 December\n"
        "Storm Darragh is bringing gusts of up to 93mph to parts of the UK this morning.\n"
        "Post updatepublished at 09:21 Greenwich Mean Time 7 December\n"
        "National Grid says 72,000 of its customers are now without power.\nBreaking\n"
        "Man dies after tree falls on van in Lancashirepublished at 08:47 Greenwich Mean Time"
        " 7 December\nA man in his 40s has died after a tree fell on to the van he was driving.\n"
    )
    assert [(e.clock, e.labels, e.embeds) for e in page.entries] == [
        ("08:02", ["Pinned"], []),
        ("09:21", [], []),
        ("08:47", ["Breaking"], []),
    ]
    top = read_text(
        "Farage: 'This is the first step of something that is going to stun all of you'\n\n1:12\n\n"
        "Lib Dems take Cheltenhampublished at 03:06 British Summer Time 5 July 2024\n\n"
        "The Liberal Democrats have gained Harrogate and Knaresborough from the Conservatives.\n\n"
        "Penny Mordaunt loses her seatpublished at 03:02 British Summer Time 5 July 2024\n\n"
        "Commons Leader Penny Mordaunt has lost Portsmouth North to Labour by 780 votes.\n"
    )
    assert top.page.title is None
    assert [e.clock for e in top.entries] == ["03:06", "03:02"]


def test_numbered_window_cut_under_a_label_items_number() -> None:
    page = read_text(
        "    Why Atlantic storms seem to be getting worsepublished at 10:12 Greenwich Mean Time\n\n"
        "    Mark Poynton\n\n    Climate editor\n\n"
        "    Warmer seas give storms more energy, and they are arriving earlier in the season.\n\n"
        "  5. Flights cancelled at Shannonpublished at 09:55 Greenwich Mean Time\n\n"
        "    Aer Lingus has cancelled 40 flights because of the high winds.\n\n"
        "  6. Schools closedpublished at 09:40 Greenwich Mean Time\n\n"
        "    More than 200 schools will stay closed on Friday.\n"
    )
    assert [(e.clock, e.headline, e.author) for e in page.entries] == [
        ("10:12", "Why Atlantic storms seem to be getting worse", "Mark Poynton"),
        ("09:55", "Flights cancelled at Shannon", None),
        ("09:40", "Schools closed", None),
    ]
    assert bylines.one_line_byline("From CNN Business’ Hanna Ziady in London") == bylines.Byline(
        ["Hanna Ziady"], "in London", 1
    )


def test_window_top_name_alone_over_paragraphs_is_a_cut_posts_byline() -> None:
    page = read_text(
        "Harvey Kong\n"
        "A 58-year-old taxi driver was taken to hospital after a large tree fell onto his car.\n"
        "Firefighters used hydraulic cutters to free the man, who was conscious.\n"
        "1:55pm\nFlights cancelled at Hong Kong airport\n"
        "Cathay Pacific has suspended all flights until 8pm, the airline said on Sunday.\n"
    )
    assert page.page.title is None
    assert [(e.clock, e.author, len(e.paragraphs)) for e in page.entries] == [
        (None, "Harvey Kong", 2),
        ("13:55", None, 1),
    ]
    # On a page without time lines of its own (the BBC's), the name is a photo's alt text.
    bbc = read_text(
        "Rachel Reeves\n"
        "The chancellor has been speaking to broadcasters in Downing Street, defending her plans.\n"
        "She said the choices were difficult but necessary to fix the public finances.\n"
        "Markets reactpublished at 14:02 Greenwich Mean Time\n"
        "The pound rose slightly against the dollar after the statement, traders said.\n"
    )
    assert bbc.entries[0].author is None


def test_chart_alt_text_and_a_caption_under_its_marker_in_a_cut_post() -> None:
    assert L.is_credited_caption("Line chart of Two-year gilt yield (%) showing yields fall")
    page = read_text(
        "Carlisle residents told: stay upstairs\n"
        "Cumbria Police say people in the Warwick Road area who have not left should go upstairs.\n"
        "Officers say boats from the fire service and the RNLI are working street by street.\n"
        "Image copyright\nPA\nImage caption\n"
        "Residents of Warwick Road were taken to safety by boat\n"
        "Share this post\nPosted at 17:39\n'It came through the floorboards'\n"
        "I'm standing on Main Street in Keswick, where the water is running down the road.\n"
    )
    assert page.page.title is None
    assert [(e.clock, e.headline) for e in page.entries] == [
        (None, "Carlisle residents told: stay upstairs"),
        ("17:39", "'It came through the floorboards'"),
    ]


def test_a_summary_heading_on_the_last_line_under_a_window_top_paragraph() -> None:
    # (Found by the fuzz tests: the heading's items would stand past the page's end.)
    page = read_text(
        '    "It gives you awful memories leaving the cup final, but today has cured a lot of'
        " those memories.\r\nSummary"
    )
    assert len(page.entries) == 1
