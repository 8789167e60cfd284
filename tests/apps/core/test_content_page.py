import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import Site

from strukturwandel.core.models import ContentPage, SiteSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def content_page(root_page):
    page = ContentPage(
        title="Netzwerk Zukunft Regional",
        slug="netzwerk",
        intro="Regionale Vernetzung für eine nachhaltige Entwicklung.",
        body=[
            ("heading", {"text": "Ziele", "level": "h2"}),
            ("paragraph", "<ul><li>Vernetzung anregen</li><li>Akteur:innen beraten</li></ul>"),
            ("quote", {"quote": "Zusammen geht mehr.", "attribution": "Projektteam"}),
            ("heading", {"text": "Details", "level": "h3"}),
        ],
    )
    root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_content_page_renders_blocks_in_the_host_layout(client, content_page):
    response = client.get(content_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    # The bare host site's own base template wraps the page.
    assert '<body class="host-site">' in html
    assert "strukturwandel_core/css/strukturwandel.css" in html
    assert "<h1>Netzwerk Zukunft Regional</h1>" in html
    assert '<p class="sw-lead">Regionale Vernetzung für eine nachhaltige Entwicklung.</p>' in html
    assert "<h2>Ziele</h2>" in html
    assert "<h3>Details</h3>" in html
    assert "<li>Akteur:innen beraten</li>" in html
    assert "<blockquote><p>Zusammen geht mehr.</p></blockquote>" in html
    assert "<figcaption>Projektteam</figcaption>" in html


def test_content_page_escapes_plain_text_fields(client, root_page):
    page = ContentPage(
        title="<script>alert(1)</script>",
        slug="unsafe",
        intro="<b>fett</b>",
        body=[("quote", {"quote": "<img src=x onerror=alert(1)>", "attribution": ""})],
    )
    root_page.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img src=x" not in html
    assert "&lt;b&gt;fett&lt;/b&gt;" in html


def test_content_page_is_found_by_search(content_page):
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    results = backend.search("Vernetzung", ContentPage)
    assert content_page.pk in [page.pk for page in results]


def test_block_picker_describes_every_block():
    from strukturwandel.core.blocks import BaseStreamBlock

    for name, block in BaseStreamBlock().child_blocks.items():
        assert block.meta.icon, name
        assert block.meta.description, name
        assert block.meta.template, name


def test_site_footer_shows_the_site_settings(site):
    settings = SiteSettings.for_site(site)
    settings.address = "Schützengasse 16-18\n01067 Dresden"
    settings.contact_email = "post@example.org"
    settings.newsletter_url = "https://newsletter.example.org/"
    settings.funding_notice = "<p>Gefördert vom Freistaat Sachsen.</p>"
    settings.social_links = [
        (
            "link",
            {"network": "mastodon", "label": "Mastodon", "url": "https://social.example.org/@x"},
        )
    ]
    settings.save()

    request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    request.site = Site.find_for_request(request)
    html = Template("{% load strukturwandel_core %}{% site_footer %}").render(
        Context({"request": request})
    )
    assert "Schützengasse 16-18<br>01067 Dresden" in html
    assert 'href="mailto:post@example.org"' in html
    assert 'href="https://newsletter.example.org/"' in html
    assert "Newsletter bestellen" in html
    # Without a text of the site's own, a general invitation from the catalogue.
    assert "Melden Sie sich für unseren Newsletter zu aktuellen Aktionen" in html
    assert '<h2 id="footer-funding">Förderung</h2>' in html
    assert "Gefördert vom Freistaat Sachsen." in html
    assert 'rel="me"' in html


def test_site_footer_leaves_out_empty_sections(site):
    request = RequestFactory().get("/")
    request.site = site
    html = Template("{% load strukturwandel_core %}{% site_footer %}").render(
        Context({"request": request})
    )
    assert "footer-newsletter" not in html
    assert "footer-funding" not in html
    # The package names no organisation: without a name there is no copyright line.
    assert SiteSettings.for_site(site).organisation_name == ""
    assert "©" not in html


def test_editor_can_create_a_content_page_in_the_admin(admin_client, root_page):
    url = f"/admin/pages/add/strukturwandel_core/contentpage/{root_page.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    assert "Einleitung" in response.content.decode()
    response = admin_client.post(
        url,
        {
            "title": "Über uns",
            "slug": "ueber-uns",
            "intro": "Wer wir sind.",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ContentPage.objects.get(slug="ueber-uns")
    assert page.live
