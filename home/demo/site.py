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
        search_description="Unser Projekt für die regionale Vernetzung engagierter Menschen "
        "in Sachsen.",
        intro="Engagement für eine nachhaltige Entwicklung gibt es überall in Sachsen – auf dem "
        "Land fehlt aber oft das Netz, das es trägt. Genau hier setzt das Projekt an.",
        body=[
            ("heading", {"text": "Warum regionale Netzwerke?", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "In den kreisfreien Städten finden Engagierte schnell Gleichgesinnte. In den "
                    "ländlichen Regionen sind es oft einzelne Menschen, die Projekte für eine "
                    "nachhaltige Entwicklung voranbringen – mit wenigen Verbündeten in der Nähe.",
                    "Netzwerk Zukunft Regional bringt deshalb Aktive aus Vereinen und "
                    "Initiativen, Kommunen, Unternehmen, Bildungseinrichtungen und "
                    "Religionsgemeinschaften miteinander ins Gespräch – quer zu den üblichen "
                    "fachlichen und institutionellen Grenzen.",
                ),
            ),
            ("heading", {"text": "Was wir tun", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>regionale Vernetzung anregen und begleiten,</li>"
                "<li>Schlüsselakteur:innen vor Ort mit Beratung und Coaching beim Aufbau "
                "tragfähiger Netzwerke unterstützen,</li>"
                "<li>Teilregionen entlang gemeinsamer Schlüsselthemen miteinander verbinden,</li>"
                "<li>Impulse für eine nachhaltige Entwicklung in den Regionen und auf "
                "Landesebene geben.</li></ul>",
            ),
            (
                "quote",
                {
                    "quote": "Netzwerkarbeit braucht Zeit und Menschen – beides wollen wir "
                    "gemeinsam mit den Regionen organisieren.",
                    "attribution": "Projektteam Netzwerk Zukunft Regional",
                },
            ),
        ],
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
