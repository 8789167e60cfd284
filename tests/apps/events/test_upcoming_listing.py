"""A page lists the next UPCOMING_MEETINGS_LISTED upcoming entries and links the view of all
of them (``?kommende=alle``), paginated like the past meetings."""

import datetime
import re

import pytest
from django.test import override_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db


def upcoming_section(html):
    """The entries (card texts) of the upcoming section, and the section's HTML."""
    section = html.split('id="upcoming-title"', 1)[1].split("</section>", 1)[0]
    items = section.split('<ul class="sw-meeting-list">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r"<li>", items), section


def add_upcoming(make_meeting, count):
    """``count`` meetings ahead, on Tuesdays (the series' rule plans Mondays), soonest first."""
    today = timezone.localdate()
    first = today + datetime.timedelta(days=(1 - today.weekday()) % 7 + 7)
    return [
        make_meeting(first + datetime.timedelta(weeks=number), topic=f"Thema {number:02d}")
        for number in range(count)
    ]


def test_a_series_page_shows_the_next_six_and_links_all_upcoming_dates(
    client, series, make_meeting
):
    add_upcoming(make_meeting, 10)
    make_meeting(timezone.localdate() - datetime.timedelta(days=30), topic="Schon vorbei")
    html = client.get(series.url).content.decode()
    items, section = upcoming_section(html)
    assert len(items) == 6
    assert '<a href="?kommende=alle">Alle kommenden Termine</a>' in section
    assert "Vergangene Termine" in html and "Schon vorbei" in html


def test_no_link_when_every_upcoming_entry_is_shown(client, series, make_meeting):
    series.schedule = None
    series.save_revision().publish()
    add_upcoming(make_meeting, 6)
    html = client.get(series.url).content.decode()
    items, section = upcoming_section(html)
    assert len(items) == 6
    assert "Alle kommenden Termine" not in html


@override_settings(STRUKTURWANDEL={"UPCOMING_MEETINGS_LISTED": 2, "PAST_MEETINGS_PER_PAGE": 4})
def test_the_view_of_all_upcoming_dates_is_paginated_without_the_past(client, series, make_meeting):
    meetings = add_upcoming(make_meeting, 10)
    make_meeting(timezone.localdate() - datetime.timedelta(days=30), topic="Schon vorbei")
    html = client.get(series.url + "?kommende=alle").content.decode()
    items, section = upcoming_section(html)
    assert len(items) == 4
    # 10 meetings and the rule's 3 planned dates (PLANNED_DATES_LISTED), 4 a page.
    assert "Seite 1 von 4" in section
    assert 'href="?kommende=alle&amp;page=2" rel="next"' in section
    assert f'<a href="{series.url}">Zurück zur Übersicht</a>' in section
    assert "Alle kommenden Termine" not in html
    assert "Vergangene Termine" not in html and "Schon vorbei" not in html

    html = client.get(series.url + "?kommende=alle&page=4").content.decode()
    items, section = upcoming_section(html)
    assert len(items) == 1
    assert "Seite 4 von 4" in section and 'rel="prev"' in section
    # Soonest first across the pages: the last page has what comes last.
    assert meetings[0].topic not in section
    page_one = client.get(series.url + "?kommende=alle&page=1").content.decode()
    assert upcoming_section(page_one)[1].index("Thema 00") < upcoming_section(page_one)[1].index(
        "Thema 01"
    )


def test_a_page_number_that_is_not_one_shows_a_page_anyway(client, series, make_meeting):
    add_upcoming(make_meeting, 8)
    for page in ("abc", "999", "-1"):
        response = client.get(series.url + f"?kommende=alle&page={page}")
        assert response.status_code == 200
        assert len(upcoming_section(response.content.decode())[0]) >= 1
