"""{% strukturwandel_head %}: the package's stylesheet and a page type's own head, once."""

from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.test import override_settings

STYLESHEET = 'href="/static/strukturwandel_core/css/strukturwandel.css"'
PAGE_HEAD = '<meta name="page-head" content="{{ page.title }}">'


@pytest.fixture
def page(tmp_path):
    """A page type with its own head template, as a host's page type would declare it."""
    (tmp_path / "page_head.html").write_text(PAGE_HEAD)
    engine = {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [tmp_path],
        "APP_DIRS": True,
    }
    with override_settings(TEMPLATES=[engine]):
        yield SimpleNamespace(title="Start", head_template="page_head.html")


def render(source, **context):
    return Template("{% load strukturwandel_core %}" + source).render(Context(context))


def test_the_tag_renders_the_stylesheet_and_the_page_types_head(page):
    html = render("{% strukturwandel_head %}", page=page)
    assert html.count(STYLESHEET) == 1
    assert html.count('<meta name="page-head" content="Start">') == 1


def test_a_page_without_a_head_template_gets_the_stylesheet_only():
    html = render("{% strukturwandel_head %}", page=SimpleNamespace(title="Start"))
    assert STYLESHEET in html
    assert html.count("<link") == 1
    assert render("{% strukturwandel_head %}").count("<link") == 1


def test_the_tag_renders_once_per_document(page):
    template = Template(
        "{% load strukturwandel_core %}{% strukturwandel_head %}"
        "{% with x=1 %}{% strukturwandel_head %}{% endwith %}"
    )
    for _document in range(2):
        html = template.render(Context({"page": page}))
        assert html.count(STYLESHEET) == 1
        assert html.count('name="page-head"') == 1
