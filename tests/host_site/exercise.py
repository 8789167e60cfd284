"""Content through the admin forms of a host site, then every package page and feed checked.

Run inside a `wagtail start` site that followed the README (see run.sh), with the site's
settings: ``PYTHONPATH=. DJANGO_SETTINGS_MODULE=hostsite.settings.dev python exercise.py``.
Each page is created by posting the admin form the editor gets (its fields as the browser
would send them, with ours filled in); then each page must render inside the host's layout
with the package's head, and the feeds must parse. Exits non-zero on the first failure.
"""

import datetime
import json
import os
import re
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hostsite.settings.dev")
django.setup()

from bs4 import BeautifulSoup  # noqa: E402  (Wagtail's own dependency)
from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from icalendar import Calendar  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail.test.utils.form_data import (  # noqa: E402
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

HOSTNAME = "hostsite.example.org"
STYLESHEET = "/static/strukturwandel_core/css/strukturwandel.css"
# What Wagtail's project template puts into every page: the host's layout is around ours.
LAYOUT_MARKERS = ("css/hostsite.css", "js/hostsite.js")
client = Client()


def fail(message):
    sys.exit(f"host site: {message}")


def listblock(items):
    """ListBlock form data, as the editor's block widget posts it."""
    data = {str(i): {"value": item, "deleted": "", "order": str(i)} for i, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


def submit(url, fields):
    """Post the admin form at ``url`` with what it holds plus ``fields``; expect a redirect."""
    html = client.get(url).content.decode()
    form = BeautifulSoup(html, "html.parser").find("form", action=url)
    if form is None:
        fail(f"no form posting to {url}")
    data = querydict_from_html(html, form_id=form["id"])
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    response = client.post(url, data)
    if response.status_code != 302:
        errors = re.findall(r'class="error-message"[^>]*>\s*(.*?)\s*<', response.content.decode())
        fail(f"{url} answered {response.status_code}: {errors or response.content[:2000]}")


def add_page(parent, model, **fields):
    app_label, model_name = model.split(".")
    url = reverse("wagtailadmin_pages:add", args=[app_label, model_name.lower(), parent.pk])
    submit(url, {**fields, "action-publish": "publish"})
    return Page.objects.get(slug=fields["slug"], depth=parent.depth + 1).specific


def head_of(html):
    return html.split("</head>", 1)[0]


def check_page(page, *, calendar=False, social=False, print_css=False):
    """The page renders in the host's layout with the package's head, once."""
    response = client.get(page.url)
    if response.status_code != 200:
        fail(f"{page.url} answered {response.status_code}")
    html = response.content.decode()
    head = head_of(html)
    for marker in LAYOUT_MARKERS:
        if marker not in html:
            fail(f"{page.url} is not inside the host's layout ({marker} missing)")
    if head.count(STYLESHEET) != 1:
        fail(f"{page.url} has the package stylesheet {head.count(STYLESHEET)} times in <head>")
    if '<main id="main">' not in html or 'class="sw-footer"' not in html:
        fail(f"{page.url} lacks the README's <main> or the footer")
    if calendar and head.count('type="text/calendar"') != 1:
        fail(f"{page.url} announces no calendar")
    if social:
        if f'property="og:url" content="http://{HOSTNAME}/' not in head:
            fail(f"{page.url} has no Open Graph URL on {HOSTNAME}")
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
        if len(scripts) != 1 or not json.loads(scripts[0]).get("@type"):
            fail(f"{page.url} has no JSON-LD")
    if print_css and 'print.css" media="print"' not in head:
        fail(f"{page.url} has no print stylesheet")
    return html


def check_feed(url, min_events=1):
    response = client.get(url)
    if response.status_code != 200 or not response["Content-Type"].startswith("text/calendar"):
        fail(f"{url} answered {response.status_code} {response.get('Content-Type')}")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    if len(events) < min_events:
        fail(f"{url} has {len(events)} events")


def main():
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)
    today = datetime.date.today()
    soon = today + datetime.timedelta(days=10)

    site = Site.objects.get(is_default_site=True)
    submit(
        reverse("wagtailsites:edit", args=[site.pk]),
        {"hostname": HOSTNAME, "port": "80", "site_name": "Host", "is_default_site": "on"},
    )
    home = Site.objects.get(is_default_site=True).root_page

    submit(
        reverse("wagtailsnippets_strukturwandel_topics_topicfield:add"),
        {
            "name": "Klimaschutz und Energiewende",
            "slug": "klimaschutz",
            "description": rich_text("<p>Wie das Revier Energie erzeugt und spart.</p>"),
        },
    )
    from strukturwandel.topics.models import TopicField

    topic = TopicField.objects.get(slug="klimaschutz")
    topics = add_page(
        home, "strukturwandel_topics.TopicFieldIndexPage", title="Themen", slug="themen"
    )

    rule = {
        "schedule": "RRULE:FREQ=MONTHLY;BYDAY=+1MO",
        "schedule_starts_on": today.isoformat(),
        "schedule_start_time": "17:00",
        "schedule_end_time": "18:30",
    }
    series = add_page(
        home,
        "strukturwandel_events.EventSeriesPage",
        title="Stammtisch",
        slug="stammtisch",
        intro=rich_text("<p>Austausch für Engagierte im Revier.</p>"),
        **rule,
        **nested_form_data({"body": streamfield([])}),
    )
    meeting = add_page(
        series,
        "strukturwandel_events.MeetingPage",
        title="Stammtisch: Energiegenossenschaften",
        slug="energiegenossenschaften",
        start=f"{soon.isoformat()} 17:00",
        end=f"{soon.isoformat()} 18:30",
        topic="Energiegenossenschaften",
        topic_fields=[str(topic.pk)],
        teaser="Wie kommen Bürger:innen zu eigener Energie?",
        **nested_form_data({"impulses": streamfield([])}),
    )
    recurring = add_page(
        home,
        "strukturwandel_events.RecurringMeetingPage",
        title="Offenes Treffen",
        slug="offenes-treffen",
        topic="Austausch",
        topic_fields=[str(topic.pk)],
        **{**rule, "schedule": "RRULE:FREQ=WEEKLY;BYDAY=WE"},
        **nested_form_data({"body": streamfield([])}),
    )
    groups = add_page(
        home, "strukturwandel_groups.WorkingGroupIndexPage", title="Arbeitsgruppen", slug="ag"
    )
    group = add_page(
        groups,
        "strukturwandel_groups.WorkingGroupPage",
        title="Energie",
        slug="energie",
        number="1",
        status="active",
        topic_fields=[str(topic.pk)],
        purpose=rich_text("<p>Erneuerbare Energie in Bürgerhand.</p>"),
        **rule,
        **nested_form_data({"body": streamfield([])}),
    )
    archive = add_page(
        home,
        "strukturwandel_documentation.DocumentationIndexPage",
        title="Dokumentation",
        slug="dokumentation",
    )
    point = {
        "key_term": "Beteiligung",
        "text": rich_text("<p>Genossenschaften brauchen Mitglieder aus dem Ort.</p>"),
        "sub_points": listblock([rich_text("<p>Beratung durch die Verbraucherzentrale</p>")]),
        "follow_up": "Nächstes Treffen",
    }
    body = streamfield(
        [
            ("heading", {"text": "Worum es ging", "level": "h2"}),
            ("paragraph", rich_text("<p>Ein Abend über Energie in Bürgerhand.</p>")),
            (
                "discussion",
                {"heading": "", "intro": rich_text(""), "points": listblock([point])},
            ),
            (
                "next_dates",
                {"heading": "", "series": str(series.pk), "count": "3", "note": rich_text("")},
            ),
        ]
    )
    documentation = add_page(
        archive,
        "strukturwandel_documentation.DocumentationPage",
        title="Dokumentation: Energiegenossenschaften",
        slug="doku-energiegenossenschaften",
        meeting=str(meeting.pk),
        summary="Was eine Energiegenossenschaft braucht.",
        topic_fields=[str(topic.pk)],
        **nested_form_data({"body": body}),
    )
    if len(documentation.body) != 4:
        fail(f"the documentation page kept {len(documentation.body)} of 4 blocks")
    report = add_page(
        archive,
        "strukturwandel_documentation.ReportPage",
        title="Bündnistreffen",
        slug="buendnistreffen",
        date=today.isoformat(),
        format="online",
        topic_fields=[str(topic.pk)],
        **nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>Was wir beschlossen.</p>"))])}
        ),
    )
    content = add_page(
        home,
        "strukturwandel_core.ContentPage",
        title="Über uns",
        slug="ueber-uns",
        **nested_form_data({"body": streamfield([])}),
    )

    check_page(series, calendar=True, social=True)
    html = check_page(meeting, calendar=True, social=True)
    if "doku-energiegenossenschaften" not in html:
        fail("the meeting page does not link its documentation")
    check_page(recurring, calendar=True, social=True)
    check_page(group)
    check_page(groups)
    check_page(archive)
    check_page(documentation, print_css=True)
    check_page(report, print_css=True)
    check_page(topics)
    response = client.get(topics.url + "klimaschutz/")
    if (
        response.status_code != 200
        or head_of(response.content.decode()).count('type="text/calendar"') != 1
    ):
        fail("the topic field's page has no calendar link")
    check_page(content)
    # The host's own page: the footer, styled by the tag in the layout's <head>.
    html = client.get(home.url).content.decode()
    if head_of(html).count(STYLESHEET) != 1 or 'class="sw-footer"' not in html:
        fail("the host's home page lacks the package stylesheet or the footer")

    check_feed("/kalender/termine.ics", min_events=2)
    check_feed(f"/kalender/themen/{topic.slug}.ics", min_events=2)
    for page in (series, meeting, recurring):
        check_feed(page.calendar_url)
    print(f"host site: {Page.objects.filter(depth__gt=2).count()} pages and 5 feeds checked")


main()
