"""Login limits (django-axes): admin logins and page passwords cannot be guessed endlessly."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, PageViewRestriction, Site

from strukturwandel.core.models import ContentPage

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"
EDITOR = "198.51.100.20"


@pytest.fixture(autouse=True)
def login_limits(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redaktion", "r@example.org", "richtig-123")


def _login(client, url, password, address):
    return client.post(url, {"username": "redaktion", "password": password}, REMOTE_ADDR=address)


@pytest.mark.parametrize("url", ["/admin/login/", "/django-admin/login/"])
def test_admin_logins_lock_an_address_out_after_ten_failures(client, editor, url):
    for _attempt in range(9):
        assert _login(client, url, "falsch", ATTACKER).status_code == 200
    locked = _login(client, url, "falsch", ATTACKER)
    assert locked.status_code == 429
    # Twenty wrong passwords, then the right one: still locked, not logged in.
    for _attempt in range(10):
        _login(client, url, "falsch", ATTACKER)
    response = _login(client, url, "richtig-123", ATTACKER)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    html = response.content.decode()
    assert "<h1>Zu viele Fehlversuche</h1>" in html
    assert "Bitte versuchen Sie es in 15 Minuten erneut." in html

    # Another address is not affected, and an administrator can unlock the first one.
    assert _login(client, url, "richtig-123", EDITOR).status_code == 302
    client.logout()
    call_command("axes_reset_ip", ATTACKER, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _login(client, url, "richtig-123", ATTACKER).status_code == 302


def test_the_limit_follows_the_address_the_proxy_reports(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _attempt in range(10):
        client.post(
            "/admin/login/",
            {"username": "redaktion", "password": "falsch"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.99, {ATTACKER}",
        )
    # Same proxy, another visitor: not locked out; a forged first entry changes nothing.
    response = client.post(
        "/admin/login/",
        {"username": "redaktion", "password": "richtig-123"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR=f"{ATTACKER}, {EDITOR}",
    )
    assert response.status_code == 302


@pytest.fixture
def protected_page():
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=ContentPage(title="Nur für Mitglieder", slug="intern"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mitglied"
    )
    return Page.objects.get(pk=page.pk), restriction


def test_page_passwords_are_limited_like_logins(client, protected_page):
    page, restriction = protected_page
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    def enter(password, address):
        return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)

    assert enter("mitglied", EDITOR).status_code == 302
    for _attempt in range(9):
        assert enter("falsch", ATTACKER).status_code == 200
    assert enter("falsch", ATTACKER).status_code == 429
    response = enter("mitglied", ATTACKER)
    assert response.status_code == 429
    assert "Zu viele Fehlversuche" in response.content.decode()
    assert enter("mitglied", EDITOR).status_code == 302
