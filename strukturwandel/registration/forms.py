from django import forms
from django.utils.translation import gettext_lazy as _

from strukturwandel.core.forms import HoneypotMixin, validate_single_line

from .models import Registration


def _max_length(name):
    return Registration._meta.get_field(name).max_length


def single_line(value):
    """Line breaks and runs of spaces become one space; other control characters (which
    reach the e-mails and the organisers' lists) are refused, as on the participation forms."""
    value = " ".join(value.split())
    validate_single_line(value)
    return value


class RegistrationForm(HoneypotMixin, forms.Form):
    """Name, e-mail, organisation, note and consent; ``website`` is a honeypot that people
    never see and bots fill in."""

    prefix = "registration"

    name = forms.CharField(
        label=_("Name"),
        max_length=_max_length("name"),
        error_messages={"required": _("Please enter your name.")},
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=_max_length("email"),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter a valid e-mail address, e.g. name@example.org."),
        },
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=_max_length("organisation"), required=False
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        max_length=_max_length("note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example a question or a topic you would like to bring up."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are stored and used to organise this meeting."),
        error_messages={"required": _("Please agree so that we can process your registration.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_name(self):
        return single_line(self.cleaned_data["name"])

    def clean_organisation(self):
        return single_line(self.cleaned_data["organisation"])

    def clean_note(self):
        return self.cleaned_data["note"].strip()


class MessageForm(forms.Form):
    """An editor's e-mail to every confirmed participant of a meeting."""

    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Text"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 12})
    )
