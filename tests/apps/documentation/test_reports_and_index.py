import datetime
import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.blocks.struct_block import StructBlockValidationError

from strukturwandel.documentation.blocks import ReportStreamBlock, SpeakerBlock, SurveyResultsBlock
from strukturwandel.documentation.models import DocumentationPage, ReportPage
from strukturwandel.events.models import MeetingPage

from .conftest import add_meeting, at, discussion, impulse, point, publish, survey

pytestmark = pytest.mark.django_db


def squash(html):
    return re.sub(r"\s+", " ", html)


def test_report_renders_group_update_survey_and_decisions(client, report, group):
    html = squash(client.get(report.url).content.decode())
    assert '<time datetime="2021-05-27">Do, 27.05.2021</time>' in html
    assert "<dd>Online</dd>" in html
    assert "Leitbild und Arbeitsstruktur des Bündnisses." in html
    assert "1</span> Update: AG 1: Nachhaltige Dorfentwicklung</h2>" in html
    assert f'<a href="{group.url}">Mehr über AG 1: Nachhaltige Dorfentwicklung</a>' in html
    # The survey is a table with numbers and an SVG bar per answer.
    assert "2</span> Ergebnisse der Befragung</h2>" in html
    assert "<caption>Haben Sie Interesse, sich in einem Bündnis einzubringen?" in html
    assert "(151 Antworten insgesamt)" in html
    assert '<th scope="row">aktiv im Koordinierungskreis</th>' in html
    assert '<td class="sw-survey__number">60</td>' in html
    assert '<td class="sw-survey__number">40&nbsp;%</td>' in html
    assert html.count('<svg class="sw-survey__bar"') == 4
    assert '<rect x="0" y="0" width="100.0" height="10">' in html
    assert '<rect x="0" y="0" width="10.0" height="10">' in html
    assert 'aria-hidden="true" focusable="false"' in html
    # Decisions as an ordered list with who and by when.
    assert "3</span> Beschlüsse und nächste Schritte</h2>" in html
    assert "Einen Koordinierungskreis bilden" in html
    assert "(wer: AG Struktur; bis wann: Sommer 2021)" in html


def test_survey_counts_cannot_exceed_the_total():
    block = SurveyResultsBlock()
    value = block.to_python(survey()[1] | {"total": 100})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_a_speaker_needs_a_name_or_a_record():
    block = SpeakerBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"name": "", "person": None}))


def test_report_stream_accepts_every_block():
    names = set(ReportStreamBlock().child_blocks)
    assert {
        "impulse",
        "discussion",
        "next_dates",
        "networking",
        "paragraph",
        "quote",
        "image",
        "document",
        "embed",
        "working_group_update",
        "decisions",
        "survey_results",
    } <= names
    for name, block in ReportStreamBlock().child_blocks.items():
        assert block.meta.icon and block.meta.template, name
    # Descriptions and previews of every block: tests/apps/test_blocks.py.


def test_group_page_shows_updates_from_live_reports(report, group, index):
    template = Template("{% load strukturwandel_documentation %}{% working_group_updates group %}")
    request = RequestFactory().get("/")

    def render():
        return squash(template.render(Context({"group": group, "request": request})))

    html = render()
    assert "Updates aus den Bündnistreffen" in html
    assert f'<a href="{report.url}#abschnitt-' in html
    assert "Erstes Treffen: Themen und Formate abgesteckt." in html

    # A draft does not change the group page; publishing does.
    report.body = [("paragraph", "<p>Nichts mehr zur AG.</p>")]
    report.save_revision()
    assert "Erstes Treffen" in render()
    report.get_latest_revision().publish()
    assert "Erstes Treffen" not in render()
    assert "Updates aus den Bündnistreffen" not in render()


def test_group_updates_take_two_queries_however_many_reports(index, group):
    template = Template("{% load strukturwandel_documentation %}{% working_group_updates group %}")
    request = RequestFactory().get("/")
    counts = []
    for number in range(1, 7):
        publish(
            index,
            ReportPage(
                title=f"Treffen {number}",
                slug=f"treffen-{number}",
                date=datetime.date(2021, number, 1),
                body=[("working_group_update", {"group": group, "text": f"<p>Stand {number}</p>"})],
            ),
        )
        if number in (1, 6):
            template.render(Context({"group": group, "request": request}))
            with CaptureQueriesContext(connection) as queries:
                html = template.render(Context({"group": group, "request": request}))
            counts.append(len(queries))
    assert html.index("Stand 6") < html.index("Stand 1")
    # The reports; the view restrictions that keep private reports out are read once per
    # request (at the first render here).
    assert counts == [1, 1]


def test_report_with_deleted_group_renders(client, report, group):
    group.delete()
    html = squash(client.get(report.url).content.decode())
    assert "1</span> Update aus einer Arbeitsgruppe</h2>" in html


def test_search_finds_text_inside_blocks(documentation, report):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    # A speaker's organisation comes from the person record; key terms and sub-points.
    for term, page in [
        ("Gesellschaftsdenken", documentation),
        ("Infoplattform", documentation),
        ("Veranstaltungsreihe", documentation),
        ("Koordinierungskreis", report),
    ]:
        hits = [hit.pk for hit in backend.search(term, page.__class__)]
        assert page.pk in hits, term


def test_index_lists_newest_first_with_filters_and_search(
    client, index, documentation, report, topic
):
    other = publish(
        index,
        ReportPage(
            title="Auftaktveranstaltung",
            slug="auftakt",
            date=datetime.date(2021, 2, 16),
            body=[impulse(name="Leon Huff", organisation_name="Landesverband")],
        ),
    )

    def titles(**params):
        response = client.get(index.url, params)
        assert response.status_code == 200
        return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.content.decode())

    assert titles() == [documentation.title, report.title, other.title]
    listing = client.get(index.url).content.decode()
    assert '<time datetime="2021-02-16">Di, 16.02.2021</time>' in listing
    assert titles(thema=topic.slug) == [documentation.title, report.title]
    assert titles(jahr="2021") == [documentation.title, report.title, other.title]
    assert titles(jahr="2022") == []
    assert titles(art="bericht") == [report.title, other.title]
    assert titles(art="dokumentation") == [documentation.title]
    assert titles(q="Infoplattform") == [documentation.title]
    assert titles(q="Landesverband") == [other.title]
    assert client.get(index.url, {"q": '"'}).status_code == 200
    # Odd input never gives a server error.
    for params in (
        {"jahr": "²"},
        {"jahr": "99999999999999999999"},
        {"jahr": "x"},
        {"q": "a\x00b"},
        {"thema": "\x00"},
        {"page": "abc"},
    ):
        assert client.get(index.url, params).status_code == 200, params
    html = client.get(index.url, {"q": "<script>"}).content.decode()
    assert "<script>" not in html


def test_index_paginates_in_a_fixed_number_of_queries(client, index, series, topic, settings):
    settings.STRUKTURWANDEL = {"REPORTS_PER_PAGE": 5}

    def add(number):
        meeting = add_meeting(
            series, datetime.date(2020, 1, 1) + datetime.timedelta(days=number), "T"
        )
        page = publish(
            index,
            DocumentationPage(
                title=f"Doku {number}",
                slug=f"doku-{number}",
                meeting=meeting,
                body=[discussion(point("Begriff", "<p>Text</p>"))],
            ),
        )
        page.topic_fields.set([topic])
        publish_report = ReportPage(
            title=f"Bericht {number}", slug=f"bericht-{number}", date=datetime.date(2019, 1, 1)
        )
        publish(index, publish_report)

    counts = []
    for total in (3, 20):
        for number in range(len(counts) * 3, total):
            add(number)
        client.get(index.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(index.url, {"page": 2})
        assert response.status_code == 200
        counts.append(len(queries))
    # No count query (the years' counts add up to it); the pages of the types page 2 shows
    # (reports with 3 of each, documentation with 20, not of the other type). The restricted
    # paths (for the listing and Wagtail's check before serving) and the site settings (the
    # image to share) are read once per change of the content, not per request.
    assert counts == [8, 8], [query["sql"][:100] for query in queries.captured_queries]
    html = response.content.decode()
    assert "Seite 2 von 8" in html
    assert 'rel="next"' in html and 'rel="prev"' in html


def test_private_reports_stay_off_public_listings(client, index, report, group, topic):
    from wagtail.models import PageViewRestriction

    report.topic_fields.set([topic])
    report.save_revision().publish()

    def listings():
        request = RequestFactory().get("/")
        return (
            client.get(index.url).content.decode()
            + client.get(index.url, {"q": "Koordinierungskreis"}).content.decode()
            + Template(
                "{% load strukturwandel_documentation %}{% working_group_updates group %}"
                "{% topic_reports topic as entries %}{% for e in entries %}{{ e.title }}"
                "{% endfor %}"
            ).render(Context({"group": group, "topic": topic, "request": request}))
        )

    assert listings().count(report.title) >= 3
    PageViewRestriction.objects.create(page=report, restriction_type="password", password="x")
    assert report.title not in listings()


def test_each_page_of_the_index_lists_its_entries_in_order_across_years(
    client, index, series, settings
):
    """The unfiltered pages sort only the entries of the years they reach back to; every
    page still shows what the whole list, newest first, has at its place."""
    settings.STRUKTURWANDEL = {"REPORTS_PER_PAGE": 3}
    expected = []
    for number, day in enumerate(
        [
            datetime.date(2019, 3, 4),
            datetime.date(2020, 12, 31),
            datetime.date(2021, 1, 1),
            datetime.date(2021, 3, 1),
            datetime.date(2021, 6, 7),
            datetime.date(2022, 2, 14),
            datetime.date(2022, 2, 21),
        ]
    ):
        # 00:30 in Berlin: the evening before in UTC, as the database stores it.
        start = at(day, 0) + datetime.timedelta(minutes=30)
        meeting = publish(
            series,
            MeetingPage(
                title=f"Treffen {number}",
                slug=f"treffen-{number}",
                start=start,
                end=start + datetime.timedelta(hours=1),
                topic=f"Thema {number}",
            ),
        )
        page = publish(
            index,
            DocumentationPage(title=f"Doku {number}", slug=f"doku-{number}", meeting=meeting),
        )
        # Published when it took place, but for the oldest (published today): its meeting's
        # date sorts it all the same.
        if number:
            DocumentationPage.objects.filter(pk=page.pk).update(first_published_at=start)
        expected.append((day, page.pk, page.title))
    for number, day in enumerate([datetime.date(2020, 5, 5), datetime.date(2022, 2, 14)]):
        report = publish(
            index, ReportPage(title=f"Bericht {number}", slug=f"bericht-{number}", date=day)
        )
        expected.append((day, report.pk, report.title))
    titles = [title for _day, _pk, title in sorted(expected, reverse=True)]
    shown = []
    for number in (1, 2, 3):
        html = client.get(index.url, {"page": number}).content.decode()
        shown += re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)
        # The years to filter by are Berlin's: 1 January 2021, 00:30, is 2021 (in UTC 2020).
        assert re.findall(r'<option value="(\d{4})"', html) == ["2022", "2021", "2020", "2019"]
        assert "9 Einträge" in html
    assert shown == titles
