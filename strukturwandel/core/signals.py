"""What replaces the content version (``cache.invalidate``): every change a public page or feed
may show.

Pages: Wagtail's publish and unpublish, moves, deletions, and a live page saved in full
(``add_child`` and publishing do; drafts and autosaves save single fields and do not).
Besides pages: view restrictions, sites, and the models of the package's apps (topic fields,
people, organisations, site settings, …), which pages show. A model of the package says which
of its changes visitors see with a method ``changes_public_content()`` (called on the saved
or deleted instance; False: nothing a public page or feed shows changed). E-mails and their
delivery, a registration that holds no place and an entry awaiting moderation change none,
so a sign-up or a mail worker does not empty the page cache.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache import invalidate
from .pages import forget_restrictions

DISPATCH_UID = "strukturwandel_core_invalidate"


def _shown_model(sender):
    if issubclass(sender, (PageViewRestriction, Site)):
        return True
    return sender._meta.app_label.startswith("strukturwandel_") and not issubclass(sender, Page)


def _shown(instance):
    changes_public_content = getattr(instance, "changes_public_content", None)
    return changes_public_content is None or changes_public_content()


def _saved(sender, instance, update_fields=None, created=False, **kwargs):
    if created and isinstance(instance, BaseSiteSetting):
        return  # made with its defaults on the first read (get_or_create): nothing shown changed
    if isinstance(instance, Page):
        if instance.live and update_fields is None:
            invalidate()
    elif _shown_model(sender) and _shown(instance):
        invalidate()


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or (_shown_model(sender) and _shown(instance)):
        invalidate()


def connect():
    page_published.connect(invalidate, dispatch_uid=DISPATCH_UID)
    page_unpublished.connect(invalidate, dispatch_uid=DISPATCH_UID)
    post_page_move.connect(invalidate, dispatch_uid=DISPATCH_UID)
    # Per model, not for every sender: a post_delete receiver for all models would keep
    # Django from deleting any queryset in bulk (sessions, revisions, logs).
    for model in apps.get_models():
        if issubclass(model, Page) or _shown_model(model):
            post_save.connect(_saved, sender=model, dispatch_uid=DISPATCH_UID)
            post_delete.connect(_deleted, sender=model, dispatch_uid=DISPATCH_UID)
    # A request that changes a restriction and then lists pages reads them again.
    uid = "strukturwandel_core_forget_restrictions"
    post_save.connect(forget_restrictions, sender=PageViewRestriction, dispatch_uid=uid)
    post_delete.connect(forget_restrictions, sender=PageViewRestriction, dispatch_uid=uid)
