"""Tests for livebrief.parse.header: the page facts and furniture above a text page's first post.

Made-up pages in the shapes of real ones (Guardian, Sky, NBC, Washington Post, France 24,
DW, AP, Kyiv Independent); the golden set (tests/test_parse_golden.py) scores real pages.
"""

from __future__ import annotations

from datetime import date

import pytest

from livebrief.parse import bylines
from livebrief.parse import lines as L
from livebrief.parse.text import read_text


def test_header_names_summary_items_over_the_first_post_and_unread_lines() -> None:
    text = """\
Kim Jong Un arrives in Russia
Martin Belam (now) and Helen Sullivan (earlier)
Summary
Kim Jong Un has arrived in Russia by armoured train
He is due to meet Putin at the Vostochny space centre
Latest post
Kim and Putin tour rocket launch site
The two leaders have been shown around the Vostochny cosmodrome this morning.
Putin said Russia would help North Korea build satellites in the coming years.
Kim arrives at Vostochny
Kim's armoured train has arrived at the space centre, Russian media report.
"""
    parsed = read_text(text, source="header.txt")
    page = parsed.page
    assert page.authors == ["Martin Belam", "Helen Sullivan"]
    assert page.summary == [
        "Kim Jong Un has arrived in Russia by armoured train",
        "He is due to meet Putin at the Vostochny space centre",
    ]
    heads = [e.headline for e in parsed.entries]
    assert heads == ["Kim and Putin tour rocket launch site", "Kim arrives at Vostochny"]
    assert not any("above the first post" in n for n in page.notes)
    # A "Summary" that the first post follows directly: the items end at its headline.
    direct = read_text(text.replace("Latest post\n", ""), source="direct.txt")
    assert direct.page.summary == page.summary
    assert [e.headline for e in direct.entries] == heads


def test_header_text_that_is_no_page_fact_is_named_in_a_note() -> None:
    text = """\
Israel-Gaza war: Biden says ceasefire deal is close
Negotiators meet again in Doha on Friday, officials say
Tickets for the talks went on sale
Another unread line here
All times stated are UK
Biden: 'We're close, but not done'
Speaking in New York, the US president said negotiators were close to an agreement.
"""
    page = read_text(text, source="unread.txt").page
    assert page.standfirst == "Negotiators meet again in Doha on Friday, officials say"
    assert "above the first post, not read as a page fact or post: " in " ".join(page.notes)
    assert "'Tickets for the talks went on sale' and 1 more" in " ".join(page.notes)


def test_kickers_over_an_exclaimed_live_title_and_the_stamp_over_bare_clocks() -> None:
    text = """\
Football
Premier League
Liverpool v Manchester City: Premier League – live!
Minute-by-minute report: Liverpool stretch their lead at the top to nine points. Scott Murray
Scott Murray
Sun 10 Nov 2019 18.31 GMT
First published on Sun 10 Nov 2019 15.02 GMT
18:31
FULL TIME: Liverpool 3-1 Manchester City
And that's that! Liverpool are nine points clear at the top of the table.
18:27
Salah almost makes it four but Bravo gets down well to save.
"""
    parsed = read_text(text, source="guardian.txt")
    assert parsed.page.title == "Liverpool v Manchester City: Premier League – live!"
    assert parsed.page.updated == "Sun 10 Nov 2019 18.31 GMT"
    assert [(e.headline, e.clock) for e in parsed.entries] == [
        ("FULL TIME: Liverpool 3-1 Manchester City", "18:31"),
        (None, "18:27"),
    ]


def test_heres_what_to_know_ends_at_the_first_posts_headline_over_its_time() -> None:
    text = """\
Live Updates: Another Strong Earthquake Shakes Western Afghanistan

The magnitude 6.3 quake struck near Herat, a week after earthquakes killed more than 1,000.

Updated Oct. 14, 2023, 9:12 p.m. ET

Here's what to know

A magnitude 6.3 earthquake struck about 20 miles northwest of Herat on Sunday morning.
At least four people were killed and more than 150 injured, according to the W.H.O.

The U.N. appeals for more funding

Oct. 14, 2023, 1:47 p.m. ET

The United Nations appealed on Sunday for an additional $20 million.
"""
    parsed = read_text(text, source="nyt.txt")
    assert len(parsed.page.summary) == 2
    assert [(e.headline, e.clock) for e in parsed.entries] == [
        ("The U.N. appeals for more funding", "13:47")
    ]


def test_a_scoreboards_teams_are_no_page_authors() -> None:
    text = """\
Sheffield Wednesday v Leeds United: Championship – live
Tom Ransome
Saturday 16 April 2016 19.31 BST
Sheffield Wednesday
2
Leeds United
1
7.24pm BST
Full time: Sheffield Wednesday 2-1 Leeds United
Wednesday come from behind to win the derby, and Hillsborough is bouncing.
"""
    parsed = read_text(text, source="guardian.txt")
    assert parsed.page.authors == ["Tom Ransome"]
    assert [e.headline for e in parsed.entries] == [
        "Full time: Sheffield Wednesday 2-1 Leeds United"
    ]


def test_a_key_events_box_with_each_age_glued_to_its_headline() -> None:
    text = """\
Europe wildfires live: thousands evacuated in Sicily as blazes close Palermo airport
Firefighters battle flames near Palermo; Greek authorities order new evacuations on Evia
Tue 25 Jul 2023 17.05 BST
Key events
2h ago Palermo airport closed as fire reaches runway perimeter
4h ago Greece orders evacuation of villages on Evia
15m ago16.50 BST
Tom Ambrose
Sicily regional president calls for state of emergency
The president of Sicily has asked the Italian government to declare a state of emergency.
"""
    parsed = read_text(text, source="guardian.txt")
    assert parsed.page.updated == "Tue 25 Jul 2023 17.05 BST"
    assert parsed.page.summary == [
        "Palermo airport closed as fire reaches runway perimeter",
        "Greece orders evacuation of villages on Evia",
    ]
    assert [(e.headline, e.clock, e.author) for e in parsed.entries] == [
        ("Sicily regional president calls for state of emergency", "16:50", "Tom Ambrose")
    ]


def test_a_key_events_box_with_zoned_clocks_closed_by_live_feed() -> None:
    page = read_text(
        "Chelsea v Arsenal: Premier League – as it happened\n"
        "Kurt Zouma and Eden Hazard score as Arsenal finish with nine men\nJacob Steinberg\n"
        "Saturday 19 September 2015 14.31 BST\nKey events\nShow\n2.22pm BST\n"
        "Full time: Chelsea 2-0 Arsenal\n1.22pm BST\nGOAL! Chelsea 1-0 Arsenal (Zouma 53)\n"
        "Live feed\n\n2.31pm BST\n14:31\n\nThat's it from me. Thanks for reading. Bye!\n\n"
        "2.22pm BST\n14:22\n\nFull time: Chelsea 2-0 Arsenal\n\n"
        "Peep peep peep! Chelsea have won their first home game of the season.\n",
        source="box.txt",
    )
    assert page.page.summary == [
        "Full time: Chelsea 2-0 Arsenal",
        "GOAL! Chelsea 1-0 Arsenal (Zouma 53)",
    ]
    assert [e.clock for e in page.entries] == ["14:31", "14:22"]


def test_a_live_badge_under_the_title_and_the_stamp_under_the_shift_names() -> None:
    page = read_text(
        "England v Australia: fourth Ashes Test, day two – live\n\nLive\n\n"
        "Australia 317 all out (Marsh 51, Woakes 5-62); England 384-4 (Crawley 189, Root 84*)\n\n"
        "Tanya Aldred (now) and Rob Smyth (earlier)\n\nThu 20 Jul 2023 18.42 BST\n\n"
        "18.38 BST\n\nStumps: England 384-4, lead by 67\n\n"
        "That's the close of play. England end the day 67 runs ahead with six wickets in hand.\n",
        source="ashes.txt",
    )
    assert page.page.title == "England v Australia: fourth Ashes Test, day two – live"
    assert page.page.standfirst == (
        "Australia 317 all out (Marsh 51, Woakes 5-62); England 384-4 (Crawley 189, Root 84*)"
    )
    assert page.page.authors == ["Tanya Aldred", "Rob Smyth"]
    assert page.page.updated == "Thu 20 Jul 2023 18.42 BST"
    assert [(e.headline, e.clock, e.labels) for e in page.entries] == [
        ("Stumps: England 384-4, lead by 67", "18:38", [])
    ]


def test_a_window_opening_inside_a_key_events_box() -> None:
    # The box's heading was cut off: its clocks and headlines up to "Live feed" are the
    # summary, its toggles under "Live feed" furniture.
    page = read_text(
        "7.40pm\n\nMay's deal defeated - MPs vote by 432 to 202\n\n12.40pm\n\n"
        "PMQs - Snap verdict\n\nLive feed\n\nShow\n\nReverse\n\n10.36pm GMT\n\n22:36\n\n"
        "Here is the BBC's Laura Kuenssberg on the mood at Westminster tonight.\n\n"
        "Some 118 Tory MPs voted against the deal.\n",
        source="box.txt",
    )
    assert page.page.summary == [
        "May's deal defeated - MPs vote by 432 to 202",
        "PMQs - Snap verdict",
    ]
    assert [(e.headline, e.clock, len(e.paragraphs)) for e in page.entries] == [(None, "22:36", 2)]
    assert not page.page.notes or "Reverse" not in page.page.notes[0]
    # ... also from an item whose age the cut took, or from the box's toggle.
    keegan = "Keegan apologises for ‘choice language’ in ITV clip\n"
    for top in (keegan, "Show\n7.52pm\n" + keegan):
        item = read_text(
            f"{top}1h ago\nSunak says he was ‘surprised’ by RAAC advice\n"
            "3h ago\nLabour tables urgent question on school buildings\nShow key events only\n"
            "Please turn on JavaScript to use this feature\n4.51pm BST\nKey event\n"
            "Keegan apologises for ‘choice language’ in ITV clip\n"
            "Gillian Keegan has apologised for the language she used after an interview.\n",
            source="box.txt",
        )
        assert item.page.summary[-2:] == [
            "Sunak says he was ‘surprised’ by RAAC advice",
            "Labour tables urgent question on school buildings",
        ]
        assert [(e.headline, e.clock) for e in item.entries] == [
            ("Keegan apologises for ‘choice language’ in ITV clip", "16:51")
        ]


def test_a_copying_sites_menu_tagline_and_breadcrumb_are_no_page_facts() -> None:
    page = read_text(
        "Gulf Sports Wire\nYour daily window on world sport\nHome\nFootball\nContact Us\n"
        "Home » Football » Transfer deadline day: Sissoko, Luiz, Zaha and more\n"
        "Transfer deadline day: Sissoko, Luiz, Zaha and more\nadmin\nAugust 31, 2016\n"
        "0 Comments\nLeave a comment\nLive Reporting\nBy Phil McNulty and Emma Sanders\n"
        "All times stated are UK\nPosted at 23:0223:02\nWindow shuts - the final word\n"
        "So that's it. The summer transfer window has closed and clubs have spent a record.\n",
        source="copy.txt",
    )
    assert page.page.title == "Transfer deadline day: Sissoko, Luiz, Zaha and more"
    assert page.page.standfirst is None
    assert page.page.authors == ["Phil McNulty", "Emma Sanders"]
    assert [(e.headline, e.clock) for e in page.entries] == [
        ("Window shuts - the final word", "23:02")
    ]


def test_the_guardians_old_page_stamp_gives_the_zone() -> None:
    page = read_text(
        "Politics live blog – Wednesday 13 July 2011\n"
        "Rolling coverage of all the day's political developments\nAndrew Sparrow\n"
        "guardian.co.uk, Wednesday 13 July 2011 18.02 BST\nArticle history\n\n"
        "8.47am: Good morning. It's another huge day in the phone-hacking saga.\n\n"
        "9.15am: Here's the text of the Labour motion, which has now been tabled.\n",
        source="guardian2011.txt",
    )
    assert page.page.timezone == "Europe/London"
    assert page.page.updated == "guardian.co.uk, Wednesday 13 July 2011 18.02 BST"
    assert page.page.notes == []
    first = page.entries[0].time
    assert first is not None and first.isoformat() == "2011-07-13T08:47:00+01:00"


def test_a_dated_stamp_under_the_page_byline_and_related_topics() -> None:
    page = read_text(
        "Ukraine-Russia war latest: Kremlin preparing new offensive on Kharkiv\n"
        "Defence Secretary says Russian troops are massing north of the city\n"
        "By Danielle Sheridan, Tony Diver and Verity Bowman\n17 May 2022 • 10:58pm\n"
        "Related Topics\nRussia\nUkraine\nVladimir Putin\n"
        "10:45 PM\nZelensky: 'Ukraine needs its heroes alive'\n"
        "Volodymyr Zelensky said the evacuation of fighters was being carried out to save lives.\n"
        "10:31 PM\nLviv hit by missiles\nNo casualties have been reported so far in the city.\n",
        source="telegraph.txt",
    )
    assert page.page.updated == "17 May 2022 • 10:58pm"
    assert page.page.authors == ["Danielle Sheridan", "Tony Diver", "Verity Bowman"]
    assert [e.clock for e in page.entries] == ["22:45", "22:31"]


def test_related_topics_on_one_line_are_no_page_authors() -> None:
    page = read_text(
        "Politics latest news: Farage demands snap election as Reform tops second poll\n"
        "Follow the latest updates below\nRelated Topics\n"
        "Reform UK, Nigel Farage, Keir Starmer, Labour Party, Conservative Party\n"
        "By Dominic Penna, Political Correspondent and Amy Gibbons\n18 March 2025 • 9:58pm\n"
        "7:42 pm\nReeves refuses to rule out further tax rises\n"
        "Rachel Reeves has refused to rule out raising taxes again in the autumn.\n"
        "7:15 pm\nStarmer faces Labour backlash over disability benefit cuts\n"
        "Sir Keir Starmer is facing a growing revolt from his own backbenches.\n"
    )
    assert page.page.authors == ["Dominic Penna", "Amy Gibbons"]
    assert [e.clock for e in page.entries] == ["19:42", "19:15"]


def test_usa_today_page_byline_names_over_the_outlet() -> None:
    page = read_text(
        "LIVE\n\nLive updates: Tornadoes rip through Middle Tennessee, killing at least 7\n\n"
        "Jeanine Santucci\n\nChristopher Cann\n\nUSA TODAY\n\n"
        "Published 3:12 p.m. ET Mar. 6, 2024 | Updated 11:05 p.m. ET Mar. 6, 2024\n\n"
        "A line of severe storms spawned multiple tornadoes across Middle Tennessee.\n\n"
        "Death toll rises to 7, Tennessee emergency officials say\n\n"
        "Published 11:02 p.m. ET Mar. 6, 2024\n\n"
        "At least seven people have died after tornadoes touched down on Wednesday.\n"
    )
    assert page.page.authors == ["Jeanine Santucci", "Christopher Cann"]
    assert [e.clock for e in page.entries] == ["23:02"]


@pytest.mark.parametrize("video_by", [True, False])
def test_france_24_standfirst_and_zone_under_the_lead_photos_caption(video_by: bool) -> None:
    page = read_text(
        "Live\nFrance\n"
        "Live: French farmers tighten blockades around Paris as talks with government stall\n"
        "Issued on: 31/01/2024 - 07:05 Modified: 31/01/2024 - 19:48\nBy: FRANCE 24\n"
        + ("Video by: FRANCE 24\n" if video_by else "")
        + "Farmers block the A6 motorway near Chilly-Mazarin, south of Paris, on January 31, "
        "2024. © Emmanuel Dunand, AFP\n"
        "French farmers kept up their blockades of motorways around Paris on Wednesday. "
        "All times are Paris time (GMT+1).\nAdvertising\n19:48\n"
        "Attal to present new measures on Thursday afternoon\n"
        "Prime Minister Gabriel Attal will present a new set of measures for farmers.\n"
    )
    assert page.page.timezone == "Europe/Paris"
    assert page.page.authors == ["FRANCE 24"]
    assert page.page.standfirst is not None and page.page.standfirst.startswith("French farmers")
    assert [(e.clock, e.headline) for e in page.entries] == [
        ("19:48", "Attal to present new measures on Thursday afternoon")
    ]
    first = page.entries[0].time
    assert first is not None and first.isoformat() == "2024-01-31T19:48:00+01:00"


def test_guardian_2011_section_kickers_over_a_dated_title() -> None:
    page = read_text(
        "News\nWorld news\nMiddle East and north Africa\n"
        "Bahrain, Yemen and Syria unrest - Thursday 14 April 2011\n"
        "• Yemeni president offers to hand over power as rallies grow in Sana'a\n"
        "• Syrian security forces fire on mourners in Douma, activists say\n"
        "guardian.co.uk, Thursday 14 April 2011 18.12 BST\nArticle history\n"
        "8.52am: Good morning and welcome to another day of live coverage of the unrest.\n"
        "9.14am: Syria: Activists have published the names of three people killed in Douma.\n"
    )
    assert page.page.title == "Bahrain, Yemen and Syria unrest - Thursday 14 April 2011"
    assert page.page.standfirst is None
    assert len(page.page.summary) == 2


def test_heres_what_to_know_is_the_summary() -> None:
    page = read_text(
        "Live updates: House passes stopgap bill hours before shutdown deadline\n"
        "The measure now goes to the Senate, where leaders of both parties have signaled support\n"
        "By Jacob Bogage and Theodoric Meyer\nHere's what to know\n"
        "The House voted 320-99 to extend funding for some agencies through March 8.\n"
        "The Senate is expected to vote later Friday.\n"
        "March 1, 2024 at 4:40 p.m. EST\nSenate clears procedural hurdle\nBy Jacob Bogage\n"
        "The Senate voted 77-13 to advance the stopgap bill, setting up a final vote.\n",
        source="wapo.txt",
    )
    assert len(page.page.summary) == 2
    assert [e.headline for e in page.entries] == ["Senate clears procedural hurdle"]


def test_a_closed_live_blogs_badge_over_its_title() -> None:
    page = read_text(
        "Live updates (closed)\n\n"
        "Netanyahu says hostage talks 'not at a dead end' as mediators head to Cairo\n\n"
        "PM tells cabinet Israel will send delegation; Hamas says it has no new proposal\n\n"
        "The Times of Israel liveblogged Sunday's events as they happened.\n\n"
        "IDF says troops killed 12 gunmen in Khan Younis over past day\n\n"
        "The Israel Defense Forces says troops killed some 12 gunmen over the past day.\n\n"
        "Cabinet approves plan to rebuild Gaza border communities\n\n"
        "The cabinet approves a plan to allocate NIS 1.4 billion for the communities.\n",
        source="toi.txt",
    )
    assert page.page.title == (
        "Netanyahu says hostage talks 'not at a dead end' as mediators head to Cairo"
    )
    assert [e.headline for e in page.entries] == [
        "IDF says troops killed 12 gunmen in Khan Younis over past day",
        "Cabinet approves plan to rebuild Gaza border communities",
    ]


def test_a_window_of_one_post_over_footer_links_is_that_post() -> None:
    page = read_text(
        "Sunday's Gaza death toll climbs, Hamas-run ministry says\n\n"
        "The Hamas-run Gaza health ministry claims that 29,092 people have been killed.\n\n"
        "The figure cannot be independently verified and does not tell civilians apart.\n\n"
        "Read more\nLive updates (closed)\n"
        "Ahead of Rafah push, Israel says it will allow civilians to leave combat zones\n"
        "Most Popular\n",
        source="toi.txt",
    )
    assert [e.headline for e in page.entries] == [
        "Sunday's Gaza death toll climbs, Hamas-run ministry says"
    ]


def test_reuters_chrome_and_glued_stamp() -> None:
    page = read_text(
        "Exclusive news, data and analytics for financial market professionalsLearn more "
        "aboutRefinitiv\nLive: Typhoon Kong-rey slams into Taiwan as strongest storm in decades\n"
        "By Reuters\nOctober 31, 20244:45 PM GMT+8Updated 12 min ago\n"
        "October 31, 2024 1:58 PM GMT+8\nTaiwan president urges people to stay indoors\n"
        "President Lai Ching-te urged people to avoid going outdoors and to stay away.\n"
        "Taiwan President Lai Ching-te speaks in Taipei. Taiwan Presidential Office/Handout via "
        "REUTERS\nPurchase Licensing Rights, opens new tab\n"
        "October 31, 2024 1:15 PM GMT+8\nMarkets closed for second day\n"
        "Taiwan's stock exchange and foreign exchange market were closed for the day.\n",
        source="reuters.txt",
    )
    assert (
        page.page.title == "Live: Typhoon Kong-rey slams into Taiwan as strongest storm in decades"
    )
    assert page.page.updated == "October 31, 20244:45 PM GMT+8Updated 12 min ago"
    assert page.page.timezone == "Etc/GMT-8"
    first = page.entries[0]
    assert (first.clock, len(first.paragraphs)) == ("13:58", 1)
    assert "Purchase Licensing Rights, opens new tab" in first.embeds


def test_editors_before_a_piped_stamp() -> None:
    page = read_text(
        "Himachal Cloudburst Live Updates: 4 Dead, 50 Missing In Shimla\n"
        "Edited by Anindita Sanyal | Updated: August 01, 2024 23:12 IST\n"
        "Aug 01, 2024 23:05 (IST)\nRescue Ops To Resume At First Light, Says Official\n"
        "Search operations in Samej village will resume at first light on Friday.\n",
        source="ndtv.txt",
    )
    assert page.page.editors == ["Anindita Sanyal"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Martin Belam (now) and Helen Sullivan (earlier)", ["Martin Belam", "Helen Sullivan"]),
        ("Tom Ambrose, Yo Lowe and Adam Fulton", ["Tom Ambrose", "Yo Lowe", "Adam Fulton"]),
        ("Maroosha Muzaffar,Tom Watling", ["Maroosha Muzaffar", "Tom Watling"]),
        (
            "Tom Ambrose (now); Léonie Chao-Fong, Martin Belam and Adam Fulton (earlier)",
            ["Tom Ambrose", "Léonie Chao-Fong", "Martin Belam", "Adam Fulton"],
        ),
        ("Andrew Sparrow", ["Andrew Sparrow"]),
        ("Israel-Gaza war", None),
        ("Russia", None),
        ("Kim and Putin tour rocket launch site", None),
    ],
)
def test_header_names(line: str, names: list[str] | None) -> None:
    assert bylines.header_names(line) == names


SKY_POLITICS = """\
Politics latest: Sunak faces backbench revolt over housing targets
Rishi Sunak is facing a rebellion from Tory MPs over housing targets tonight.
Wednesday 13 September 2023 00:25, UK
Politics
Why you can trust Sky News
Key points
Tory MPs threaten rebellion over housing targets
Keegan: 'No school will be left unsafe'
Live reporting by Alix Culbertson and (earlier) Jennifer Scott
00:20
That's all for tonight
Thanks for following along with the Politics Hub.
23:52
Breaking
Minister resigns over undeclared donations
By Jennifer Scott, political reporter, and Alix Culbertson, political reporter
Housing minister Daniel Hartwell has resigned over donations from a developer.
"""


def test_sky_stamp_with_a_zone_key_points_and_a_byline_with_two_roles() -> None:
    parsed = read_text(SKY_POLITICS, source="sky.txt")
    page = parsed.page
    assert page.title == "Politics latest: Sunak faces backbench revolt over housing targets"
    assert (page.updated, page.date, page.timezone) == (
        "Wednesday 13 September 2023 00:25, UK",
        "2023-09-13",
        "Europe/London",
    )
    assert page.authors == ["Alix Culbertson", "Jennifer Scott"]
    assert page.summary == [
        "Tory MPs threaten rebellion over housing targets",
        "Keegan: 'No school will be left unsafe'",
    ]
    first, second = parsed.entries
    assert first.time is not None and first.time.isoformat() == "2023-09-13T00:20:00+01:00"
    assert second.time is not None and second.time.isoformat() == "2023-09-12T23:52:00+01:00"
    assert (second.labels, second.authors, second.role) == (
        ["Breaking"],
        ["Jennifer Scott", "Alix Culbertson"],
        "political reporter",
    )


GUARDIAN_HEADER = """\
Live
Russia-Ukraine war
Russia-Ukraine war live: Kyiv says drones hit Saky airfield in Crimea
Ukrainian military intelligence claims two bombers damaged; Moscow says there is no basis for talks
Martin Belam (now) and Helen Sullivan (earlier)
Tue 12 Sep 2023 14.58 BST
First published on Tue 12 Sep 2023 01.04 BST
Key events
1h ago
Summary of the day so far
3h ago
Drone strikes reported at Saky airfield
Show key events only
Live feed
From 1h ago
1h ago
13.52 BST
Summary of the day so far
Drones struck the Saky airfield in Crimea overnight, damaging two bombers.
3h ago
12.18 BST
Key event
Drone strikes reported at Saky airfield
Ukraine's military intelligence agency has released footage of the strike.
"""


def test_guardian_badge_kicker_stamps_and_key_events_box() -> None:
    parsed = read_text(GUARDIAN_HEADER, source="guardian.txt")
    page = parsed.page
    assert page.title == "Russia-Ukraine war live: Kyiv says drones hit Saky airfield in Crimea"
    assert page.standfirst is not None and page.standfirst.startswith("Ukrainian military")
    assert page.authors == ["Martin Belam", "Helen Sullivan"]
    assert page.date == "2023-09-12" and page.timezone == "Europe/London"
    # The "Key events" box links to posts further down: the page's summary, never posts.
    assert page.summary == ["Summary of the day so far", "Drone strikes reported at Saky airfield"]
    got = [(e.headline, e.clock, e.age, e.labels) for e in parsed.entries]
    assert got == [
        ("Summary of the day so far", "13:52", "1h ago", []),
        ("Drone strikes reported at Saky airfield", "12:18", "3h ago", ["Key event"]),
    ]


def test_furniture_over_the_title_of_a_timed_page() -> None:
    text = """\
LIVE BLOG
Live updates: Biden marks Jan. 6 anniversary with warning about Trump
President Joe Biden is set to deliver a speech near Valley Forge, Pennsylvania.
By Rebecca Shabad and Megan Lebowitz
3h ago / 6:05 PM EST
Biden: 'Democracy is on the ballot'
In his speech, Biden repeatedly referred to Trump as a threat to democracy.
"""
    parsed = read_text(text, source="nbc.txt")
    assert (
        parsed.page.title == "Live updates: Biden marks Jan. 6 anniversary with warning about Trump"
    )
    assert parsed.page.authors == ["Rebecca Shabad", "Megan Lebowitz"]
    assert [e.headline for e in parsed.entries] == ["Biden: 'Democracy is on the ballot'"]


@pytest.mark.parametrize(
    ("line", "zone", "day"),
    [
        ("All times are Paris time (GMT+1)", "Europe/Paris", None),
        (
            "Updated January 5, 2024 at 7:15 p.m. EST|Published January 5, 2024 at 1:02 a.m. EST",
            "America/New_York",
            "2024-01-05",
        ),
        ("Published On 12 Sep 2023", None, "2023-09-12"),
    ],
)
def test_zone_notes_and_page_stamps(line: str, zone: str | None, day: str | None) -> None:
    text = f"""\
Live: Russia pounds Ukraine with record barrage
{line}
7:15
Poland scrambles jets as missile enters its airspace
Poland's armed forces said an object entered Polish airspace near the border.
"""
    page = read_text(text, source="stamp.txt").page
    assert (page.timezone, page.date) == (zone, day)


def test_site_menu_over_the_title_names_with_places_and_stamp_order() -> None:
    text = """\
Skip to main content
The Guardian - Back to home
News
Opinion
World
Europe
Portugal wildfires live: thousands evacuated as Monchique blaze spreads
Rachel Okafor in Faro and Dan Whitlow in Lisbon
Tue 8 Aug 2023 17.12 BST
First published on Tue 8 Aug 2023 07.41 BST
4.58pm BST
Evacuation extended to Marmelete
Civil protection authorities have extended the evacuation order.
Topics
Wildfires
Portugal
"""
    parsed = read_text(text, source="guardian.txt")
    page = parsed.page
    assert page.title == "Portugal wildfires live: thousands evacuated as Monchique blaze spreads"
    assert page.authors == ["Rachel Okafor", "Dan Whitlow"]
    assert page.updated == "Tue 8 Aug 2023 17.12 BST"  # the last update, not "First published"
    (entry,) = parsed.entries
    assert (entry.headline, entry.paragraphs, entry.captions) == (
        "Evacuation extended to Marmelete",
        ["Civil protection authorities have extended the evacuation order."],
        [],  # the footer's topics are no captions
    )
    # ... nor over a copying site's own footer.
    copied = read_text(
        text.replace(
            "Portugal\n",
            "Portugal\nSource: The Guardian\nRelated posts\n"
            "Boris Johnson resigns as foreign secretary\n© 2023 NewsLenz.\n",
        ),
        source="copy.txt",
    )
    assert copied.entries[0].captions == []


def test_standfirst_byline_and_stamp_over_timed_posts_are_the_header() -> None:
    text = """\
Ukraine-Russia war latest: Kyiv hit by wave of hypersonic missiles
Follow the latest updates below
By Tony Diver, US Editor; and Nataliya Vasilyeva, Russia Correspondent
5 January 2024 • 10:42pm
Related Topics
Ukraine
Latest
22:42
Zelensky: Russia used 'everything it has'
Zelensky said Russia had used almost every type of weapon in its arsenal.
21:58
Pictured: Aftermath in Kyiv
Rescuers work at the site of a residential building damaged during a missile attack
Credit: Gleb Garanich/Reuters
"""
    parsed = read_text(text, source="telegraph.txt")
    page = parsed.page
    assert page.standfirst == "Follow the latest updates below"
    assert page.authors == ["Tony Diver", "Nataliya Vasilyeva"]
    assert (page.updated, page.date) == ("5 January 2024 • 10:42pm", "2024-01-05")
    first, second = parsed.entries
    assert first.headline == "Zelensky: Russia used 'everything it has'"
    assert (second.paragraphs, len(second.captions)) == ([], 2)  # alt text over its credit


def test_france24_stamps_a_zone_note_inside_the_standfirst_and_a_closed_notice() -> None:
    text = """\
Live: Russia pounds Ukraine with record barrage, Poland scrambles jets
Issued on: 05/01/2024 - 06:42
Modified: 06/01/2024 - 00:25
Russia launched 158 missiles at Ukraine on Friday. All times are Paris time (GMT+1).
00:25
This live page is no longer being updated. Thank you for following our coverage.
23:40
Explosions reported in Kharkiv
Local governor Oleh Synehubov said several explosions were heard in the city.
"""
    parsed = read_text(text, source="france24.txt", date=date(2024, 1, 5))
    page = parsed.page
    assert page.updated == "Modified: 06/01/2024 - 00:25"  # the last update, not the first
    assert page.timezone == "Europe/Paris"
    assert [(e.headline, e.paragraphs) for e in parsed.entries] == [
        (None, []),
        (
            "Explosions reported in Kharkiv",
            ["Local governor Oleh Synehubov said several explosions were heard in the city."],
        ),
    ]
    assert parsed.entries[1].time is not None
    assert parsed.entries[1].time.isoformat() == "2024-01-05T23:40:00+01:00"


def test_counters_and_one_word_boxes_under_a_cut_title_are_no_title() -> None:
    text = """\
First published on Wednesday 6 July 2016 07.49 BST
Shares
1,024
Comments
387
Show
5.42pm BST
17:42
Closing summary
Italian bank shares fell sharply again today as rescue talks stalled.
"""
    parsed = read_text(text, source="guardian.txt")
    assert parsed.page.title is None
    assert not any("above the first post" in n for n in parsed.page.notes)
    assert [e.headline for e in parsed.entries] == ["Closing summary"]


def test_a_window_cut_under_the_title_keeps_the_standfirst_stamp_and_byline() -> None:
    # France 24: both stamps in one line, the standfirst (with the zone note) above them.
    text = """\
Blinken arrived in Turkey on Friday at the start of a regional tour. Follow FRANCE 24's live \
coverage of the war. All times are Paris time (GMT+1).

Issued on: 05/01/2024 - 08:12 Modified: 06/01/2024 - 00:25

By: FRANCE 24

Follow

4 min

00:25

Blinken arrives in Turkey on regional tour

US Secretary of State Antony Blinken landed in Istanbul late Friday.

23:48

Israel says it found weapons factory in central Gaza

The Israeli army said its troops had found a weapons site in central Gaza.
"""
    parsed = read_text(text, source="france24.txt")
    page = parsed.page
    assert page.title is None and page.standfirst is not None
    assert page.standfirst.startswith("Blinken arrived in Turkey")
    assert (page.authors, page.timezone) == (["FRANCE 24"], "Europe/Paris")
    assert [e.headline for e in parsed.entries] == [
        "Blinken arrives in Turkey on regional tour",
        "Israel says it found weapons factory in central Gaza",
    ]
    # The newest post is dated by the last update, printed after the first in the same line.
    assert [e.time.isoformat() if e.time else None for e in parsed.entries] == [
        "2024-01-06T00:25:00+01:00",
        "2024-01-05T23:48:00+01:00",
    ]


def test_key_developments_that_repeat_the_headlines_and_an_untitled_intro() -> None:
    text = """\
Ukraine war latest: Russia launches massive missile attack, killing at least 39
by The Kyiv Independent news desk
4 min read
Key developments on Jan. 5:
Zelensky calls on partners to speed up air defense deliveries
Poland says Russian missile entered its airspace
Russia launched 158 missiles and drones at Ukraine overnight, killing at least 39 people.
Ukraine's Air Force said it intercepted 114 of the targets overnight.
Rescue workers at the site of an attack in Kyiv. (Oleksii Chumachenko/Anadolu via Getty Images)
Zelensky calls on partners to speed up air defense deliveries
President Zelensky urged partners to speed up deliveries of air defense systems.
Poland says Russian missile entered its airspace
Poland's armed forces said a Russian missile entered Polish airspace for three minutes.
"""
    parsed = read_text(text, source="kyiv.txt")
    assert parsed.page.summary == [
        "Zelensky calls on partners to speed up air defense deliveries",
        "Poland says Russian missile entered its airspace",
    ]
    got = [(e.headline, len(e.paragraphs), len(e.captions)) for e in parsed.entries]
    assert got == [
        (None, 2, 1),
        ("Zelensky calls on partners to speed up air defense deliveries", 1, 0),
        ("Poland says Russian missile entered its airspace", 1, 0),
    ]
    # A window cut above the last item's post: the item shares no word with the paragraph
    # under the list, so it is still an item, not that paragraph's headline.
    cut = read_text(
        text.replace(
            "Poland says Russian missile entered its airspace", "Parliament passes bill"
        ).split("Parliament passes bill\nPoland's")[0]
    )
    assert cut.page.summary[1] == "Parliament passes bill"
    assert cut.entries[0].headline is None


@pytest.mark.parametrize("after", ["Posted at 16:2016:20\n", ""])
def test_a_summary_ends_at_the_first_posts_time_or_headline(after: str) -> None:
    text = f"""\
Zermatt avalanche: Thousands of tourists cut off
Summary
Heavy snow has cut off the Swiss resort of Zermatt
About 13,000 tourists are unable to leave
{after}Two skiers missing near Saas-Fee
Police say two skiers have been reported missing near Saas-Fee.
"""
    parsed = read_text(text, source="summary.txt")
    assert parsed.page.summary == [
        "Heavy snow has cut off the Swiss resort of Zermatt",
        "About 13,000 tourists are unable to leave",
    ]
    assert [e.headline for e in parsed.entries] == ["Two skiers missing near Saas-Fee"]


@pytest.mark.parametrize("headline", ["That's all for today", "Executive meets for the first time"])
def test_a_summary_ends_at_a_headline_with_its_time_under_it(headline: str) -> None:
    text = f"""\
Stormont: Michelle O'Neill becomes first nationalist first minister
Live Reporting
All times stated are UK
Summary
Michelle O'Neill of Sinn Féin is Northern Ireland's first minister
Stormont has been without a government for two years
{headline}
published at 17:32 Greenwich Mean Time
Thanks for joining us on a historic day at Stormont. Our live coverage is now ending.
Speaker elected
published at 14:12 Greenwich Mean Time
Edwin Poots of the DUP has been elected Speaker of the Assembly.
"""
    parsed = read_text(text, source="summary.txt")
    assert len(parsed.page.summary) == 2
    assert [(e.headline, e.clock) for e in parsed.entries] == [
        (headline, "17:32"),
        ("Speaker elected", "14:12"),
    ]


@pytest.mark.parametrize(
    ("line", "roster"),
    [
        (
            "With reporting from Nick Witchell at Westminster Abbey, Sean Coughlan and Dan Relph "
            "on the Mall, and Jon Kay in Windsor",
            [
                ("Nick Witchell", "Westminster Abbey"),
                ("Sean Coughlan", "the Mall"),
                ("Dan Relph", "the Mall"),
                ("Jon Kay", "Windsor"),
            ],
        ),
        ("With updates from our correspondents in Kyiv and Moscow", []),
        (
            "With updates from our team in Kyiv and Moscow, and Ann Lee in London",
            [("Ann Lee", "London")],
        ),
        ("With additional reporting by Ann Lee in Seoul", [("Ann Lee", "Seoul")]),
        (
            "With updates from Dominic Casciani at Bristol Crown Court, Jon Kay outside court "
            "and Rob Corp in London",
            [
                ("Dominic Casciani", "Bristol Crown Court"),
                ("Jon Kay", "outside court"),
                ("Rob Corp", "London"),
            ],
        ),
        (
            "With updates from Joshua Nevett in Runcorn, Iain Watson at the count and Sam "
            "Francis, Paul Seddon in London",
            [
                ("Joshua Nevett", "Runcorn"),
                ("Iain Watson", "at the count"),
                ("Sam Francis", "London"),
                ("Paul Seddon", "London"),
            ],
        ),
    ],
)
def test_roster_forms(line: str, roster: list[tuple[str, str]]) -> None:
    text = f"Coronation: crowds gather along the Mall\n{line}\nAll times stated are UK\n" + (
        "Crowds gather early\nThousands of people lined the Mall early on Saturday morning.\n"
    )
    page = read_text(text, source="roster.txt").page
    assert [(m.name, m.place) for m in page.roster] == roster
    assert page.standfirst is None  # the roster line is a page fact, never the standfirst


def test_agency_page_byline_and_signed_posts() -> None:
    text = """\
Menu
Search Query
Submit Search
LIVE UPDATES
Live updates: Congress returns as shutdown deadline looms
Updated 6:42 PM EST, January 5, 2024
Share
The Associated Press
Lawmakers return to Washington next week facing a deadline to fund the government.
6:42 PM EST
Johnson says he won't back down on border demands
WASHINGTON (AP) — House Speaker Mike Johnson said Friday he would not agree to a deal.
Democrats accused him of holding the government hostage.
— By LISA MASCARO and KEVIN FREKING
Share
5:58 PM EST
Biden to campaign in Pennsylvania
President Joe Biden will deliver a speech near Valley Forge on Friday.
— By ZEKE MILLER
Share
"""
    parsed = read_text(text, source="ap.txt")
    page = parsed.page
    assert page.title == "Live updates: Congress returns as shutdown deadline looms"
    assert page.authors == ["The Associated Press"]
    got = [(e.headline, e.authors, len(e.paragraphs), e.time) for e in parsed.entries]
    assert [g[:3] for g in got] == [
        ("Johnson says he won't back down on border demands", ["Lisa Mascaro", "Kevin Freking"], 2),
        ("Biden to campaign in Pennsylvania", ["Zeke Miller"], 1),
    ]
    assert parsed.entries[0].time is not None
    assert parsed.entries[0].time.isoformat() == "2024-01-05T18:42:00-05:00"


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By: FRANCE 24", ["FRANCE 24"]),
        ("By AP staff", ["AP staff"]),
        ("Live reporting by Faith Ridler.", ["Faith Ridler"]),
        ("By Joshua Berlinger, CNN", ["Joshua Berlinger"]),
        ("By the way this is a sentence", None),
    ],
)
def test_page_bylines(line: str, authors: list[str] | None) -> None:
    assert bylines.page_authors(line) == authors


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("Wednesday May 22 2024, 7.48pm, The Times", "2024-05-22"),
        ("06:12, 23 Jun 2024Updated 14:05, 23 Jun 2024", "2024-06-23"),
        ("Liveblog March 11, 2024", "2024-03-11"),
        ("01/05/2024January 5, 2024", "2024-01-05"),  # DW: the written date wins
    ],
)
def test_a_date_anywhere_over_the_first_post_dates_the_page(stamp: str, day: str) -> None:
    page = read_text(
        f"Election live: Sunak calls snap vote\n{stamp}\n"
        "19:48\nStarmer: ‘Together we can stop the chaos’\n"
        "The Labour leader said the country needed change after 14 years.\n"
        "18:05\nSunak confirms July 4 election\n"
        "The prime minister announced the date outside Downing Street in the rain.\n"
    )
    assert page.page.date == day
    assert page.entries[0].time is not None and page.entries[0].date == day


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("BySarah Jones, Liam Kelly", ["Sarah Jones", "Liam Kelly"]),
        ("By Ciaran McGrath, Senior News Reporter and Alex Hall", ["Ciaran McGrath", "Alex Hall"]),
        (
            "Steven Swinford, Political Editor | Geraldine Scott, Senior Political "
            "Correspondent | Aubrey Allegretti",
            ["Steven Swinford", "Geraldine Scott", "Aubrey Allegretti"],
        ),
    ],
)
def test_page_bylines_glued_with_jobs_or_pipes(line: str, names: list[str]) -> None:
    assert bylines.page_authors(line) == names


def test_a_job_is_not_a_page_author_and_follow_is_not_a_name() -> None:
    page = read_text(
        "Storm Jocelyn LIVE: amber warnings in force\nBySarah Jones, Liam Kelly\nNews Reporter\n"
        "11:32\nScotRail to run limited service from midday\nBy Emanuel Fabian Follow\n"
        "ScotRail says it will begin running a limited timetable from midday.\n"
    )
    assert page.page.authors == ["Sarah Jones", "Liam Kelly"]
    assert page.entries[0].author == "Emanuel Fabian"


def test_guardian_2016_key_events_box_with_clocks_and_a_live_title() -> None:
    page = read_text(
        "Sheffield Wednesday v Leeds United: Championship – live!\nTom Ransome\n"
        "Saturday 16 April 2016 19.31 BST\nFirst published on Saturday 16 April 2016 16.55 BST\n"
        "Key events\nShow\n7.24pm\nFull time: Sheffield Wednesday 2-1 Leeds United\n"
        "5.53pm\nGOAL! Sheffield Wednesday 0-1 Leeds United (Wood 23)\nLive feed\n"
        "Show key events only\n7.24pm BST\nFull time: Sheffield Wednesday 2-1 Leeds United\n"
        "Peep peep-peeeeep! Wednesday come from behind to win the derby.\n"
        "5.53pm BST\nGOAL! Sheffield Wednesday 0-1 Leeds United (Wood 23)\n"
        "23 min: Wood scores! Dallas skins Pudil down the right and Wood turns it in.\n"
        "Explore more on these topics\nFootball\nChampionship\nShare\nReuse this content\n"
    )
    assert page.page.title == "Sheffield Wednesday v Leeds United: Championship – live!"
    assert page.page.authors == ["Tom Ransome"]
    assert page.page.summary == [
        "Full time: Sheffield Wednesday 2-1 Leeds United",
        "GOAL! Sheffield Wednesday 0-1 Leeds United (Wood 23)",
    ]
    assert [(e.clock, len(e.paragraphs)) for e in page.entries] == [("19:24", 1), ("17:53", 1)]
    assert page.entries[-1].captions == [] and page.entries[-1].embeds == []


@pytest.mark.parametrize(
    ("top", "title"),
    [
        (
            "Politics live with Andrew Sparrow\nCole faces Ashcombe at PMQs – politics live\n",
            "Cole faces Ashcombe at PMQs – politics live",
        ),
        (
            "Skip to content\nSky News - back to home\nWatch Live\nHome\nUK\nPolitics\n"
            "Politics latest: Labour promises no tax rises in manifesto launch\n",
            "Politics latest: Labour promises no tax rises in manifesto launch",
        ),
        (
            # A menu word that is also a label ("Weather", "Analysis") is still the menu's.
            "Sky News - back to home\nHome\nUK\nWeather\n"
            "Storm Babet latest: Third person dies as floods hit Scotland\n",
            "Storm Babet latest: Third person dies as floods hit Scotland",
        ),
        (
            # Menu entries of up to four words ("Israel & the Region").
            "Sign in\nJoin our Community\nIsrael at War\nIsrael & the Region\nJewish Times\n"
            "Ops & Blogs\nKnesset passes 2024 budget after all-night session\n",
            "Knesset passes 2024 budget after all-night session",
        ),
        (
            "Stay up to date with notifications from The Independent\n"
            "Notifications can be managed in browser preferences.\n"
            "Storm Elin – live: Hundreds evacuated as River Severn bursts its banks\n",
            "Storm Elin – live: Hundreds evacuated as River Severn bursts its banks",
        ),
        (
            # A photo's caption over the title is no title.
            "Protesters rally in Yerevan's Republic Square on April 22. (Photolure)\n"
            "Live Blog: Protests In Armenia\n",
            "Live Blog: Protests In Armenia",
        ),
        (
            # ... also one whose credit makes it a caption line of its own.
            "Breaking News\nWorkers at the Mozyr oil refinery in Belarus. (file photo)\n"
            "Live Blog: Belarus, Russia And The Druzhba Oil Crisis\n",
            "Live Blog: Belarus, Russia And The Druzhba Oil Crisis",
        ),
        (
            # A copying site's name over a breadcrumb alone, then the title.
            "Scotland News Today\nHome » UK » Scotland\n"
            "Snow and ice bring travel chaos to central Scotland\n",
            "Snow and ice bring travel chaos to central Scotland",
        ),
        (
            "Business live\n"
            "Italian bank shares plunge as Monte dei Paschi rescue talks stall – live\n",
            "Italian bank shares plunge as Monte dei Paschi rescue talks stall – live",
        ),
        (
            "USA TODAY\nU.S.\nPolitics\nSports\nWEATHER\n"
            "Live updates: Arctic blast brings record cold to Midwest\n",
            "Live updates: Arctic blast brings record cold to Midwest",
        ),
        (
            "Home / India News / Lok Sabha election results 2024 LIVE: NDA crosses majority\n",
            "Lok Sabha election results 2024 LIVE: NDA crosses majority",
        ),
    ],
)
def test_the_title_under_menus_site_names_series_and_breadcrumbs(top: str, title: str) -> None:
    page = read_text(
        f"{top}16:10\nReform UK to unveil its contract on Monday\n"
        "Reform UK will publish its policy document on Monday, the party has confirmed.\n"
        "15:42\nJeanine Santucci\nChicago's warming centers were at capacity Tuesday night.\n"
    )
    assert page.page.title == title
    assert [(e.headline, e.author) for e in page.entries] == [
        ("Reform UK to unveil its contract on Monday", None),
        (None, "Jeanine Santucci"),
    ]


def test_a_list_of_names_over_the_posts_is_the_page_byline_not_its_title() -> None:
    page = read_text(
        "Live Reporting\n\nSteve Canning and Mike Whitby\n\nAll times stated are UK\n\n"
        "  1. Messi v Ronaldo - not a sell-out\n\n"
        "    Tuesday's friendly at Old Trafford has struggled to spark interest.\n"
    )
    assert page.page.title is None
    assert page.page.authors == ["Steve Canning", "Mike Whitby"]


def test_nyt_title_under_its_badge_and_stamp_with_kickers_above() -> None:
    page = read_text(
        "Europe\nRussia-Ukraine War\nLive\nUpdated\nSept. 12, 2023, 6:41 p.m. ET\n"
        "Ukraine Strikes Crimea Shipyard, Damaging Russian Submarine and Landing Ship\n"
        "The attack on the port of Sevastopol was one of the most significant since the war.\n"
        "Share full article\nHere’s what to know:\n"
        "Ukraine hit a shipyard in Sevastopol with cruise missiles, damaging two vessels.\n"
        "Kim Jong-un arrived in Russia for talks with Vladimir Putin.\n"
        "Sept. 12, 2023, 6:41 p.m. ET\nSatellite images show damage to the dry dock\n"
        "Marc Santora\nReporting from Kyiv, Ukraine\n"
        "Satellite images taken on Wednesday morning show heavy damage to a dry dock.\n"
    )
    assert page.page.title == (
        "Ukraine Strikes Crimea Shipyard, Damaging Russian Submarine and Landing Ship"
    )
    assert page.page.standfirst is not None and page.page.standfirst.startswith("The attack")
    assert page.page.updated == "Sept. 12, 2023, 6:41 p.m. ET"
    assert len(page.page.summary) == 2
    assert [(e.headline, e.author) for e in page.entries] == [
        ("Satellite images show damage to the dry dock", "Marc Santora")
    ]


def test_live_title_is_never_a_role_line() -> None:
    page = read_text(
        "Afghanistan Earthquake\n\n"
        "Live Updates: Another Strong Earthquake Shakes Western Afghanistan\n\n"
        "The magnitude 6.3 quake struck near Herat, a week after a series of earthquakes.\n\n"
        "Live\nUpdated Oct. 14, 2023, 9:12 p.m. ET\n\nHere’s what to know\n\n"
        "A magnitude 6.3 earthquake struck about 20 miles northwest of Herat on Sunday morning.\n"
        "At least four people were killed and more than 150 injured, the WHO said.\n\n"
        "Aid groups warn that the tent camps will not survive the winter\n\nChristina Goldbaum\n"
        "Reporting from Herat, Afghanistan\n\nOct. 14, 2023, 6:41 p.m. ET\n\n"
        "In the fields outside the village of Siyah Ab, rows of white tents stretch to the hills.\n"
    )
    assert page.page.title == "Live Updates: Another Strong Earthquake Shakes Western Afghanistan"
    assert [(e.headline, e.author) for e in page.entries] == [
        ("Aid groups warn that the tent camps will not survive the winter", "Christina Goldbaum")
    ]


def test_an_e_mail_forwarding_the_page_is_chrome() -> None:
    page = read_text(
        "---------- Forwarded message ---------\n"
        "From: Hana Siddiqui <hana.siddiqui@gmail.com>\nDate: Thu, 15 Feb 2024 at 21:14\n"
        "Subject: Fwd: LIVE: Libya floods - death toll rises\n"
        "To: Omar Benali <o.benali@outlook.com>\n"
        "\nOmar - copied the live page below since the link kept timing out for you.\n\n"
        "LIVE: Libya floods - death toll rises as rescuers reach Derna suburbs\n"
        "Rescue teams say thousands remain missing after Storm Zara swept through eastern Libya.\n"
        "By Al Jazeera Staff\nPublished On 15 Feb 2024\n"
        "Save articles to read later and create your own reading list.\n"
        "- 15 Feb 2024 - 20:05(18:05 GMT)\nDerna mayor says 5,000 still missing\n"
        "The mayor of Derna says at least 5,000 people are still missing in the city.\n"
        "Sent from my iPhone\n"
    )
    assert (
        page.page.title == "LIVE: Libya floods - death toll rises as rescuers reach Derna suburbs"
    )
    assert page.page.standfirst is not None and page.page.standfirst.startswith("Rescue teams")
    assert [(e.clock, e.headline, len(e.paragraphs)) for e in page.entries] == [
        ("18:05", "Derna mayor says 5,000 still missing", 1)
    ]


def test_menu_on_one_line_and_newsletter_box_are_chrome() -> None:
    page = read_text(
        "The Guardian - Back to home\n\n"
        "UK world sport football opinion culture business lifestyle fashion environment tech travel"
        "\n\nHeathrow third runway: Grayling confirms go-ahead – politics live\n\n"
        "Rolling coverage of the day's political developments as they happen\n\nAndrew Sparrow\n\n"
        "Tuesday 25 October 2016 17.52 BST\n\n"
        "Independent Bulletin\n\nSign up to our free breaking news emails for the latest headlines"
        "\n\nSIGN UP\n\n5.18pm BST\n\nAfternoon summary\n\n"
        "The government has given the go-ahead to a third runway at Heathrow.\n"
    )
    assert page.page.title == "Heathrow third runway: Grayling confirms go-ahead – politics live"
    assert page.page.authors == ["Andrew Sparrow"]
    assert [(e.clock, e.headline) for e in page.entries] == [("17:18", "Afternoon summary")]
    assert L.is_menu_line("uk world sport football opinion culture")
    assert not L.is_menu_line("world cup final: england v spain")


def test_bbc_sport_credits_line_and_get_involved_in_the_header() -> None:
    page = read_text(
        "England v Sri Lanka: Second Test, day two at Lord's - live text & TMS commentary\n\n"
        "Live\n\nGet involved: #bbccricket or WhatsApp 0330 123 0224\n\n"
        "Live text - Matt Roller, Stephan Shemilt and Amy Lofthouse; TMS - Jonathan Agnew and"
        " Isa Guha\n\nWICKET! Mendis c Smith b Atkinson 74\n\n"
        "published at 17:41 British Summer Time 30 August 2024\n\nSL 246-6\n\n"
        "Gus Atkinson strikes again, and what a catch from Jamie Smith.\n"
    )
    assert page.page.authors == ["Matt Roller", "Stephan Shemilt", "Amy Lofthouse"]
    assert [e.headline for e in page.entries] == ["WICKET! Mendis c Smith b Atkinson 74"]


def test_nbc_stamp_over_its_what_to_know_box() -> None:
    page = read_text(
        "Live Blog\nNew Hampshire primary 2024 live updates: Trump and Haley make final pitch\n"
        "Former President Donald Trump and Nikki Haley crisscrossed the state a day before.\n"
        "Jan. 22, 2024, 10:41 PM EST\nWhat to know about the New Hampshire primary\n"
        "Polls open as early as 6 a.m. ET Tuesday in most towns, and close at 7 p.m. ET.\n"
        "Dixville Notch, which votes at midnight, will once again be the first to report.\n"
        "15m ago / 10:26 PM EST\nHaley closes her campaign at a packed Salem rally\n"
        "Ali Vitali\nNikki Haley told a packed gymnasium at Salem High School that voters choose.\n"
    )
    assert page.page.updated == "Jan. 22, 2024, 10:41 PM EST"
    assert len(page.page.summary) == 2
    assert [(e.clock, e.author) for e in page.entries] == [("22:26", "Ali Vitali")]


def test_washington_post_dated_stamp_over_share_tools_and_key_updates() -> None:
    page = read_text(
        "Democracy Dies in Darkness\nPolitics\nLive updates\n"
        "Government shutdown live updates: Senate vote fails as shutdown enters third week\n"
        "October 15, 2025 at 6:40 p.m. EDT\nShare\nComment\nGift Article\nKey updates\n"
        "Senate fails for the ninth time to advance House stopgap bill\n"
        "Pentagon finds money to pay troops for now\n"
        "Senate fails for the ninth time to advance House stopgap bill\nBy Jacob Bogage\n"
        "6:12 p.m. EDT\n"
        "The Senate on Wednesday again failed to advance a House-passed bill.\nShare\n"
    )
    assert page.page.title == (
        "Government shutdown live updates: Senate vote fails as shutdown enters third week"
    )
    assert page.page.updated == "October 15, 2025 at 6:40 p.m. EDT"
    assert len(page.page.summary) == 2
    assert [(e.clock, e.author) for e in page.entries] == [("18:12", "Jacob Bogage")]


def test_window_top_standfirst_over_the_pages_summary_box() -> None:
    page = read_text(
        "Thousands of people have been evacuated in Bavaria as the rivers rise. DW has the latest."
        "\n\nhttps://p.dw.com/p/4fQx7\n\nWhat you need to know\n\n"
        "Danube in Passau expected to peak at over 12 meters\n\n"
        "At least four people dead in Bavaria and Baden-Württemberg\n\n"
        "Skip next section Merz to visit flood-hit Bavaria\n\n06/10/2025June 10, 2025\n\n"
        "Merz to visit flood-hit Bavaria\n\n"
        "Chancellor Friedrich Merz will travel to the flood-hit region on Wednesday.\n\n"
        "Merz is expected to meet Bavarian State Premier Markus Söder in Passau.\n"
    )
    assert page.page.title is None
    assert page.page.standfirst is not None and page.page.standfirst.endswith("DW has the latest.")
    assert len(page.page.summary) == 2
    assert [e.headline for e in page.entries] == ["Merz to visit flood-hit Bavaria"]


def test_window_top_standfirst_repeating_the_titles_live_lead() -> None:
    page = read_text(
        "Mumbai rains LIVE updates: Heavy rain lashed Mumbai and its suburbs for the third day.\n\n"
        "Jul 25, 2024, 22:38:14 (IST)\n\nBMC: 42 waterlogging complaints since evening\n\n"
        "The Brihanmumbai Municipal Corporation said it had received 42 complaints.\n"
    )
    assert page.page.standfirst is not None and page.page.standfirst.startswith("Mumbai rains")
    assert [e.clock for e in page.entries] == ["22:38"]


def test_the_times_masthead_and_menu_over_the_live_badge_and_title() -> None:
    page = read_text(
        "The Times & The Sunday Times\n\nHome\n\nPuzzles\n\nMy account\n\nPolitics\n\nLive\n\n"
        "Thames Water latest: Ministers prepare special administration\n\n"
        "Environment secretary to make Commons statement after creditors reject rescue terms\n\n"
        "Steven Swinford, Political Editor | Geraldine Scott, Senior Political Correspondent\n\n"
        "Tuesday March 11 2025, 6.52pm, The Times\n\nShare\n\n18:52\n\n"
        "Labour MPs urge Reed to 'take the keys back'\n\n"
        "Several Labour MPs have urged the environment secretary to nationalise the company.\n"
    )
    assert page.page.title == "Thames Water latest: Ministers prepare special administration"
    assert page.page.authors == ["Steven Swinford", "Geraldine Scott"]
    assert [(e.clock, e.labels) for e in page.entries] == [("18:52", [])]


def test_bbc_key_moments_box_over_its_share_tool() -> None:
    page = read_text(
        "Skip to content\nLive\nStorm Darragh: Red warning as 90mph gusts batter Wales\n"
        "Key moments\nRed weather warning issued for wind in Wales\n"
        "Three million people sent emergency alert\nShare\nLive Reporting\n"
        "Edited by Aoife Walsh and Paulin Kola\nAll times stated are UK\n"
        "Severn bridges closedpublished at 08:20 Greenwich Mean Time 7 December\n"
        "Both Severn crossings are closed because of high winds, National Highways says.\n"
    )
    assert page.page.summary == [
        "Red weather warning issued for wind in Wales",
        "Three million people sent emergency alert",
    ]
    assert page.page.standfirst is None


def test_bbc_2014_menu_over_the_stamp_title_and_reporters() -> None:
    page = read_text(
        "Skip to main content\nAccessibility links\nBBC iD\nSign in\nBBC navigation\nNews\n"
        "Sport\nMore…\nSearch term:\nBBC News Europe\nHome\nUK\nLatin America\nMid-East\n"
        "Entertainment\nVideo\n18 February 2014 Last updated at 16:05\n"
        "Ukraine crisis: Kiev clashes turn deadly\nLive text\n"
        "Reporting: Yaroslav Lukov, Patrick Jackson and Claire Brennan\nAll times GMT\n"
        "Key Points\nAt least seven people have been killed in clashes in central Kiev\n"
        "The metro in the Ukrainian capital has been shut down\nGet involved\n"
        "1605: Ukraine's health ministry now says at least nine people have been killed.\n"
        "Earlier the interior ministry said seven people had died.\n"
        "1558:\nDaniel Sandford\nBBC News, Kiev\n"
        "The police have just fired a volley of stun grenades towards the barricade.\n"
    )
    assert page.page.title == "Ukraine crisis: Kiev clashes turn deadly"
    assert page.page.authors == ["Yaroslav Lukov", "Patrick Jackson", "Claire Brennan"]
    assert page.page.updated == "18 February 2014 Last updated at 16:05"
    assert len(page.page.summary) == 2
    assert [(e.clock, e.headline, e.author) for e in page.entries] == [
        ("16:05", None, None),
        ("15:58", None, "Daniel Sandford"),
    ]
