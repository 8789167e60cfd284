"""Errors an operator meets: a failed request, a database or cache that is down."""

import logging
import os
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory, override_settings

from home.views import server_error
from settings.cache import FailSoftRedisCache, redis_cache
from settings.urls import handler500

from .test_settings import PRODUCTION_ENV, ROOT

CLOSED_PORT = "redis://127.0.0.1:1/0"


def test_500_page_claims_the_team_was_informed_only_when_someone_is(settings):
    assert handler500 == "home.views.server_error"
    request = RequestFactory().get("/")
    settings.ADMINS = []
    html = server_error(request).content.decode()
    assert "Ein interner Fehler ist aufgetreten" in html
    assert "Bitte versuchen Sie es in einigen Minuten erneut." in html
    assert "informiert" not in html and "Nachricht" not in html
    settings.ADMINS = [("Betrieb", "betrieb@example.org")]
    response = server_error(request)
    assert response.status_code == 500
    assert "Das Team der Website erhält eine Nachricht über den Fehler." in (
        response.content.decode()
    )


def test_a_form_sent_without_its_csrf_cookie_gets_the_sites_own_german_page(demo):
    response = Client(enforce_csrf_checks=True).post("/themensammlung/", {"x": "y"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="de"' in html and 'class="skip-link"' in html
    assert "<h1>Das Formular konnte nicht gesendet werden</h1>" in html
    assert "erlauben Sie bitte Cookies für diese Website" in html
    assert "Forbidden" not in html and "DEBUG" not in html


def test_database_down_gives_the_sites_own_500_page():
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "response = Client(raise_request_exception=False).get('/', HTTP_HOST='example.org')\n"
        "print(response.status_code)\n"
        "print(response.content.decode())\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    env |= PRODUCTION_ENV | {
        # Nothing listens on port 1: the connection is refused at once.
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/strukturwandel",
        "ALLOWED_HOSTS": "example.org",
        "SECURE_SSL_REDIRECT": "false",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    status, html = result.stdout.split("\n", 1)
    assert status == "500"
    assert "<h1>Ein interner Fehler ist aufgetreten</h1>" in html


@pytest.fixture
def redis_down():
    FailSoftRedisCache._down_until.clear()
    with override_settings(CACHES=redis_cache(CLOSED_PORT)):
        yield
    FailSoftRedisCache._down_until.clear()


def test_site_serves_uncached_when_redis_is_unreachable(client, demo, redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="settings.cache"):
        for url in (
            "/",
            "/stammtisch/",
            "/dokumentation/",
            "/suche/?q=Netzwerk",
            "/gibt-es-nicht/",
        ):
            response = client.get(url)
            assert response.status_code == (404 if url == "/gibt-es-nicht/" else 200), url
    # One warning for the whole outage, not one per request.
    warnings = [record for record in caplog.records if record.name == "settings.cache"]
    assert len(warnings) == 1
    assert "127.0.0.1:1" in warnings[0].getMessage()


def test_unreachable_cache_misses_drops_writes_and_retries_after_a_while(redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="settings.cache"):
        assert cache.get("key", "fallback") == "fallback"
        cache.set("key", "value")
        assert cache.add("key", "value") is False
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert cache.get_or_set("key", "computed") == "computed"
        assert cache.has_key("key") is False
        with pytest.raises(ValueError):
            cache.incr("counter")
        cache.delete("key")
        assert len(caplog.records) == 1
        # After RETRY_AFTER seconds the next call tries Redis again (and logs again).
        FailSoftRedisCache._down_until.update(dict.fromkeys(FailSoftRedisCache._down_until, 0))
        assert cache.get("key") is None
        assert len(caplog.records) == 2


def _redis_available():
    import redis

    try:
        return redis.Redis.from_url("redis://127.0.0.1:6379/9", socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


@pytest.mark.skipif(not _redis_available(), reason="no Redis server at 127.0.0.1:6379")
def test_reachable_redis_caches_as_usual():
    with override_settings(CACHES=redis_cache("redis://127.0.0.1:6379/9")):
        cache.set("fail-soft-probe", {"value": 1}, 30)
        assert cache.get("fail-soft-probe") == {"value": 1}
        cache.set("fail-soft-counter", 1, 30)
        assert cache.incr("fail-soft-counter") == 2
        cache.delete_many(["fail-soft-probe", "fail-soft-counter"])
        assert cache.get("fail-soft-probe") is None
