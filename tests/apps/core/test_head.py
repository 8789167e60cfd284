"""{% strukturwandel_head %}: the package's stylesheet and a page type's own head, once."""

from types import SimpleNamespace

from django.template import Context, Template

STYLESHEET = 'href="/static/strukturwandel_core/css/strukturwandel.css"'
PRINT = 'href="/static/strukturwandel_documentation/css/print.css" media="print"'


def render(source, **context):
    return Template("{% load strukturwandel_core %}" + source).render(Context(context))


def test_the_tag_renders_the_stylesheet_and_the_page_types_head():
    page = SimpleNamespace(head_template="strukturwandel_documentation/head/report_page.html")
    html = render("{% strukturwandel_head %}", page=page)
    assert html.count(STYLESHEET) == 1
    assert html.count(PRINT) == 1


def test_a_page_without_a_head_template_gets_the_stylesheet_only():
    html = render("{% strukturwandel_head %}", page=SimpleNamespace(title="Start"))
    assert STYLESHEET in html
    assert "<link" in html and html.count("<link") == 1
    assert render("{% strukturwandel_head %}").count("<link") == 1


def test_the_tag_renders_once_per_document():
    page = SimpleNamespace(head_template="strukturwandel_documentation/head/report_page.html")
    template = Template(
        "{% load strukturwandel_core %}{% strukturwandel_head %}"
        "{% with x=1 %}{% strukturwandel_head %}{% endwith %}"
    )
    for _document in range(2):
        html = template.render(Context({"page": page}))
        assert html.count(STYLESHEET) == 1
        assert html.count(PRINT) == 1
