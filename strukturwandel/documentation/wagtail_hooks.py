from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

from strukturwandel.people.panels import ORGANISATION_HOOK, PERSON_HOOK, Appearances

from .models import DocumentationPage, ReportPage


def _pages_with_impulses_by(records):
    """Documentation and reports whose impulses name one of ``records`` as speaker.

    Read from Wagtail's reference index, which records every record chosen in a StreamField.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to_in_bulk(records)
        .filter(base_content_type=page_type, model_path__startswith="body.impulse.")
        .values_list("object_id", flat=True)
    )
    return list(
        Page.objects.filter(pk__in=[int(pk) for pk in page_ids])
        .type(DocumentationPage, ReportPage)
        .order_by("title")
    )


@hooks.register(PERSON_HOOK)
def impulses_given_by_person(person):
    return Appearances(_("Impulses given"), _pages_with_impulses_by([person]))


@hooks.register(ORGANISATION_HOOK)
def impulses_given_by_organisation(organisation):
    return Appearances(
        _("Impulses given (by the organisation or its people)"),
        _pages_with_impulses_by([organisation, *organisation.people.all()]),
    )
