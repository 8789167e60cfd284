"""Fuzzing every public URL, its query parameters and every public form (hypothesis).

Unexpected unicode, control characters, huge inputs, HTML/JS payloads and malformed dates and
numbers must never give a 500, and no payload may come back unescaped. The examples are
bounded and derandomised so that CI stays fast and repeatable.

A public form is one entry in ``PUBLIC_FORMS``: apps that add a form (registration,
participation, …) add an entry there.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction, Site

from strukturwandel.core.models import ContentPage
from strukturwandel.participation.models import CARD_FIELDS

from .public_urls import public_urls

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# What a payload looks like when it comes back unescaped; none of it is in any page.
UNESCAPED = ("<script>alert", "<svg onload", "<img src=x onerror", "<iframe src=javascript")
PAYLOADS = [
    '<script>alert("xss")</script>',
    '"><svg onload=alert(1)>',
    "'><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
    "javascript:alert(1)",
    "{{ request }}{% debug %}",
    "' OR 1=1 --",
]
MALFORMED = [
    "0000", "0", "-1", "2021-13-45", "2021-02-30", "1e999", "NaN", "inf", "0x10", "٢٠٢١",
    "²⁰²¹", "9" * 40, "", " ", "%00", "\x00", "2021\x00", "null", "[]", "{}",
]  # fmt: skip
HUGE = ["Wort " * 2000, "ü" * 20_000, "\u202e" * 500 + "x"]
UNICODE_TEXT = st.text(st.characters(codec="utf-8"), max_size=60)
CONTROL_TEXT = st.text(
    st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"]), max_size=20
)
NASTY = st.one_of(
    UNICODE_TEXT,
    CONTROL_TEXT,
    st.sampled_from(PAYLOADS),
    st.sampled_from(MALFORMED),
    st.sampled_from(HUGE),
    st.builds(
        "".join, st.lists(st.sampled_from(PAYLOADS + MALFORMED + ["\r\n", "\x00"]), max_size=4)
    ),
)
# The parameters the public pages read, and one they do not.
NAMES = ["q", "page", "jahr", "thema", "art", "format"]
PARAMETERS = st.dictionaries(st.one_of(st.sampled_from(NAMES), UNICODE_TEXT), NASTY, max_size=4)
# Known troublemakers, every one in every field of a form (a few random examples would
# rarely draw "0000" for the year).
KNOWN = MALFORMED + PAYLOADS + HUGE


def sweep(names, count=None):
    """``count`` dicts over ``names``; with all of them, each name meets every KNOWN value."""
    return [
        {name: KNOWN[(number + offset) % len(KNOWN)] for offset, name in enumerate(names)}
        for number in range(count or len(KNOWN))
    ]


def assert_safe(response, label):
    assert response.status_code < 500, label
    if response.get("Content-Type", "").startswith("text/html"):
        html = response.content.decode()
        for unescaped in UNESCAPED:
            assert unescaped not in html, (label, unescaped)


def test_every_public_url_survives_any_query(client, demo):
    urls = public_urls(client)

    for params in sweep(NAMES, count=2):
        for url in urls:
            assert_safe(client.get(url, params), (url, params))

    @FUZZ
    @given(params=PARAMETERS)
    def check(params):
        for url in urls:
            assert_safe(client.get(url, params), (url, params))

    check()


def password_page():
    """A page behind a password, and the URL of Wagtail's password form for it."""
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=ContentPage(title="Intern", slug="intern-fuzz"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mitglied"
    )
    return f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def registration_form():
    """The registration form of the demo's next meeting that registers on the site."""
    from strukturwandel.registration.models import Registration

    meeting = Registration.objects.select_related("meeting").first().meeting
    return reverse("strukturwandel_registration:register", args=[meeting.pk])


def participation_form(slug, route=""):
    """A participation form of the demo (a page, or a route of the directory)."""
    from wagtail.models import Page

    return Page.objects.get(slug=slug).url + route


@dataclass
class PublicForm:
    """A form anyone may send: where it is, how it is sent and which fields it reads."""

    name: str
    url: Callable[[], str]  # called once the demo site is loaded
    fields: list[str]
    method: str = "get"
    # Fields with a fixed value (e.g. a hidden return URL); everything else is fuzzed.
    fixed: dict[str, str] = field(default_factory=dict)


PUBLIC_FORMS = [
    PublicForm("site search", lambda: "/suche/", ["q", "page"]),
    PublicForm("documentation filter", lambda: "/dokumentation/", ["q", "thema", "jahr", "art"]),
    PublicForm("page password", password_page, ["password", "return_url"], method="post"),
    PublicForm(
        "meeting registration",
        registration_form,
        [f"registration-{name}" for name in ("name", "email", "organisation", "note", "consent")],
        method="post",
        fixed={"registration-website": ""},  # the honeypot stays empty, as a person leaves it
    ),
    PublicForm(
        "topic suggestion",
        lambda: participation_form("themensammlung"),
        [
            f"vorschlag-{name}"
            for name in ("title", "description", "topic_field", "name", "email", "consent")
        ],
        method="post",
        fixed={"vorschlag-website": ""},
    ),
    PublicForm(
        "impulse offer",
        lambda: participation_form("selbst-vorstellen"),
        [
            f"impuls-{name}"
            for name in (
                "name",
                "organisation",
                "email",
                "project",
                "description",
                "topic_field",
                "preferred_meeting",
                "consent",
            )
        ],
        method="post",
        fixed={"impuls-website": ""},
    ),
    PublicForm(
        "business card",
        lambda: participation_form("vernetzung", "eintragen/"),
        [f"karte-{name}" for name in (*CARD_FIELDS, "email", "consent")],
        method="post",
        fixed={"karte-homepage": ""},
    ),
    PublicForm(
        "business card directory",
        lambda: participation_form("vernetzung"),
        ["q", "region", "thema", "page"],
    ),
    PublicForm(
        "business card owner link",
        lambda: participation_form("vernetzung", "karte/"),
        ["t", "action", "karte-name", "karte-region", "karte-offers"],
        method="post",
    ),
]


@pytest.mark.parametrize("form", PUBLIC_FORMS, ids=lambda form: form.name)
def test_every_public_form_survives_any_input(client, demo, settings, form):
    settings.AXES_ENABLED = True  # the page-password form with its limits, as in production
    # Registration's rate limits would answer every later post alike; the fuzz wants the form.
    settings.STRUKTURWANDEL = {
        "REGISTRATION_RATE_LIMIT_PER_ADDRESS": (10**6, 3600),
        "REGISTRATION_RATE_LIMIT_PER_CLIENT": (10**6, 3600),
        "PARTICIPATION_RATE_LIMIT_PER_ADDRESS": (10**6, 3600),
        "PARTICIPATION_RATE_LIMIT_PER_CLIENT": (10**6, 3600),
        "PARTICIPATION_CARD_CHANGE_LIMIT": (10**6, 3600),
    }
    url = form.url()
    for data in sweep(form.fields):
        data |= form.fixed
        assert_safe(getattr(client, form.method)(url, data), (form.name, data))

    @FUZZ
    @given(values=st.fixed_dictionaries(dict.fromkeys(form.fields, NASTY)))
    def check(values):
        data = {**values, **form.fixed}
        response = getattr(client, form.method)(url, data)
        assert_safe(response, (form.name, data))
        # Nothing sent is shown unescaped anywhere afterwards (stored script).
        for page_url in ("/", "/suche/?q=Stammtisch", "/dokumentation/"):
            assert_safe(client.get(page_url), (form.name, page_url))

    check()


@pytest.mark.parametrize(
    "form",
    [form for form in PUBLIC_FORMS if form.name != "business card owner link"],
    ids=lambda form: form.name,
)
def test_the_fuzz_sends_the_fields_the_form_has(client, demo, form):
    """A misspelt field name (one without the form's prefix) would fuzz nothing: the page
    that shows the form names every field sent but "page", which its page links carry. (The
    owner link needs a signed token.)"""
    html = client.get(form.url(), follow=True).content.decode()
    for name in [*form.fields, *form.fixed]:
        assert name == "page" or f'name="{name}"' in html, name
