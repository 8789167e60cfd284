from django import template

from strukturwandel.core.models import SiteSettings

register = template.Library()


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
