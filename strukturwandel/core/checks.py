"""System checks for what a host site must provide (``manage.py check``).

Instead of pages that silently lose their stylesheet or metadata, the host learns at start-up
what is missing and how to add it. Ids: strukturwandel.E001–E002, W001–W005.
"""

import re

from django.apps import apps
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections, router
from django.template import Context, Engine, TemplateDoesNotExist, TemplateSyntaxError
from django.template.base import TextNode
from django.template.loader_tags import BlockNode, ExtendsNode
from django.utils.translation import gettext as _

ADAPTER_TEMPLATE = "strukturwandel_core/base.html"
RECURRENCE_CONFIG = "strukturwandel.core.apps.RecurrenceConfig"
MAIN_ELEMENT = re.compile(r"<main[\s>]", re.IGNORECASE)


def required_apps():
    """The apps the package cannot do without, with what each one is for."""
    return {
        "recurrence": _(
            "Schedule rules of series, working groups and recurring meetings are "
            'django-recurrence fields. Add "%(config)s" (or "recurrence").'
        )
        % {"config": RECURRENCE_CONFIG},
        "wagtail.contrib.settings": _(
            "The site settings (address, newsletter, social links, funding notice) that the "
            "footer shows are a Wagtail site setting."
        ),
        "wagtail.contrib.routable_page": _(
            "The calendars of series and meetings and the topic fields' pages are routes of "
            "their pages."
        ),
        "wagtail_modeladmin": _("The package's admin areas, such as registrations."),
    }


@register()
def check_required_apps(app_configs=None, **kwargs):
    return [
        Error(
            _('"%(app)s" is missing from INSTALLED_APPS.') % {"app": name},
            hint=reason,
            id="strukturwandel.E001",
        )
        for name, reason in required_apps().items()
        if not apps.is_installed(name)
    ]


@register(Tags.models)
def check_recurrence_primary_keys(app_configs=None, **kwargs):
    from django.db.models import BigAutoField

    if not apps.is_installed("recurrence"):
        return []
    # recurrence/migrations/0002 turns every id into a BigAutoField.
    pk = apps.get_model("recurrence", "Recurrence")._meta.pk
    if isinstance(pk, BigAutoField):
        return []
    return [
        Warning(
            _(
                "django-recurrence's models get %(field)s primary keys from DEFAULT_AUTO_FIELD, "
                "but its migrations create BigAutoField ones: makemigrations would write a "
                "migration for it into site-packages."
            )
            % {"field": type(pk).__name__},
            hint=_(
                'In INSTALLED_APPS, replace "recurrence" with "%(config)s" (or set '
                'DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField").'
            )
            % {"config": RECURRENCE_CONFIG},
            id="strukturwandel.W001",
        )
    ]


def _engine():
    try:
        return Engine.get_default()
    except ImproperlyConfigured:  # no Django template engine: nothing to check
        return None


def _parent_name(template):
    """The name a template extends, or None (not extending, or a name known only at render)."""
    for node in template.nodelist:
        if isinstance(node, ExtendsNode):
            expression = node.parent_name
            if expression.filters or not isinstance(expression.var, str):
                return None
            return expression.resolve(Context())
    return None


def _layout_chain(engine):
    """The templates a page of the package renders through: the adapter, then its parents."""
    chain, seen = [], []
    name = ADAPTER_TEMPLATE
    while name:
        # Like {% extends %}: a template may extend one of the same name further down the path.
        template, origin = engine.find_template(name, skip=seen)
        seen.append(origin)
        chain.append(template)
        name = _parent_name(template)
    return chain


def _nodes(nodelist, blocks=()):
    """Every node with the names of the blocks around it, outermost first."""
    for node in nodelist:
        yield node, blocks
        inner = (*blocks, node.name) if isinstance(node, BlockNode) else blocks
        for attr in node.child_nodelists:
            yield from _nodes(getattr(node, attr, None) or [], inner)


def _renders_head(chain):
    """Whether {% strukturwandel_head %} ends up in the page (in the layout or a block it has)."""
    from .templatetags.strukturwandel_core import strukturwandel_head

    for position, template in enumerate(chain):
        ancestors = chain[position + 1 :]
        defined = {
            block.name
            for parent in ancestors
            for block in parent.nodelist.get_nodes_by_type(BlockNode)
        }
        for node, blocks in _nodes(template.nodelist):
            if getattr(node, "func", None) is not strukturwandel_head:
                continue
            if not ancestors or (blocks and blocks[0] in defined):
                return True
    return False


def _has_main(template):
    """Whether the template's markup (not its comments) has a <main> element."""
    text = "".join(node.s for node in template.nodelist.get_nodes_by_type(TextNode))
    return bool(MAIN_ELEMENT.search(text))


@register(Tags.templates)
def check_layout(app_configs=None, **kwargs):
    engine = _engine()
    if engine is None:
        return []
    try:
        chain = _layout_chain(engine)
    except TemplateDoesNotExist as error:
        return [
            Error(
                _('"%(adapter)s" extends the template "%(name)s", which no template directory has.')
                % {"adapter": ADAPTER_TEMPLATE, "name": error.args[0]},
                hint=_(
                    "Every page of the package extends your site's layout, base.html. Create it, "
                    "or override %(adapter)s to extend your layout."
                )
                % {"adapter": ADAPTER_TEMPLATE},
                id="strukturwandel.E002",
            )
        ]
    except TemplateSyntaxError:
        # Django reports the error itself when the template is rendered.
        return []
    layout = chain[-1].origin.name
    messages = []
    if not _renders_head(chain):
        messages.append(
            Warning(
                _(
                    "The package's head does not reach the layout %(layout)s: it has neither "
                    "a block extra_css or extra_head for it nor {%% strukturwandel_head %%}. "
                    "The package's pages lose their stylesheet, calendar links, Open Graph and "
                    "JSON-LD."
                )
                % {"layout": layout},
                hint=_(
                    "Put {%% load strukturwandel_core %%} and {%% strukturwandel_head %%} into "
                    "the <head> of %(layout)s."
                )
                % {"layout": layout},
                id="strukturwandel.W002",
            )
        )
    if not any(_has_main(template) for template in chain):
        messages.append(
            Warning(
                _(
                    "The layout %(layout)s has no <main> element: screen-reader and keyboard "
                    "users cannot jump to the content of the package's pages."
                )
                % {"layout": layout},
                hint=_(
                    'In %(layout)s, put <main id="main"> … </main> around '
                    "{%% block content %%}{%% endblock %%}."
                )
                % {"layout": layout},
                id="strukturwandel.W003",
            )
        )
    return messages


@register(Tags.database)
def check_site_hostname(app_configs=None, databases=None, **kwargs):
    """A Site still at Wagtail's default hostname writes wrong absolute URLs into feeds."""
    from wagtail.models import Site

    alias = router.db_for_read(Site)
    if not databases or alias not in databases:
        return []
    connection = connections[alias]
    try:
        if Site._meta.db_table not in connection.introspection.table_names():
            return []  # not migrated yet
        sites = list(Site.objects.using(alias).filter(hostname="localhost"))
    except DatabaseError:
        return []
    return [
        Warning(
            _("This Wagtail site still has the hostname localhost."),
            hint=_(
                "Calendar files, Open Graph tags, JSON-LD and the sitemap write absolute URLs "
                "from it. Set the public domain and port in Settings › Sites."
            ),
            obj=site,
            id="strukturwandel.W004",
        )
        for site in sites
    ]


ADMIN_DATE_FORMATS = [
    ("WAGTAIL_DATE_FORMAT", "DATE_INPUT_FORMATS"),
    ("WAGTAIL_DATETIME_FORMAT", "DATETIME_INPUT_FORMATS"),
    ("WAGTAIL_TIME_FORMAT", "TIME_INPUT_FORMATS"),
]


@register()
def check_admin_date_formats(app_configs=None, **kwargs):
    """A date the admin's picker writes must be read back, or the picker replaces it with now.

    Wagtail's own check (wagtailadmin.E003) only runs with the removed USE_L10N setting.
    """
    from django.conf import settings
    from django.utils import formats

    messages = []
    for code, _label in settings.LANGUAGES:
        for setting, input_setting in ADMIN_DATE_FORMATS:
            value = getattr(settings, setting, None)
            if value and value not in formats.get_format(input_setting, lang=code):
                messages.append(
                    Warning(
                        _("The admin writes dates as %(format)s, which %(language)s does not read.")
                        % {"format": value, "language": code},
                        hint=_(
                            "Add %(format)s to %(input)s in a format module for this language "
                            "(FORMAT_MODULE_PATH), or change %(setting)s."
                        )
                        % {"format": value, "input": input_setting, "setting": setting},
                        obj=setting,
                        id="strukturwandel.W005",
                    )
                )
    return messages
