"""The public forms. Each keeps a honeypot (core.forms.HoneypotMixin), the models' size
limits and German messages at the field; views.form_view stores and answers."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strukturwandel.core.forms import HoneypotMixin
from strukturwandel.core.pages import in_site, private_q
from strukturwandel.events.formats import when
from strukturwandel.events.models import MeetingPage, MeetingStatus
from strukturwandel.topics.models import TopicField

from .models import CARD_FIELDS, BusinessCard, ImpulseOffer, TopicSuggestion

EMAIL_MESSAGES = {
    "required": _("Please enter your e-mail address."),
    "invalid": _("Please enter a valid e-mail address, e.g. name@example.org."),
}
AUTOCOMPLETE = {"name": "name", "email": "email", "organisation": "organization"}


# The largest id a database column holds; a bigger number would not reach the query.
MAX_ID = 2**63 - 1


class BoundedIdsMixin:
    """Ids beyond any database column are an invalid choice, not an error of the database."""

    def clean(self, value):
        values = value if isinstance(value, list | tuple) else [value]
        for item in values:
            try:
                number = int(str(item).strip())
            except ValueError:
                continue
            if abs(number) > MAX_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": str(item)[:20]},
                )
        return super().clean(value)


class TopicFieldsChoice(BoundedIdsMixin, forms.ModelMultipleChoiceField):
    pass


class TopicFieldChoice(forms.ModelChoiceField):
    def __init__(self, label, **kwargs):
        super().__init__(
            TopicField.objects.all(),
            label=label,
            required=False,
            empty_label=_("No particular topic field"),
            to_field_name="slug",
            **kwargs,
        )


class MeetingChoice(BoundedIdsMixin, forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return f"{when(meeting)}: {meeting.topic or meeting.title}"


def upcoming_meetings(site, request=None):
    """The public meetings ahead in ``site``, for "preferred meeting"."""
    meetings = MeetingPage.objects.live().exclude(private_q(request)).defer_streamfields()
    meetings = meetings.filter(start__gt=timezone.now(), status=MeetingStatus.PLANNED)
    return in_site(meetings, site).order_by("start")


class EntryForm(HoneypotMixin, forms.ModelForm):
    """What every public form has: the consent, tidied single lines, autocomplete hints."""

    consent_label = ""
    consent_message = _("Please agree so that we can process your entry.")
    single_lines = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"] = forms.BooleanField(
            label=self.consent_label, error_messages={"required": self.consent_message}
        )
        for name, hint in AUTOCOMPLETE.items():
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = hint
        if "email" in self.fields:
            self.fields["email"].error_messages.update(EMAIL_MESSAGES)

    def clean(self):
        data = super().clean()
        for name in self.single_lines:
            if isinstance(data.get(name), str):
                data[name] = " ".join(data[name].split())
        return data


class TopicSuggestionForm(EntryForm):
    prefix = "vorschlag"
    consent_label = _(
        "I agree that my suggestion is stored, and that it may be shown on this site without "
        "my name once it has been accepted."
    )
    single_lines = ("title", "name")

    topic_field = TopicFieldChoice(_("Topic field (optional)"))

    class Meta:
        model = TopicSuggestion
        fields = ["title", "description", "topic_field", "name", "email"]
        labels = {
            "title": _("Your topic"),
            "description": _("What is it about?"),
            "name": _("Name (optional)"),
            "email": _("E-mail address (optional)"),
        }
        help_texts = {
            "description": _("A few sentences: why the topic matters for the region."),
            "email": _("Only if you would like us to get back to you; never shown."),
        }
        error_messages = {
            "title": {"required": _("Please name your topic.")},
            "description": {"required": _("Please describe your topic in a few sentences.")},
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}


class ImpulseOfferForm(EntryForm):
    prefix = "impuls"
    consent_label = _(
        "I agree that my details are stored and used to plan a meeting with me; they are "
        "not published without my consent."
    )
    single_lines = ("name", "organisation", "project")

    topic_field = TopicFieldChoice(_("Preferred topic field (optional)"))

    class Meta:
        model = ImpulseOffer
        fields = [
            "name",
            "organisation",
            "email",
            "project",
            "description",
            "topic_field",
            "preferred_meeting",
        ]
        labels = {
            "name": _("Name"),
            "organisation": _("Organisation (optional)"),
            "email": _("E-mail address"),
            "project": _("Project or initiative"),
            "description": _("Short description"),
        }
        help_texts = {
            "description": _("What would you present in about ten minutes?"),
        }
        error_messages = {
            "name": {"required": _("Please enter your name.")},
            "project": {"required": _("Please name your project or initiative.")},
            "description": {"required": _("Please describe your project in a few sentences.")},
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        field_classes = {"preferred_meeting": MeetingChoice}

    def __init__(self, *args, site=None, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.fields["preferred_meeting"]
        meeting.queryset = upcoming_meetings(site, request)
        meeting.label = _("Preferred meeting (optional)")
        meeting.empty_label = _("Any meeting")


class BusinessCardFields(forms.ModelForm):
    """The card as its owner fills it in and later edits it."""

    single_lines = ("name", "organisation", "public_contact")

    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text=_("The full address, e.g. https://example.org."),
        error_messages={"invalid": _("Please enter a full web address, e.g. https://example.org.")},
    )

    class Meta:
        model = BusinessCard
        fields = list(CARD_FIELDS)
        labels = {
            "name": _("Person or initiative"),
            "organisation": _("Organisation (optional)"),
            "region": _("Region"),
            "topic_fields": _("Topic fields (optional)"),
            "offers": _("What I offer"),
            "looks_for": _("What I am looking for"),
            "public_contact": _("Public contact (optional)"),
        }
        help_texts = {
            "offers": _("e.g. experience, contacts, rooms, know-how."),
            "looks_for": _("e.g. partners, volunteers, advice."),
            "public_contact": _(
                "An e-mail address or phone number others may contact you at. Shown in the "
                "directory; leave it empty to show none."
            ),
        }
        error_messages = {
            "name": {"required": _("Please enter a name.")},
            "region": {
                "required": _("Please choose a region."),
                "invalid_choice": _("Please choose a region from the list."),
            },
        }
        field_classes = {"topic_fields": TopicFieldsChoice}
        widgets = {
            "topic_fields": forms.CheckboxSelectMultiple,
            "offers": forms.Textarea(attrs={"rows": 4}),
            "looks_for": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [
            ("", _("Please choose")),
            *BusinessCard.region.field.choices,
        ]

    def clean(self):
        data = super().clean()
        if not (data.get("offers") or data.get("looks_for")) and not self.has_error("offers"):
            self.add_error("offers", _("Please say what you offer or what you are looking for."))
        for name in self.single_lines:
            if isinstance(data.get(name), str):
                data[name] = " ".join(data[name].split())
        return data


class BusinessCardForm(HoneypotMixin, BusinessCardFields):
    prefix = "karte"
    # The card has a real "website".
    honeypot_field = "homepage"

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("Private: we send the confirmation and your link to edit the card here."),
        error_messages=EMAIL_MESSAGES,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that this business card is published in the directory once I have "
            "confirmed my e-mail address. I can change or delete it at any time."
        ),
        error_messages={"required": _("Please agree to the publication.")},
    )

    class Meta(BusinessCardFields.Meta):
        fields = [*BusinessCardFields.Meta.fields, "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs["autocomplete"] = "url"


class DirectoryFilterForm(forms.Form):
    """The directory's filters (GET): region, topic field, text."""

    region = forms.ChoiceField(label=_("Region"), required=False)
    thema = TopicFieldChoice(_("Topic field"))
    q = forms.CharField(label=_("Search"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = BusinessCard._meta.get_field("region").choices
        self.fields["region"].choices = [("", _("All regions")), *regions]
        self.fields["thema"].empty_label = _("All topic fields")
        self.fields["q"].widget = forms.TextInput(attrs={"type": "search"})
