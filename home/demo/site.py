"""The home page, the site settings and the general pages of the demo site."""

from django.contrib.auth import get_user_model
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from strukturwandel.core.models import ContentPage, SiteSettings

from .utils import ensure_child, rich

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "stammtisch"  # noqa: S105 - a demo account on the developer's machine


DEMO_HOSTNAME, DEMO_PORT = "127.0.0.1", 8000
# What Wagtail's own migration gives the first site.
WAGTAIL_DEFAULT_HOST = ("localhost", 80)


def build_home(hostname=None, port=None):
    """Replace Wagtail's default welcome page by our home page and point the site at it.

    The site's hostname and port are where the demo runs (``make demo``): calendar files,
    Open Graph tags, JSON-LD and the sitemap write absolute URLs from them. A site that an
    editor already pointed elsewhere keeps its address unless ``hostname``/``port`` are given.
    """
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or _create_root()
        for default in (
            root.get_children().filter(slug="home").exclude(content_type__model="homepage")
        ):
            default.delete()
        home = HomePage(
            title="Strukturwandel im Mitteldeutschen Revier",
            slug="home",
            intro=rich(
                "Der Kohleausstieg verändert das Mitteldeutsche Revier. Wir bringen Menschen "
                "zusammen, die diesen Wandel nachhaltig, gerecht und mit echter Beteiligung "
                "der Zivilgesellschaft gestalten wollen: im digitalen "
                "<b>Strukturwandel-Stammtisch</b>, in unseren Arbeitsgruppen und im "
                "zivilgesellschaftlichen Bündnis für die Region."
            ),
            search_description="Termine, Berichte und Arbeitsgruppen des zivilgesellschaftlichen "
            "Bündnisses für den Strukturwandel im Mitteldeutschen Revier.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        site = Site.objects.create(
            hostname=hostname or DEMO_HOSTNAME,
            port=port or DEMO_PORT,
            root_page=home,
            is_default_site=True,
        )
    wanted = {"root_page_id": home.pk, "site_name": site.site_name or "Strukturwandel"}
    if (site.hostname, site.port) == WAGTAIL_DEFAULT_HOST:
        wanted.update(hostname=DEMO_HOSTNAME, port=DEMO_PORT)
    if hostname:
        wanted["hostname"] = hostname
    if port:
        wanted["port"] = port
    if any(getattr(site, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.save()
    return site, home


def _create_root():
    """The tree root Wagtail's migrations create; gone after ``manage.py flush``."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant("de"))
    return Page.add_root(instance=Page(title="Root", slug="root"))


def build_settings(site):
    settings = SiteSettings.for_site(site)
    if settings.address:
        return settings
    settings.organisation_name = "Landesverband Nachhaltiges Sachsen e.V."
    settings.address = "Schützengasse 16-18\n01067 Dresden"
    settings.contact_email = "post@nachhaltiges-sachsen.example.org"
    settings.newsletter_url = "https://newsletter.example.org/nachhaltiges-sachsen"
    settings.newsletter_text = (
        "Bleiben Sie auf dem Laufenden: Unser Newsletter informiert über aktuelle Aktionen, "
        "Themen und Projekte."
    )
    settings.social_links = [
        (
            "link",
            {"network": "mastodon", "label": "Mastodon", "url": "https://social.example.org/@lns"},
        ),
        (
            "link",
            {
                "network": "instagram",
                "label": "Instagram",
                "url": "https://instagram.example.org/lns",
            },
        ),
    ]
    settings.funding_notice = rich(
        "Diese Maßnahme wird mitfinanziert durch Steuermittel auf Grundlage des von den "
        "Abgeordneten des Sächsischen Landtags beschlossenen Haushaltes. Die Förderung erfolgt "
        "durch das Sächsische Staatsministerium für Umwelt und Landwirtschaft."
    )
    settings.save()
    return settings


def build_content_pages(home):
    network = ensure_child(
        home,
        ContentPage,
        "netzwerk-zukunft-regional",
        title="Netzwerk Zukunft Regional",
        show_in_menus=True,
        search_description="Das Projekt des Landesverbands für die regionale Vernetzung "
        "engagierter Menschen in Sachsen.",
        intro="In ganz Sachsen setzen sich Menschen für eine nachhaltige Entwicklung ein – auf "
        "dem Land fehlt aber oft das Netz, das sie trägt. Hier setzt das Projekt an.",
        body=_network_body(),
    )
    imprint = ensure_child(
        home,
        ContentPage,
        "impressum",
        title="Impressum",
        intro="Angaben gemäß § 5 DDG.",
        body=[
            (
                "paragraph",
                rich(
                    "Landesverband Nachhaltiges Sachsen e.V.<br>Schützengasse 16-18<br>"
                    "01067 Dresden",
                    "Diese Website ist eine Demonstration. Kontakt: "
                    '<a href="mailto:post@nachhaltiges-sachsen.example.org">'
                    "post@nachhaltiges-sachsen.example.org</a>",
                ),
            )
        ],
    )
    privacy = ensure_child(
        home,
        ContentPage,
        "datenschutz",
        title="Datenschutz",
        intro="Wie wir mit Ihren Daten umgehen.",
        body=[
            (
                "paragraph",
                rich(
                    "Diese Website setzt keine Cookies zu Werbe- oder Analysezwecken und lädt "
                    "keine Inhalte von fremden Servern. Daten, die Sie uns bei einer Anmeldung "
                    "übermitteln, verwenden wir nur für die jeweilige Veranstaltung."
                ),
            )
        ],
    )
    return network, imprint, privacy


def _network_body():
    """The project page of Netzwerk Zukunft Regional (seed 003), in our own words."""
    return [
        ("heading", {"text": "Warum regionale Netzwerke?", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Initiativen und Engagement für eine global nachhaltige Entwicklung gibt es in "
                "Sachsen in allen Bereichen der Gesellschaft: in Unternehmen, in Politik und "
                "Verwaltung und besonders in der Zivilgesellschaft. Zwischen den kreisfreien "
                "Städten und dem übrigen Land gibt es dabei aber ein großes Gefälle.",
                "Das liegt nicht an fehlendem Engagement auf dem Land. Entscheidend ist die "
                "geringere Akteursdichte: Wer sich in einer ländlichen Region engagiert, findet "
                "im direkten Umfeld oft nur wenige Verbündete, die anregen und unterstützen.",
                "Netzwerk Zukunft Regional stellt deshalb die regionale Vernetzung der Menschen "
                "in den Mittelpunkt, die sich für eine nachhaltige Gesellschaft einsetzen – "
                "quer zu den üblichen fachlichen, sozialen und institutionellen Grenzen: aus "
                "Vereinen und Initiativen, Kommunen, Unternehmen, Bildungseinrichtungen, "
                "Religionsgemeinschaften und anderen Institutionen.",
            ),
        ),
        ("heading", {"text": "Ressourcen für die Netzwerkarbeit", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Zusammenarbeit zwischen Wirtschaft, Verwaltung und Zivilgesellschaft braucht "
                "kontinuierliche Impulse und Einsatz – Zeit und Personal, die "
                "zivilgesellschaftlichen Organisationen oft fehlen. Das Projekt sucht deshalb "
                "Partner, die Ressourcen in die regionale Netzwerkarbeit einbringen können: Geld "
                "sowie Sach- und Personalleistungen.",
                "Außerdem prüft es, welche Fachförderinstrumente von Bund und Land regionale "
                "Prozesse unterstützen können, und hilft den Akteur:innen, sie zu nutzen.",
            ),
        ),
        ("heading", {"text": "Themen aus den Regionen", "level": "h2"}),
        (
            "paragraph",
            rich(
                "Sind regionale Netzwerke entstanden, unterstützt das Projekt sie dabei, weitere "
                "Themen einer nachhaltigen und global gerechten Lebens- und Wirtschaftsweise "
                "aufzugreifen. Welche Themen das sind, schätzen die lokalen Akteur:innen selbst "
                "ein und wählen sie aus. Der Landesverband bringt inhaltliche Anregungen, "
                "Informationen und Kontakte zu anderen Good-Practice-Beispielen ein.",
                "Weil regionale Netzwerke oft vor ähnlichen Herausforderungen stehen, verbindet "
                "der Landesverband sie entlang von Schlüsselthemen auch miteinander – für den "
                "Erfahrungsaustausch und die gemeinsame Suche nach Lösungen. Dabei nutzt er "
                "seine bestehenden fachlichen Netzwerke und die Fachverbände, vor allem in "
                "diesen Themenbereichen:",
            )
            + "<ul><li>Verkehr</li><li>Landwirtschaft</li><li>nachhaltiges Wirtschaften</li>"
            "<li>Energie und Klimaschutz</li><li>Entwicklungszusammenarbeit</li>"
            "<li>Bildung für nachhaltige Entwicklung</li></ul>",
        ),
        ("heading", {"text": "Die Ziele des Projekts", "level": "h2"}),
        (
            "paragraph",
            "<ul><li>regionale Vernetzung anregen und unterstützen,</li>"
            "<li>Schlüsselakteur:innen vor Ort mit Beratung und Coaching beim Aufbau "
            "tragfähiger Netzwerkstrukturen unterstützen,</li>"
            "<li>die Vernetzung der Teilregionen entlang von Schlüsselthemen organisieren und "
            "unterstützen,</li>"
            "<li>in den Regionen und auf Landesebene inhaltliche Impulse für eine nachhaltige "
            "Entwicklung in Sachsen geben.</li></ul>",
        ),
    ]


def build_admin_user():
    User = get_user_model()
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(
            ADMIN_USERNAME,
            "admin@example.org",
            ADMIN_PASSWORD,
            first_name="Demo",
            last_name="Redaktion",
        )
    return ADMIN_USERNAME, ADMIN_PASSWORD
