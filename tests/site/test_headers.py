"""Content-Security-Policy and Permissions-Policy on every public page."""

import re

import pytest

from .public_urls import public_urls

pytestmark = pytest.mark.django_db


def _directives(header):
    return {
        name: sources
        for name, *sources in (part.split() for part in header.split(";") if part.strip())
    }


def test_every_public_url_sends_a_policy_without_inline_scripts(client, demo):
    urls = public_urls(client)
    assert len(urls) > 40
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        policy = _directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert "'unsafe-inline'" not in policy["style-src"], url
        assert "camera=()" in response["Permissions-Policy"], url
        if response["Content-Type"].startswith("text/html"):
            html = response.content.decode()
            # The policy blocks these; the templates must not rely on them.
            scripts = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", html)
            assert all('type="application/ld+json"' in script for script in scripts), url
            assert "<style" not in html, url
            assert not re.search(r"\son[a-z]+=", html), url


def test_the_admin_keeps_working_without_the_public_policy(client, demo):
    for url in ("/admin/login/", "/django-admin/login/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Content-Security-Policy" not in response
        assert "Permissions-Policy" in response
