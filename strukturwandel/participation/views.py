"""The public side: the forms on the participation pages, the business-card directory,
and the links from the e-mails. Routes of the page types in models.py.

A form posts to its page; with errors the page is shown again with the input and German
messages, otherwise the visitor is redirected (Post/Redirect/Get) to the page's thanks.
Links in e-mails show a page with a button: only its POST changes anything, so a link
scanner that opens a link confirms or deletes nothing.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from strukturwandel.core import ratelimit
from strukturwandel.core.forms import describe_fields
from strukturwandel.core.models import SiteSettings
from strukturwandel.core.pages import is_public, request_site, route_url
from strukturwandel.topics.models import TopicField

from . import listings, services, tokens
from .conf import app_settings
from .forms import (
    BusinessCardFields,
    BusinessCardForm,
    DirectoryFilterForm,
    ImpulseOfferForm,
    TopicSuggestionForm,
)
from .models import BusinessCard, Status

FORMS = {
    "suggestion": TopicSuggestionForm,
    "offer": ImpulseOfferForm,
    "card": BusinessCardForm,
}
RATE_LIMITED = _(
    "Too many entries from your connection or for this address. Please try again in an hour."
)
CARD_CHANGES_LIMITED = _(
    "You have changed your business card often within the last hour. Please try again later."
)


def allowed(request, email):
    """Count one entry from this client and for this address (when given)."""
    per_client = ratelimit.allow(
        "participation",
        "client",
        ratelimit.client_address(request),
        app_settings.PARTICIPATION_RATE_LIMIT_PER_CLIENT,
    )
    per_address = not email or ratelimit.allow(
        "participation",
        "address",
        email.lower(),
        app_settings.PARTICIPATION_RATE_LIMIT_PER_ADDRESS,
    )
    return per_client and per_address


def make_form(page, request, data=None):
    form_class = FORMS[page.entry_kind]
    kwargs = {}
    if form_class is ImpulseOfferForm:
        kwargs = {"site": request_site(request), "request": request}
    if data is None:
        topic = request.GET.get("themenfeld", "")
        # A NUL byte is in no slug, and PostgreSQL refuses it in a query.
        if topic and "\x00" not in topic and "topic_field" in form_class.base_fields:
            kwargs["initial"] = {"topic_field": TopicField.objects.filter(slug=topic).first()}
    return form_class(data, **kwargs)


def privacy_page(request):
    page = SiteSettings.for_request(request).privacy_page
    return page if is_public(page, request) else None


def form_context(page, request, form):
    describe_fields(form)
    if privacy_page(request) is not None:
        consent = form["consent"]
        described = consent.field.widget.attrs.get("aria-describedby", "")
        consent.field.widget.attrs["aria-describedby"] = " ".join(
            filter(None, [f"{consent.auto_id}-privacy", described])
        )
    return {"form": form, "privacy_page": privacy_page(request), "action": page.form_url(request)}


@require_http_methods(["GET", "POST"])
def form_view(request, page):
    status = 200
    if request.method == "POST":
        form = make_form(page, request, request.POST)
        sent_url = route_url(page.url, page.reverse_subpage("sent"))
        if form.is_spam:
            # Answer a bot as if it had worked, and store nothing.
            return redirect(sent_url)
        if form.is_valid():
            if allowed(request, form.cleaned_data.get("email", "")):
                services.submit(form, page)
                return redirect(sent_url)
            form.add_error(None, RATE_LIMITED)
            status = 429
    else:
        form = make_form(page, request)
    context = {**form_context(page, request, form), "show_form": True}
    if page.entry_kind == "suggestion":
        context["suggestions"] = listings.shown_suggestions(request)
    template = page.get_template(request)
    if page.entry_kind == "card":
        template = "strukturwandel_participation/business_card_form_page.html"
    response = page.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def sent_view(request, page):
    return page.render(
        request,
        template="strukturwandel_participation/sent.html",
        context_overrides={"is_card": page.entry_kind == "card"},
    )


def directory_view(request, page):
    filters = DirectoryFilterForm(request.GET or None)
    cards = BusinessCard.objects.filter(
        status=Status.PUBLISHED, confirmed_at__isnull=False
    ).prefetch_related(Prefetch("topic_fields", queryset=TopicField.objects.order_by("sort_order")))
    query = {}
    if filters.is_valid():
        data = filters.cleaned_data
        if data["region"]:
            cards = cards.filter(region=data["region"])
            query["region"] = data["region"]
        if data["thema"]:
            cards = cards.filter(topic_fields=data["thema"])
            query["thema"] = data["thema"].slug
        words = data["q"].split()
        for word in words:
            cards = cards.filter(
                Q(name__icontains=word)
                | Q(organisation__icontains=word)
                | Q(offers__icontains=word)
                | Q(looks_for__icontains=word)
            )
        if words:
            query["q"] = " ".join(words)
    describe_fields(filters)
    paginator = Paginator(cards.order_by("name", "pk"), app_settings.PARTICIPATION_CARDS_PER_PAGE)
    cards_page = paginator.get_page(request.GET.get("page"))
    return page.render(
        request,
        context_overrides={
            "filters": filters,
            "cards": cards_page,
            "is_filtered": bool(query),
        },
    )


def token_url(request, token):
    return request.path + "?" + urlencode({"t": token})


def invalid_link(page, request, error):
    response = page.render(
        request,
        template="strukturwandel_participation/invalid_link.html",
        context_overrides={"expired": error.expired},
    )
    response.status_code = 400
    return response


@require_http_methods(["GET", "POST"])
def confirm_card_view(request, page, token):
    try:
        card = tokens.read(token, tokens.CONFIRM)
    except tokens.InvalidToken as error:
        return invalid_link(page, request, error)
    if request.method == "POST":
        services.confirm_card(card)
        return HttpResponseRedirect(token_url(request, token))
    return page.render(
        request,
        template="strukturwandel_participation/confirm_card.html",
        context_overrides={"card": card},
    )


@require_http_methods(["GET", "POST"])
def owner_view(request, page, token):
    try:
        card = tokens.read(token, tokens.OWNER)
    except tokens.InvalidToken as error:
        return invalid_link(page, request, error)
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            services.delete_card(card)
            return page.render(
                request,
                template="strukturwandel_participation/card_deleted.html",
                context_overrides={},
            )
        form = BusinessCardFields(request.POST, instance=card, prefix="karte")
        saved_url = token_url(request, token) + "&gespeichert=1"
        if form.is_valid():
            # Each save tells the editors by e-mail: a save that changes nothing (a second
            # click) tells them nothing, and the changes to a card are limited on their own
            # (not against the forms' entries: the card was one already).
            if not form.has_changed():
                return HttpResponseRedirect(saved_url)
            limit = app_settings.PARTICIPATION_CARD_CHANGE_LIMIT
            if ratelimit.allow("participation", "card", str(card.pk), limit):
                services.update_card(form)
                return HttpResponseRedirect(saved_url)
            form.add_error(None, CARD_CHANGES_LIMITED)
            status = 429
    else:
        form = BusinessCardFields(instance=card, prefix="karte")
    describe_fields(form)
    response = page.render(
        request,
        template="strukturwandel_participation/owner.html",
        context_overrides={
            "card": card,
            "form": form,
            "saved": "gespeichert" in request.GET,
            "action": token_url(request, token),
        },
    )
    response.status_code = status
    return response
