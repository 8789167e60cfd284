import html
import re

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator

from strukturwandel.core.models import SiteSettings
from strukturwandel.core.pages import is_public

register = template.Library()

# What the package's page types say about themselves, tried in this order when the editor left
# the search description empty: meetings' teaser, documentation's summary, a group's short
# description, then introductions and a group's purpose (rich text).
DESCRIPTION_FIELDS = ("teaser", "summary", "short_description", "intro", "purpose")
DESCRIPTION_LENGTH = 200
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)


@register.filter
def page_description(page):
    """A page's description in plain text, for <meta name="description"> and search results.

    The editor's search description, else ``page.get_meta_description()`` when a page type
    (a host site's too) defines it, else the first filled of ``DESCRIPTION_FIELDS``.
    """
    text = getattr(page, "search_description", "") or ""
    if not text and hasattr(page, "get_meta_description"):
        text = page.get_meta_description() or ""
    for name in () if text else DESCRIPTION_FIELDS:
        text = getattr(page, name, "") or ""
        if text:
            break
    # Rich text: a space where a paragraph ends, no tags, entities decoded (escaped again on
    # output), whitespace collapsed.
    text = html.unescape(strip_tags(_BLOCK_END.sub(" ", str(text))))
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


# Set in the root of a rendering's render context, which {% include %} and inclusion tags share.
HEAD_RENDERED = "strukturwandel_head_rendered"


@register.simple_tag(takes_context=True)
def strukturwandel_head(context):
    """The package's part of <head>: its stylesheet and the page type's own head.

    The page type's head (calendar link, Open Graph, JSON-LD, print stylesheet) is the
    template named by ``page.head_template``, rendered with the page's context. Renders once
    per document: the adapter template fills both the stock layout's ``extra_css`` and the
    ``extra_head`` block, and a host may also put the tag into its layout's <head>.
    """
    root = context.render_context.dicts[0]
    if root.get(HEAD_RENDERED):
        return ""
    root[HEAD_RENDERED] = True
    head_template = getattr(context.get("page"), "head_template", None)
    template = context.template.engine.get_template("strukturwandel_core/head.html")
    with context.push(head_template=head_template):
        return template.render(context)


@register.inclusion_tag("strukturwandel_core/includes/site_footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    site_settings = SiteSettings.for_request(request) if request else None
    return {"request": request, "site_settings": site_settings}


@register.inclusion_tag("strukturwandel_core/includes/pagination.html", takes_context=True)
def pagination(context, page_obj, label):
    """Accessible previous/next navigation that keeps the other query parameters."""
    request = context["request"]
    params = request.GET.copy()
    params.pop("page", None)
    return {"page_obj": page_obj, "label": label, "query": params.urlencode()}


@register.filter(name="is_public")
def is_public_filter(page, request=None):
    """Whether a link to ``page`` leads anyone to it: ``{% if page|is_public:request %}``."""
    return is_public(page, request or None)


@register.simple_tag(takes_context=True)
def render_section(context, section):
    """Render a ``strukturwandel.core.sections.Section`` with the page's context and its own."""
    template = context.template.engine.get_template(section.template)
    with context.push(section.context):
        return template.render(context)


SHARE_IMAGE_SPEC = "fill-1200x630"


@register.simple_tag(takes_context=True)
def share_image_url(context, image=None):
    """The absolute URL of ``image`` (else the site settings' image for sharing) cut to the
    size social media show (``og:image``); "" without either."""
    request = context.get("request")
    if not image and request is not None:
        image = SiteSettings.for_request(request).share_image
    if not image:
        return ""
    url = image.get_rendition(SHARE_IMAGE_SPEC).url
    return request.build_absolute_uri(url) if request is not None else url
