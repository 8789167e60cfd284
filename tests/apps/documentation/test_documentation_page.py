import datetime
import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from strukturwandel.documentation.models import DocumentationPage
from strukturwandel.events.models import MeetingStatus

from .conftest import add_meeting, discussion, documentation_body, impulse, point, publish

pytestmark = pytest.mark.django_db


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def squash(html):
    return re.sub(r"\s+", " ", html)


def test_every_block_renders_with_structure_and_numbers(client, documentation, later_meetings):
    html = squash(render(client, documentation))
    # Header: date, topic and meeting come from the meeting.
    assert "<h1>Dokumentation: Stammtisch am 06.12.2021</h1>" in html
    assert '<time datetime="2021-12-06T17:00:00+01:00">Mo, 06.12.2021</time>' in html
    assert "<dd>Zivilgesellschaftliche Netzwerke</dd>" in html
    assert f'<a href="{documentation.meeting.url}">' in html
    # Sections are numbered in reading order without editors typing numbers.
    headings = re.findall(r'<h2 class="sw-section__heading"[^>]*>(.*?)</h2>', html)
    assert [re.sub(r"<[^>]+>", "", heading) for heading in headings] == [
        "1 Impuls: Gespräche im Straßencafé",
        "2 Impuls von Jonas Testmann (Aktionskreis Strukturwandel Leipziger Land)",
        "3 Hauptpunkte aus der Diskussion",
        "4 Nächste Strukturwandel-Stammtische",
        "5 Weitere Vernetzung",
    ]
    # The table of contents links every section.
    toc = html.split('<nav class="sw-toc"')[1].split("</nav>")[0]
    assert toc.count("<li>") == 5
    for anchor in re.findall(r'href="#([^"]+)"', toc):
        assert f'id="{anchor}"' in html
    # Impulse: speakers from the record with organisation link, nested key points, links.
    assert '<span class="sw-speaker__name">Paula Probe</span>' in html
    # One colon only: the gender colon of "Referent:in" ends the term, no label colon after it.
    assert '<dl class="sw-impulse__speakers"> <dt>Referent:in</dt>' in html
    assert "Referent:in:" not in html and "Referent:innen:" not in html
    assert '<a href="https://gesellschaftsdenken.example.org/">Gesellschaftsdenken e.V.</a>' in html
    assert "<li>Mehrere Tausend Gespräche in der Stadt Zeitz<ul><li>mit Menschen" in html
    assert '<a href="https://gesellschaftsdenken.example.org/">Website</a>' in html
    # Discussion: emphasised key terms, sub-points, follow-up.
    assert (
        '<li> <strong class="sw-key-term">Transparenz:</strong> '
        "Es fehlt an partizipativen Strukturen." in html
    )
    assert "<ul><li>Eine Veranstaltungsreihe mit Expert:innen</li></ul>" in html
    assert '<span aria-hidden="true">➔</span>' in html
    assert "Wir stimmen uns weiter ab." in html
    # Next dates, live from the series, with links.
    for later in later_meetings:
        assert f'<a href="{later.url}">' in html
    assert "Mo, 24.01.2022, 17:00" in html
    assert "Thema: Jugendbeteiligung" in html
    # Networking, text, quote.
    assert "<b>digitale Visitenkarte</b>" in html
    assert '<a href="https://padlet.example.org/visitenkarten">Padlet</a>' in html
    assert "Vielen Dank an alle Teilnehmer:innen." in html
    assert "<blockquote><p>Der Bedarf an Austausch ist groß.</p></blockquote>" in html
    # Print stylesheet for A4.
    assert 'strukturwandel_documentation/css/print.css" media="print"' in html


def test_next_dates_are_read_live(client, documentation, series, later_meetings):
    later_meetings[0].status = MeetingStatus.CANCELLED
    later_meetings[0].save_revision().publish()
    added = add_meeting(series, datetime.date(2022, 2, 14), "Kunst und Kultur")
    earlier = add_meeting(series, datetime.date(2021, 11, 8), "Vorher")
    html = render(client, documentation)
    section = html.split("sw-next-dates__list")[1].split("</ul>")[0]
    assert later_meetings[0].url not in section
    assert earlier.url not in section
    urls = re.findall(r'href="([^"]+)"', section)
    assert urls == [added.url, later_meetings[1].url, later_meetings[2].url]
    # The events app's format, the same as on the meeting cards.
    assert "Mo, 14.02.2022, 17:00–18:30 Uhr" in section


def test_next_dates_mark_the_dates_that_have_taken_place(
    client, documentation, series, later_meetings
):
    # The block lists the dates after the documented meeting, read at the time of reading:
    # the 2022 dates have passed, a date next month has not.
    ahead = add_meeting(
        series, timezone.localdate() + datetime.timedelta(days=30), "Noch nicht vorbei"
    )
    documentation.body = [("next_dates", {"heading": "", "series": None, "count": 5, "note": ""})]
    documentation.save_revision().publish()
    section = render(client, documentation).split("sw-next-dates__list")[1].split("</ul>")[0]
    items = [squash(item) for item in section.split("<li>")[1:]]
    assert len(items) == 4
    for item in items[:3]:
        assert '<span class="sw-next-dates__past">(hat bereits stattgefunden)</span>' in item
    assert ahead.url in items[3] and "stattgefunden" not in items[3]


def test_next_dates_leave_out_private_meetings(client, documentation, series, later_meetings):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=later_meetings[1], restriction_type="password", password="x"
    )
    section = render(client, documentation).split("sw-next-dates__list")[1].split("</ul>")[0]
    assert later_meetings[1].url not in section
    assert later_meetings[2].url in section


def test_next_dates_without_later_meetings_says_so(client, documentation):
    assert "Es sind noch keine weiteren Termine geplant." in render(client, documentation)


def test_meeting_and_documentation_find_each_other(client, documentation, meeting):
    template = Template("{% load strukturwandel_events %}{% meeting_links meeting %}")
    request = RequestFactory().get("/")
    html = template.render(Context({"meeting": meeting, "request": request}))
    assert f'href="{documentation.url}"' in html
    assert "Dokumentation" in html
    assert list(meeting.documentation_pages.all()) == [documentation]

    documentation.unpublish()
    assert "href" not in template.render(Context({"meeting": meeting, "request": request}))


def test_a_meeting_has_one_documentation(index, documentation, meeting):
    second = DocumentationPage(title="Noch eine", slug="noch-eine", meeting=meeting)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        index.add_child(instance=second)
    assert "meeting" in error.value.message_dict


def test_a_translation_of_the_documentation_can_be_published(index, documentation, meeting):
    """Wagtail's translations (WAGTAIL_I18N_ENABLED) copy the page with its meeting: the same
    documentation in another language, not a second one."""
    from wagtail.models import Locale

    english = Locale.objects.create(language_code="en")
    translation = documentation.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()

    translation.refresh_from_db()
    assert translation.live
    assert translation.meeting == meeting


def test_plain_text_is_escaped(client, index, meeting):
    page = publish(
        index,
        DocumentationPage(
            title="<script>alert(1)</script>",
            slug="unsafe",
            meeting=meeting,
            summary="<b>fett</b>",
            body=[
                impulse(
                    name="<img src=x onerror=alert(1)>",
                    organisation_name="<i>Org</i>",
                    title="<script>alert(2)</script>",
                ),
                discussion(point("<u>Begriff</u>", "<p>Text</p>", follow_up="<em>weiter</em>")),
                (
                    "networking",
                    {
                        "heading": "<s>Kopf</s>",
                        "text": "",
                        "links": [{"label": "<b>x</b>", "url": "https://example.org/"}],
                    },
                ),
            ],
        ),
    )
    html = render(client, page)
    for unsafe in [
        "<script>alert",
        "<img src=x",
        "<i>Org</i>",
        "<u>Begriff",
        "<em>weiter",
        "<s>Kopf",
    ]:
        assert unsafe not in html, unsafe
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "&lt;u&gt;Begriff&lt;/u&gt;" in html


def test_incomplete_content_renders(client, index, person, meeting):
    page = publish(
        index,
        DocumentationPage(
            title="Unvollständig",
            slug="unvollstaendig",
            meeting=meeting,
            body=[
                impulse(),
                impulse(person=person),
                discussion(),
                ("next_dates", {"heading": "", "series": None, "count": 3, "note": ""}),
            ],
        ),
    )
    person.delete()
    meeting.delete()
    page.refresh_from_db()
    assert page.meeting is None
    html = squash(render(client, page))
    # Without speakers or title the impulse is just "Impuls"; the empty discussion is left out.
    assert '<span class="sw-section__number">1</span> Impuls</h2>' in html
    assert "Hauptpunkte aus der Diskussion" not in html
    assert "Es sind noch keine weiteren Termine geplant." in html
    assert "sw-report__facts" not in html


def test_documentation_without_meeting_or_body(client, index):
    page = publish(index, DocumentationPage(title="Nur ein Titel", slug="nur-titel"))
    html = render(client, page)
    assert "<h1>Nur ein Titel</h1>" in html
    assert "sw-toc" not in html


def test_query_count_does_not_grow_with_blocks(client, index, meeting, person, later_meetings):
    small = publish(
        index,
        DocumentationPage(title="Klein", slug="klein", body=documentation_body(person)),
    )
    big = publish(
        index,
        DocumentationPage(
            title="Groß", slug="gross", meeting=meeting, body=documentation_body(person) * 8
        ),
    )
    small.meeting = later_meetings[0]
    small.save_revision().publish()
    counts = []
    for page in (small, big):
        client.get(page.url)  # warm the site-root cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    # Site, routing (3), page, speakers with organisations, meeting, topic fields, next
    # meetings; nothing per block. The view restrictions (before serving, for the meeting link
    # and the next meetings), the documentation index (the Atom feed link) and the site
    # settings (the image to share) are read once per change of the content.
    assert counts[1] == 9, [query["sql"] for query in queries.captured_queries]


def test_a_meeting_behind_a_login_is_not_linked(client, documentation, meeting):
    link = f'<a href="{meeting.url}">{meeting.title}</a>'
    assert link in render(client, documentation)
    PageViewRestriction.objects.create(page=meeting, restriction_type=PageViewRestriction.LOGIN)
    html = render(client, documentation)
    assert meeting.url not in html
    assert "06.12.2021" in html


def test_next_dates_preview_shows_the_sites_next_meetings(admin_client, series, later_meetings):
    from django.urls import reverse

    from strukturwandel.documentation.blocks import NextDatesBlock

    # The block picker has no documented meeting: the site's upcoming public meetings stand in.
    ahead = add_meeting(series, timezone.localdate() + datetime.timedelta(days=20), "Ausblick")
    block = NextDatesBlock()
    html = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    ).content.decode()
    section = html.split("sw-next-dates__list")[1].split("</ul>")[0]
    assert ahead.url in section and "Ausblick" in section
    assert all(later.url not in section for later in later_meetings)


def test_a_follow_up_links_the_meeting_that_takes_it_up(client, index, meeting, later_meetings):
    youth = later_meetings[1]
    page = publish(
        index,
        DocumentationPage(
            title="Dokumentation mit Vertiefung",
            slug="vertiefung",
            body=[
                discussion(
                    point(
                        "Kinder und Jugendliche",
                        "<p>Kaum vertreten.</p>",
                        follow_up="Vertiefung am 07.03.2022",
                        follow_up_meeting=youth,
                    ),
                    point("Ohne Text", "<p>Nur das Treffen.</p>", follow_up_meeting=youth),
                    point("Ohne Treffen", "<p>Nur Text.</p>", follow_up="Später"),
                )
            ],
        ),
    )
    html = squash(render(client, page))
    assert f'<a href="{youth.url}">Vertiefung am 07.03.2022</a>' in html
    assert f'<a href="{youth.url}">{youth.title}</a>' in html
    assert "</span> Später </p>" in html

    # An unpublished meeting is not linked; its follow-up text stays.
    youth.unpublish()
    html = squash(render(client, page))
    assert youth.url not in html
    assert "Vertiefung am 07.03.2022" in html
