import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from home.models import HomePage
from strukturwandel.core.models import ContentPage, SiteSettings
from strukturwandel.events.models import EventSeriesPage, MeetingPage

pytestmark = pytest.mark.django_db


def _load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def _snapshot():
    return {
        "pages": sorted(
            Page.objects.values_list("url_path", "title", "latest_revision_id", "live")
        ),
        "settings": list(SiteSettings.objects.values()),
        "sites": list(Site.objects.values()),
    }


def test_load_demo_builds_the_site_and_prints_the_admin_login(client):
    output = _load_demo()
    assert "admin" in output and "stammtisch" in output
    assert client.login(username="admin", password="stammtisch")

    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    for path in [
        "/",
        "/stammtisch/",
        "/dokumentation/",
        "/arbeitsgruppen/",
        "/themenfelder/",
        "/netzwerk-zukunft-regional/",
    ]:
        assert client.get(path).status_code == 200, path


def test_load_demo_twice_changes_nothing():
    _load_demo()
    before = _snapshot()
    _load_demo()
    assert _snapshot() == before


def test_load_demo_again_keeps_an_address_and_name_an_editor_gave_the_site():
    _load_demo()
    Site.objects.filter(is_default_site=True).update(
        hostname="strukturwandel.example.org", port=443, site_name="Bündnis"
    )
    _load_demo()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == (
        "strukturwandel.example.org",
        443,
        "Bündnis",
    )


def test_load_demo_points_the_site_at_the_demo_server(client):
    # Wagtail's migrations leave a default site at localhost:80; the demo runs on
    # 127.0.0.1:8000, and absolute URLs in feeds, sitemap and JSON-LD must lead there.
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    _load_demo()
    site = Site.objects.get()
    assert (site.hostname, site.port, site.is_default_site) == ("127.0.0.1", 8000, True)
    assert "<loc>http://127.0.0.1:8000/stammtisch/</loc>" in client.get("/sitemap.xml").text
    meeting = MeetingPage.objects.live().first()
    ics = client.get(meeting.url + "kalender/").text.replace("\r\n ", "")
    assert f"URL:http://127.0.0.1:8000{meeting.url}" in ics
    assert "localhost" not in ics

    call_command(
        "load_demo", "--hostname", "demo.example.org", "--port", "443", stdout=io.StringIO()
    )
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("demo.example.org", 443)
    assert "<loc>https://demo.example.org/stammtisch/</loc>" in client.get("/sitemap.xml").text


def test_robots_txt_points_crawlers_at_the_sitemap_and_away_from_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    assert "Disallow: /admin/" in lines and "Disallow: /anmeldung/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_home_page_is_german_with_footer_from_settings(client):
    _load_demo()
    html = client.get("/").content.decode()
    assert '<html lang="de">' in html
    assert "Zum Inhalt springen" in html
    assert 'aria-label="Hauptnavigation"' in html
    assert "Schützengasse 16-18" in html
    assert "01067 Dresden" in html
    assert "Newsletter bestellen" in html
    assert "https://newsletter.example.org/nachhaltiges-sachsen" in html
    assert "Förderung" in html
    assert "Sächsischen Landtags" in html
    assert 'href="/impressum/"' in html


def test_footer_follows_edits_to_the_site_settings(client):
    _load_demo()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.newsletter_url = "https://example.org/neuer-newsletter"
    settings.save()
    assert "https://example.org/neuer-newsletter" in client.get("/").content.decode()


def test_network_page_is_a_content_page_with_structured_body(client):
    _load_demo()
    page = ContentPage.objects.get(slug="netzwerk-zukunft-regional")
    html = client.get(page.url).content.decode()
    assert "<h1>Netzwerk Zukunft Regional</h1>" in html
    assert "Schlüsselakteur:innen" in html
    assert '<nav class="site-nav"' in html
    assert 'aria-current="page"' in html


def test_search_finds_demo_pages(client):
    _load_demo()
    html = client.get("/suche/", {"q": "Vernetzung"}).content.decode()
    assert "Netzwerk Zukunft Regional" in html
    assert "Treffer für „Vernetzung“" in html


def test_home_page_shows_the_next_three_meetings_soonest_first(client):
    _load_demo()
    series = EventSeriesPage.objects.get(slug="stammtisch")
    now = timezone.now()
    MeetingPage.objects.descendant_of(HomePage.objects.get()).filter(end__gt=now).delete()
    for days, topic in [(30, "Später"), (2, "Bald"), (9, "Danach"), (60, "Viel später")]:
        start = (now + datetime.timedelta(days=days)).replace(microsecond=0)
        meeting = MeetingPage(
            title=f"Stammtisch: {topic}",
            slug=slugify(topic),
            start=start,
            end=start + datetime.timedelta(minutes=90),
            topic=topic,
            call_link="https://call.example.org/geheim",
        )
        series.add_child(instance=meeting)
        meeting.save_revision().publish()

    html = client.get("/").content.decode()

    section = html.split('id="next-meetings-title"')[1].split("</section>")[0]
    assert "Nächste Termine" in html
    assert [topic for topic in ["Bald", "Danach", "Später", "Viel später"] if topic in section] == [
        "Bald",
        "Danach",
        "Später",
    ]
    assert section.index("Bald") < section.index("Danach") < section.index("Später")
    # The card's heading links date and topic; the page title would repeat the date.
    assert re.search(r'</time>\s*<span class="sw-meeting-card__title">Bald</span>\s*</a>', section)
    assert "Stammtisch: Bald" not in section
    assert "Thema:" not in section
    assert "call.example.org" not in html


def test_network_page_says_what_the_project_page_says_and_quotes_no_one(client):
    _load_demo()
    html = client.get("/netzwerk-zukunft-regional/").content.decode()
    assert "geringere Akteursdichte" in html
    assert "Fachförderinstrumente von Bund und Land" in html
    assert "<li>Entwicklungszusammenarbeit</li>" in html
    assert "<blockquote" not in html
    assert "Projektteam" not in html


def test_stammtisch_page_invites_topics_and_impulses_and_lists_the_topic_fields(client):
    _load_demo()
    html = client.get("/stammtisch/").content.decode()
    body = html.split("So läuft ein Treffen ab")[1]
    for heading in ["Themensammlung: Fragen, Ideen, Anregungen", "Selbst etwas vorstellen"]:
        assert f">{heading}</h2>" in body
    assert 'href="mailto:stammtisch@nachhaltiges-sachsen.example.org"' in body
    topics = body.split(">Themenfelder</h2>")[1]
    for slug in ["klimaschutz-energiewende", "strukturwandel-strukturen", "und-mehr"]:
        assert f'<a href="/themenfelder/{slug}/">' in topics
        assert client.get(f"/themenfelder/{slug}/").status_code == 200


def test_series_schedule_has_the_seed_dates_and_says_how_dates_are_set(client):
    _load_demo()
    series = EventSeriesPage.objects.get(slug="stammtisch")
    rdates = sorted(day.date() for day in series.schedule.rdates)
    assert rdates == [
        datetime.date(2021, 11, 1),
        datetime.date(2021, 12, 6),
        datetime.date(2022, 1, 24),
        datetime.date(2022, 3, 7),
        datetime.date(2022, 4, 25),
    ]
    html = client.get("/stammtisch/").content.decode()
    assert "am ersten Montag" not in html
    assert "Die Termine bis April 2022 wurden einzeln festgelegt" in html
    assert "Dezember-Stammtisch" not in html
    # The rule's dates and the seed's single dates are both in the calendar.
    starts = [
        o.start.date()
        for o in series.schedule_occurrences(
            timezone.make_aware(datetime.datetime(2021, 10, 1)),
            timezone.make_aware(datetime.datetime(2022, 5, 1)),
        )
    ]
    assert starts == rdates


def test_the_recurring_meeting_of_a_real_group_says_what_is_an_example(client):
    _load_demo()
    html = client.get("/treffen-aktionskreis-leipziger-land/").content.decode()
    assert "Treffen jeden 2. Montag im Monat" in html
    assert "<i>In dieser Demo</i> sind Uhrzeit, Termine und Kontaktadresse Beispiele" in html
