"""How visitors register for meetings that register elsewhere (or on a site without a
registration app): the meeting's form, else an e-mail to the series' registration address or
the site's contact address; never the call link."""

import datetime
from urllib.parse import quote

import pytest
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Site

from strukturwandel.core.models import SiteSettings
from strukturwandel.events.formats import when, when_date
from strukturwandel.events.models import MeetingStatus, RegistrationMethod
from strukturwandel.events.registration_provider import HOOK

from .conftest import CALL_LINK

pytestmark = pytest.mark.django_db

FORM_URL = "https://formulare.example.org/stammtisch-anmeldung"
SERIES_EMAIL = "stammtisch@example.org"
SITE_EMAIL = "post@example.org"


@pytest.fixture
def open_meeting(make_meeting):
    """A meeting in ten days whose registration opened yesterday."""

    def make(**fields):
        now = timezone.now()
        day = (now + datetime.timedelta(days=10)).date()
        fields.setdefault("registration_opens_at", now - datetime.timedelta(days=1))
        method = RegistrationMethod.EXTERNAL if fields.get("registration_url") else "email"
        fields.setdefault("registration_method", method)
        return make_meeting(day, **fields)

    return make


def set_series_email(series, email):
    series.registration_email = email
    series.save_revision().publish()


def set_site_email(email):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = email
    settings.save()


def page_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert CALL_LINK not in html
    return html


def section(html):
    """The #anmeldung section of a meeting page."""
    return html.split('id="anmeldung"', 1)[1].split("</section>", 1)[0]


def subject(text):
    return quote(text)


def test_form_link_on_the_card_and_in_the_section(client, series, open_meeting):
    set_series_email(series, SERIES_EMAIL)
    meeting = open_meeting(registration_url=FORM_URL)
    card = page_html(client, series)
    assert f'<a class="sw-button" href="{FORM_URL}">Anmelden' in card
    assert "#anmeldung" not in card
    registration = section(page_html(client, meeting))
    assert "Bitte melden Sie sich über das Anmeldeformular an." in registration
    assert "Den Zugangslink senden wir Ihnen nach der Anmeldung zu." in registration
    assert f'href="{FORM_URL}">Zum Anmeldeformular</a>' in registration
    assert "mailto:" not in registration


def test_series_email_with_a_prefilled_subject(client, series, open_meeting):
    set_series_email(series, SERIES_EMAIL)
    set_site_email(SITE_EMAIL)
    meeting = open_meeting(topic="Lebendige Orte & Dorfläden")
    card = page_html(client, series)
    assert f'<a class="sw-button" href="{meeting.url}#anmeldung">Anmelden' in card
    html = page_html(client, meeting)
    registration = section(html)
    expected = subject(f"Anmeldung zum Treffen am {when_date(meeting)}: Lebendige Orte & Dorfläden")
    assert f'href="mailto:{SERIES_EMAIL}?subject={expected}"' in registration
    assert "%C3%A4" in expected and "%26" in expected  # umlaut and "&" encoded
    assert f"Bitte melden Sie sich per E-Mail bei {SERIES_EMAIL} an." in registration
    assert ">Per E-Mail anmelden</a>" in registration
    assert "Den Zugangslink senden wir Ihnen nach der Anmeldung zu." in registration
    assert "den Zugangslink senden wir Ihnen nach der Anmeldung zu." in html  # format line


def test_site_contact_email_when_the_series_has_none(client, series, open_meeting):
    set_site_email(SITE_EMAIL)
    meeting = open_meeting()
    assert f'href="{meeting.url}#anmeldung">Anmelden' in page_html(client, series)
    registration = section(page_html(client, meeting))
    assert f'href="mailto:{SITE_EMAIL}?subject=Anmeldung%20zum%20Treffen%20am%20' in registration


def test_no_register_action_without_a_way_to_register(client, series, open_meeting):
    meeting = open_meeting()
    assert ">Anmelden<" not in page_html(client, series)
    registration = section(page_html(client, meeting))
    assert "Wie Sie sich anmelden können, erfahren Sie hier in Kürze." in registration
    assert "mailto:" not in registration and "sw-button" not in registration


def test_full_meeting_offers_the_waiting_list(client, series, open_meeting):
    set_series_email(series, SERIES_EMAIL)
    meeting = open_meeting(capacity=0)
    assert f'href="{meeting.url}#anmeldung">Ausgebucht – Warteliste' in page_html(client, series)
    registration = section(page_html(client, meeting))
    assert "Alle Plätze sind vergeben." in registration
    expected = subject(f"Warteliste für das Treffen am {when_date(meeting)}: {meeting.topic}")
    assert f'href="mailto:{SERIES_EMAIL}?subject={expected}">Per E-Mail auf die Warteliste' in (
        registration
    )


def test_registration_opens_on_a_date_or_soon(client, series, make_meeting):
    set_series_email(series, SERIES_EMAIL)
    now = timezone.now()
    opens = (now + datetime.timedelta(days=3)).replace(microsecond=0)
    dated = make_meeting(
        (now + datetime.timedelta(days=10)).date(),
        registration_opens_at=opens,
        call_link="",
    )
    undated = make_meeting((now + datetime.timedelta(days=20)).date())
    listing = page_html(client, series)
    assert f"Anmeldung ab {when(opens)} möglich" in listing
    assert "Anmeldung bald möglich" in listing
    assert ">Anmelden<" not in listing
    assert f"Anmeldung ab {when(opens)} möglich." in section(page_html(client, dated))
    html = page_html(client, undated)
    assert "Anmeldung bald möglich." in section(html)
    assert "den Zugangslink senden wir Ihnen nach der Anmeldung zu." in html


def test_closed_registration(client, series, open_meeting):
    set_series_email(series, SERIES_EMAIL)
    now = timezone.now()
    meeting = open_meeting(registration_closes_at=now - datetime.timedelta(hours=1))
    assert "Anmeldung geschlossen" in page_html(client, series)
    html = page_html(client, meeting)
    assert "Die Anmeldung zu diesem Treffen ist geschlossen." in section(html)
    assert "Zugangslink" not in html
    assert "mailto:" not in section(html)


def test_past_meeting_says_so_in_the_header_and_has_no_registration(client, series, make_meeting):
    set_series_email(series, SERIES_EMAIL)
    meeting = make_meeting((timezone.now() - datetime.timedelta(days=30)).date())
    html = page_html(client, meeting)
    header = html.split("</header>", 1)[0]
    assert "Dieses Treffen hat bereits stattgefunden." in header
    assert 'id="anmeldung"' not in html
    assert "Zugangslink" not in html
    assert "Impulse werden noch gesammelt" not in html
    assert "In den Kalender eintragen" not in html
    assert "mailto:" + SERIES_EMAIL not in html


def test_cancelled_meeting_invites_nothing(client, series, open_meeting):
    set_series_email(series, SERIES_EMAIL)
    meeting = open_meeting(status=MeetingStatus.CANCELLED, status_note="Entfällt.")
    html = page_html(client, meeting)
    assert "Dieses Treffen wurde abgesagt." in html
    assert "Dieses Treffen hat bereits stattgefunden." not in html
    assert 'id="anmeldung"' not in html
    assert "Zugangslink" not in html
    assert "Impulse werden noch gesammelt" not in html
    assert "In den Kalender eintragen" not in html
    assert ">Anmelden<" not in page_html(client, series)


def test_cancelled_meeting_keeps_its_planned_impulses(client, series, open_meeting):
    meeting = open_meeting(
        status=MeetingStatus.CANCELLED,
        impulses=[
            ("impulse", {"title": "Dorfladen Muster", "speakers": [{"name": "Erika Beispiel"}]})
        ],
    )
    html = page_html(client, meeting)
    assert "Dorfladen Muster" in html
    assert "Impulse werden noch gesammelt" not in html


@pytest.mark.requires_apps("groups")
def test_meeting_below_a_working_group_uses_the_site_email(client, root_page, open_meeting):
    from strukturwandel.groups.models import WorkingGroupPage

    set_site_email(SITE_EMAIL)
    group = WorkingGroupPage(title="AG Energie", slug="ag-energie")
    root_page.add_child(instance=group)
    group.save_revision().publish()
    meeting = open_meeting(parent=group)
    assert f'href="{meeting.url}#anmeldung">Anmelden' in page_html(client, group)
    assert f"mailto:{SITE_EMAIL}?subject=" in section(page_html(client, meeting))


@pytest.fixture
def without_provider(monkeypatch):
    """A site without a registration app: nothing answers events' hook."""
    hooks.get_hooks(HOOK)  # the registry has searched the apps' wagtail_hooks
    monkeypatch.setitem(hooks._hooks, HOOK, [])


def test_on_this_site_without_a_registration_app_falls_back(
    client, series, open_meeting, without_provider
):
    set_series_email(series, SERIES_EMAIL)
    by_form = open_meeting(registration_method=RegistrationMethod.SITE, registration_url=FORM_URL)
    assert f'href="{FORM_URL}">Zum Anmeldeformular</a>' in section(page_html(client, by_form))
    by_email = open_meeting(
        registration_method=RegistrationMethod.SITE, slug="per-mail", title="Per Mail"
    )
    assert f'href="mailto:{SERIES_EMAIL}?subject=' in section(page_html(client, by_email))


def test_by_email_ignores_a_form_address(client, series, open_meeting):
    set_series_email(series, SERIES_EMAIL)
    meeting = open_meeting(registration_method=RegistrationMethod.EMAIL, registration_url=FORM_URL)
    registration = section(page_html(client, meeting))
    assert FORM_URL not in registration
    assert f'href="mailto:{SERIES_EMAIL}?subject=' in registration
