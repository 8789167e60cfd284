"""A meeting page in the layout of Wagtail's project template, which has extra_css only."""

import datetime

from django.test import override_settings

STOCK_LAYOUT = """<!DOCTYPE html>
<html lang="en">
<head>
<title>{% block title %}{{ page.title }}{% endblock %}</title>
<link rel="stylesheet" href="/static/css/host.css">
{% block extra_css %}{% endblock %}
</head>
<body class="stock-layout">
<main id="main">
{% block content %}{% endblock %}
</main>
{% block extra_js %}{% endblock %}
</body>
</html>
"""


def test_a_meeting_page_gets_its_whole_head_in_a_stock_layout(tmp_path, client, make_meeting):
    (tmp_path / "base.html").write_text(STOCK_LAYOUT)
    meeting = make_meeting(datetime.date.today() + datetime.timedelta(days=14))
    engine = {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [tmp_path],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
    with override_settings(TEMPLATES=[engine]):
        html = client.get(meeting.url).content.decode()
    head = html.split("</head>")[0]
    assert 'class="stock-layout"' in html
    assert head.count("/static/strukturwandel_core/css/strukturwandel.css") == 1
    assert head.index("host.css") < head.index("strukturwandel.css")
    assert head.count('type="text/calendar"') == 1
    assert '<meta property="og:title" content="Stammtisch am' in head
    assert head.count('<script type="application/ld+json">') == 1
