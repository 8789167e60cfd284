import datetime

import pytest
import recurrence
from django.test import override_settings
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from strukturwandel.core.models import ContentPage
from strukturwandel.events.models import MeetingStatus
from strukturwandel.events.planning import can_plan_meetings
from strukturwandel.groups.models import GroupStatus, WorkingGroupPage
from strukturwandel.topics.models import TopicField
from tests.apps import factories as f

pytestmark = pytest.mark.django_db

MERGED_INTO_CIRCLE = (
    'Aufgegangen in <a href="/arbeitsgruppen/koordinierungskreis/">Koordinierungskreis</a>'
)


@pytest.fixture
def groups_page(root_page):
    return f.group_index(
        root_page,
        intro="<p>Alle Gruppen stehen Interessierten offen.</p>",
        join_email="post@example.org",
    )


@pytest.fixture
def topics_page(root_page):
    return f.topic_index(root_page)


@pytest.fixture
def village():
    return f.topic_field("Dorf-, Stadt- und Regionalentwicklung", slug="regionalentwicklung")


def test_index_lists_groups_with_number_status_and_topics(
    client, groups_page, topics_page, village
):
    circle = f.group(groups_page, "Koordinierungskreis", slug="koordinierungskreis")
    f.group(
        groups_page,
        "Nachhaltige Dorfentwicklung",
        number=1,
        founded_on=datetime.date(2021, 2, 16),
        short_description="Gute Beispiele aus den Dörfern.",
        topic_fields=[village],
    )
    f.group(groups_page, "Transparenz und Beteiligung", number=2, status=GroupStatus.PAUSED)
    f.group(
        groups_page,
        "Interne Struktur und Vernetzung",
        number=3,
        status=GroupStatus.MERGED,
        merged_into=circle,
    )
    draft = f.group(groups_page, "Entwurfsgruppe")
    draft.unpublish()

    html = client.get(groups_page.url).content.decode()

    assert "<h1>Arbeitsgruppen</h1>" in html
    assert "AG 1: Nachhaltige Dorfentwicklung</a></h2>" in html
    assert "Aktiv · gegründet am Di, 16.02.2021</p>" in html
    assert "Gute Beispiele aus den Dörfern." in html
    assert (
        '<a href="/themenfelder/regionalentwicklung/">Dorf-, Stadt- und Regionalentwicklung</a>'
        in html
    )
    assert "Pausiert" in html
    assert MERGED_INTO_CIRCLE in html
    assert "Entwurfsgruppe" not in html
    assert 'href="mailto:post@example.org"' in html
    # The editors' order in the page tree.
    assert html.index("Koordinierungskreis</a></h2>") < html.index("AG 1:")


def test_group_page_shows_purpose_status_topics_and_people(
    client, groups_page, topics_page, village
):
    lns = f.organisation(
        "Landesverband Nachhaltiges Sachsen e.V.",
        website="https://example.org/lns",
        region="sachsen",
        is_alliance_partner=True,
    )
    f.organisation("Nicht beteiligt e.V.")
    erika = f.person(
        "Erika Beispiel",
        role="Koordination",
        organisation=lns,
        email="erika.beispiel@example.org",
        phone="0351 123456",
        contact_is_public=True,
    )
    group = f.group(
        groups_page,
        "Nachhaltige Dorfentwicklung",
        number=1,
        purpose="<p>Lebendige Dörfer im Revier.</p>",
        founded_on=datetime.date(2021, 2, 16),
        topic_fields=[village],
        contacts=[erika],
        member_organisations=[lns],
    )

    html = client.get(group.url).content.decode()

    assert "<h1>AG 1: Nachhaltige Dorfentwicklung</h1>" in html
    assert "<title>AG 1: Nachhaltige Dorfentwicklung | Host</title>" in html
    assert "Lebendige Dörfer im Revier." in html
    assert "gegründet am Di, 16.02.2021" in html
    assert '<a href="/themenfelder/regionalentwicklung/">' in html
    assert '<h2 id="contacts-title">Ansprechpersonen</h2>' in html
    assert '<h3 class="sw-person__name">Erika Beispiel</h3>' in html
    assert "Koordination, Landesverband Nachhaltiges Sachsen e.V." in html
    assert '<a href="mailto:erika.beispiel@example.org">' in html
    assert '<a href="tel:0351123456">0351 123456</a>' in html
    assert '<h2 id="members-title">Mitgliedsorganisationen</h2>' in html
    assert '<a href="https://example.org/lns">Landesverband Nachhaltiges Sachsen e.V.</a>' in html
    assert (
        'Sachsen e.V.</a><span class="sw-organisation__region"> · Sachsen (landesweit)</span>'
        in html
    )
    assert "Bündnispartner:in" in html
    assert "Nicht beteiligt" not in html
    assert '<h2 id="join-title">Mitmachen</h2>' in html
    # Without its own e-mail the group uses the index page's.
    assert 'href="mailto:post@example.org"' in html


def test_hidden_contact_data_stays_hidden(client, groups_page):
    private = f.person(
        "Jonas Testmann",
        role="Sprecher",
        email="jonas.testmann@example.org",
        phone="0341 987654",
        contact_is_public=False,
    )
    group = f.group(groups_page, "Nachhaltige Dorfentwicklung", contacts=[private])

    html = client.get(group.url).content.decode()

    assert "Jonas Testmann" in html
    assert "Sprecher" in html
    assert "jonas.testmann" not in html
    assert "987654" not in html
    assert "tel:" not in html


def test_group_of_its_own_joins_through_its_page_and_email(client, root_page, groups_page):
    form = ContentPage(title="Anmeldung", slug="anmeldung")
    root_page.add_child(instance=form)
    form.save_revision().publish()
    group = f.group(groups_page, "Dorfentwicklung", join_email="ag1@example.org", join_page=form)
    html = client.get(group.url).content.decode()
    assert '<a class="sw-button" href="/anmeldung/">Zum Mitmachen anmelden</a>' in html
    assert 'href="mailto:ag1@example.org"' in html
    assert "post@example.org" not in html.split('id="join-title"')[1].split("</section>")[0]

    form.unpublish()
    html = client.get(group.url).content.decode()
    assert "/anmeldung/" not in html


def test_merged_group_points_to_its_successor_instead_of_joining(client, groups_page):
    circle = f.group(groups_page, "Koordinierungskreis", slug="koordinierungskreis")
    old = f.group(
        groups_page,
        "Struktur und Förderung",
        number=3,
        status=GroupStatus.MERGED,
        merged_into=circle,
        join_email="alt@example.org",
    )
    html = client.get(old.url).content.decode()
    assert 'Aufgegangen in <a href="/arbeitsgruppen/koordinierungskreis/">' in html
    assert "Die Arbeit dieser Gruppe wird in „Koordinierungskreis“ fortgesetzt." in html
    assert "alt@example.org" not in html


def test_merged_group_names_an_unpublished_successor_without_a_dead_link(client, groups_page):
    circle = f.group(groups_page, "Koordinierungskreis", slug="koordinierungskreis")
    old = f.group(
        groups_page, "Struktur und Förderung", status=GroupStatus.MERGED, merged_into=circle
    )
    circle.unpublish()

    html = client.get(old.url).content.decode()

    assert "Aufgegangen in Koordinierungskreis" in html
    assert "/arbeitsgruppen/koordinierungskreis/" not in html
    assert "Bei „Koordinierungskreis“ mitmachen" not in html


def test_closed_group_takes_no_new_members(client, groups_page):
    group = f.group(groups_page, "Alte AG", status=GroupStatus.CLOSED, join_email="x@example.org")
    html = client.get(group.url).content.decode()
    assert "Beendet" in html
    assert "Mitmachen" not in html


def test_group_page_lists_its_own_meetings_upcoming_and_past(client, groups_page, village):
    group = f.group(groups_page, "Koordinierungskreis")
    other = f.group(groups_page, "Andere Gruppe")
    f.meeting(group, f.days_from_now(10), title="Treffen des Koordinierungskreises")
    f.meeting(group, f.days_from_now(-10), title="Vergangenes Treffen")
    f.meeting(other, f.days_from_now(12), title="Treffen der anderen Gruppe")
    html = client.get(group.url).content.decode()
    meetings = html.split('id="meetings-title"')[1].split("</section>")[0]
    assert "Treffen des Koordinierungskreises" in meetings
    assert "Vergangenes Treffen" not in meetings
    assert "Treffen der anderen Gruppe" not in html
    past = html.split('id="past-title"')[1].split("</section>")[0]
    assert "Vergangenes Treffen" in past


def test_display_name(groups_page):
    assert str(WorkingGroupPage(title="Dorfentwicklung", number=1).display_name) == (
        "AG 1: Dorfentwicklung"
    )
    assert WorkingGroupPage(title="Koordinierungskreis").display_name == "Koordinierungskreis"
    assert WorkingGroupPage(title="Dorfentwicklung", number=1).get_admin_display_title() == (
        "AG 1: Dorfentwicklung"
    )


def test_group_with_a_rule_shows_it_in_words_and_its_planned_dates(client, groups_page):
    group = f.group(
        groups_page,
        "Koordinierungskreis",
        schedule=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.MONTHLY, byday=recurrence.MO(2))]
        ),
        schedule_starts_on=datetime.date(2021, 6, 1),
        schedule_start_time=datetime.time(17, 0),
        schedule_end_time=datetime.time(18, 30),
    )
    html = client.get(group.url).content.decode()
    meetings = html.split('id="meetings-title"')[1].split("</section>")[0]
    assert "Die Gruppe trifft sich monatlich, am zweiten Montag, 17:00–18:30 Uhr." in meetings
    assert "Geplanter Termin – das Thema wird noch bekannt gegeben." in meetings
    next_dates = [occurrence.start for occurrence in group.upcoming_schedule_occurrences()[:3]]
    for start in next_dates:
        assert f'datetime="{start.isoformat()}"' in meetings


def test_a_meeting_page_takes_the_place_of_its_planned_date(client, groups_page):
    group = _weekly_group(
        groups_page,
        "Koordinierungskreis",
        starts_on=timezone.localdate() + datetime.timedelta(days=1),
    )
    f.meeting(group, f.days_from_now(1), title="Förderantrag", topic="Förderantrag")
    html = client.get(group.url).content.decode()
    meetings = html.split('id="meetings-title"')[1].split("</section>")[0]
    first = meetings.split("</article>")[0]
    assert "Thema: Förderantrag" in first
    assert meetings.count(f'datetime="{f.days_from_now(1).isoformat()}"') == 1


def test_merged_group_plans_no_dates(client, groups_page):
    circle = f.group(groups_page, "Koordinierungskreis", slug="koordinierungskreis")
    old = f.group(
        groups_page,
        "Struktur und Förderung",
        status=GroupStatus.MERGED,
        merged_into=circle,
        schedule=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]),
        schedule_starts_on=datetime.date(2021, 1, 4),
        schedule_start_time=datetime.time(17, 0),
    )
    html = client.get(old.url).content.decode()
    assert "Geplanter Termin" not in html
    assert "Die Gruppe trifft sich" not in html


def test_index_shows_each_groups_next_date(client, groups_page):
    with_meeting = f.group(groups_page, "Dorfentwicklung", number=1)
    f.meeting(with_meeting, f.days_from_now(3), title="Dorfladen Plus")
    f.meeting(with_meeting, f.days_from_now(-3), title="Vorbei")
    _weekly_group(
        groups_page,
        "Koordinierungskreis",
        starts_on=timezone.localdate() + datetime.timedelta(days=2),
    )
    f.group(groups_page, "Ohne Termine", number=2)
    html = client.get(groups_page.url).content.decode()
    cards = html.split('class="sw-group-card"')[1:]
    assert f'datetime="{f.days_from_now(3).isoformat()}"' in cards[0]
    assert f'datetime="{f.days_from_now(2).isoformat()}"' in cards[1]
    assert "Nächstes Treffen" not in cards[2]


@pytest.mark.requires_apps("documentation")
def test_updates_from_alliance_reports_show_up_on_the_group_page(client, root_page, groups_page):
    group = f.group(groups_page, "Nachhaltige Dorfentwicklung", number=1)
    other = f.group(groups_page, "Transparenz und Beteiligung", number=2)
    reports = f.documentation_index(root_page)
    report = f.report(
        reports,
        datetime.date(2021, 5, 27),
        title="Bündnistreffen im Mai",
        updates=[
            (group, "<p>Die AG hat Themen und Formate abgesteckt.</p>"),
            (other, "<p>Beteiligung ist eine Querschnittsaufgabe.</p>"),
        ],
    )
    f.report(
        reports,
        datetime.date(2021, 6, 1),
        title="Entwurf",
        live=False,
        updates=[(group, "<p>Noch nicht veröffentlicht.</p>")],
    )

    html = client.get(group.url).content.decode()
    assert "Bündnistreffen im Mai" in html
    assert "Die AG hat Themen und Formate abgesteckt." in html
    assert "Querschnittsaufgabe" not in html
    assert "Noch nicht veröffentlicht." not in html

    report.unpublish()
    assert "Die AG hat Themen" not in client.get(group.url).content.decode()


def _group_form(**fields):
    data = {
        "title": "Struktur und Förderung",
        "slug": "struktur",
        "status": GroupStatus.ACTIVE,
        "body-count": "0",
        "action-publish": "publish",
    }
    data.update(fields)
    return data


def test_editor_creates_a_group_with_topics_in_the_page_editor(
    admin_client, client, groups_page, topics_page, village
):
    url = f"/admin/pages/add/strukturwandel_groups/workinggrouppage/{groups_page.pk}/"
    form = admin_client.get(url).content.decode()
    assert 'type="checkbox" name="topic_fields"' in form
    response = admin_client.post(url, _group_form(number="3", topic_fields=[village.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    group = WorkingGroupPage.objects.get(slug="struktur")
    assert list(group.topic_fields.all()) == [village]
    html = client.get("/themenfelder/regionalentwicklung/").content.decode()
    assert "AG 3: Struktur und Förderung" in html


def test_a_merged_group_needs_the_group_it_continues_in(admin_client, groups_page):
    url = f"/admin/pages/add/strukturwandel_groups/workinggrouppage/{groups_page.pk}/"
    response = admin_client.post(url, _group_form(status=GroupStatus.MERGED))
    assert response.status_code == 200
    assert "Wählen Sie die Gruppe, in der diese weiterarbeitet." in response.content.decode()
    assert not WorkingGroupPage.objects.filter(slug="struktur").exists()

    circle = f.group(groups_page, "Koordinierungskreis")
    response = admin_client.post(url, _group_form(status=GroupStatus.MERGED, merged_into=circle.pk))
    assert response.status_code == 302
    assert WorkingGroupPage.objects.get(slug="struktur").merged_into == circle


def test_a_group_cannot_continue_in_itself(admin_client, groups_page):
    group = f.group(groups_page, "Koordinierungskreis", slug="struktur")
    response = admin_client.post(
        f"/admin/pages/{group.pk}/edit/",
        _group_form(title="Koordinierungskreis", status=GroupStatus.MERGED, merged_into=group.pk),
    )
    assert response.status_code == 200
    assert "Eine Gruppe kann nicht in sich selbst weiterarbeiten." in response.content.decode()


def test_index_skips_a_planned_date_whose_meeting_was_cancelled(client, groups_page):
    group = _weekly_group(
        groups_page,
        "Koordinierungskreis",
        starts_on=timezone.localdate() + datetime.timedelta(days=2),
    )
    f.meeting(group, f.days_from_now(2), title="Fällt aus", status=MeetingStatus.CANCELLED)
    html = client.get(groups_page.url).content.decode()
    [card] = html.split('class="sw-group-card"')[1:]
    assert f'datetime="{f.days_from_now(2).isoformat()}"' not in card
    assert f'datetime="{f.days_from_now(9).isoformat()}"' in card


def _weekly_group(groups_page, title, starts_on=datetime.date(2021, 1, 4), **fields):
    """A group meeting every week from ``starts_on``, 17:00–18:30."""
    return f.group(
        groups_page,
        title,
        schedule=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)]),
        schedule_starts_on=starts_on,
        schedule_start_time=datetime.time(17, 0),
        schedule_end_time=datetime.time(18, 30),
        **fields,
    )


def _feed_summaries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return [str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


def test_only_groups_that_still_meet_publish_their_rule_in_the_feeds(client, groups_page):
    energy = TopicField.objects.create(name="Klimaschutz & Energiewende", slug="klimaschutz")
    active = _weekly_group(groups_page, "Aktiv", topic_fields=[energy])
    paused = _weekly_group(groups_page, "Pausiert", status=GroupStatus.PAUSED)
    closed = _weekly_group(
        groups_page, "Geschlossen", status=GroupStatus.CLOSED, topic_fields=[energy]
    )
    merged = _weekly_group(
        groups_page,
        "Aufgegangen",
        status=GroupStatus.MERGED,
        merged_into=active,
        topic_fields=[energy],
    )
    assert [group.plans_meetings for group in [active, paused, closed, merged]] == [
        True,
        True,
        False,
        False,
    ]
    assert sorted(_feed_summaries(client, "/kalender/termine.ics")) == ["Aktiv", "Pausiert"]
    assert _feed_summaries(client, "/kalender/themen/klimaschutz.ics") == ["Aktiv"]
    html = client.get(closed.url).content.decode()
    assert "Die Gruppe trifft sich" not in html
    assert "Geplanter Termin" not in html
    # Nor does the editor offer to turn its planned dates into meetings.
    assert [can_plan_meetings(group) for group in [active, closed, merged]] == [
        True,
        False,
        False,
    ]


def test_changing_a_groups_time_or_rule_raises_the_feed_sequence(client, groups_page):
    group = _weekly_group(groups_page, "Koordinierungskreis")

    def sequence():
        response = client.get("/kalender/termine.ics")
        [event] = Calendar.from_ical(response.content).walk("VEVENT")
        return event["SEQUENCE"]

    assert sequence() == 0
    group = WorkingGroupPage.objects.get(pk=group.pk)
    group.short_description = "Neu beschrieben."
    group.save_revision().publish()
    assert sequence() == 0
    group = WorkingGroupPage.objects.get(pk=group.pk)
    group.schedule_start_time = datetime.time(18, 0)
    group.schedule_end_time = datetime.time(19, 30)
    group.save_revision().publish()
    assert sequence() == 1
    group = WorkingGroupPage.objects.get(pk=group.pk)
    group.schedule = recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY, interval=2)])
    group.save_revision().publish()
    assert sequence() == 2


def _behind_login(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.mark.requires_apps("documentation")
def test_no_links_to_group_pages_behind_a_login(client, root_page, groups_page, topics_page):
    """A successor, a sign-up page or a group that needs a login is named, not linked."""
    members = f.publish(root_page, ContentPage(title="Intern", slug="intern"))
    form = f.publish(members, ContentPage(title="Anmeldung", slug="anmeldung"))
    village = f.topic_field("Dorfentwicklung", slug="dorf")
    group = f.group(groups_page, "Dorfentwicklung", join_page=form, topic_fields=[village])
    circle = f.group(groups_page, "Koordinierungskreis", slug="koordinierungskreis")
    old = f.group(
        groups_page,
        "Struktur und Förderung",
        status=GroupStatus.MERGED,
        merged_into=circle,
        topic_fields=[village],
    )
    reports = f.documentation_index(root_page)
    report = f.report(reports, datetime.date(2021, 5, 27), updates=[(circle, "<p>Neu.</p>")])
    pages = {
        "group": group.url,
        "old": old.url,
        "index": groups_page.url,
        "topic": "/themenfelder/dorf/",
        "report": report.url,
    }
    html = {name: client.get(url).content.decode() for name, url in pages.items()}
    assert 'href="/intern/anmeldung/"' in html["group"]
    for name in ["old", "index", "topic"]:
        assert MERGED_INTO_CIRCLE in html[name], name
    assert 'href="/arbeitsgruppen/koordinierungskreis/">Mehr über' in html["report"]

    _behind_login(form)
    _behind_login(circle)
    html = {name: client.get(url).content.decode() for name, url in pages.items()}
    assert "/intern/anmeldung/" not in html["group"]
    for name in ["old", "index", "topic", "report"]:
        assert "/arbeitsgruppen/koordinierungskreis/" not in html[name], name
    for name in ["old", "index", "topic"]:
        assert "Aufgegangen in Koordinierungskreis" in html[name], name
    assert "Die Arbeit dieser Gruppe wird in „Koordinierungskreis“ fortgesetzt." in html["old"]
    assert "Neu." in html["report"]


def test_a_numbered_group_title_does_not_repeat_its_number(admin_client, groups_page):
    url = f"/admin/pages/add/strukturwandel_groups/workinggrouppage/{groups_page.pk}/"
    response = admin_client.post(url, _group_form(title="AG 1: Energie", number="1"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Die Nummer steht vor dem Titel (&#x27;AG 1: …&#x27;)" in html
    assert 'value="AG 1: Energie"' in html  # what the editor typed is kept
    assert not WorkingGroupPage.objects.filter(slug="struktur").exists()
    # Titles saved before the check show the number once.
    assert WorkingGroupPage(title="AG 1: Energie", number=1).display_name == "AG 1: Energie"
    assert WorkingGroupPage(title="AG 1 – Energie", number=1).display_name == "AG 1: Energie"


@override_settings(STRUKTURWANDEL={"UPCOMING_MEETINGS_LISTED": 2, "PAST_MEETINGS_PER_PAGE": 2})
def test_group_page_shows_the_next_meetings_and_links_all_upcoming(client, groups_page, village):
    group = f.group(groups_page, "Koordinierungskreis")
    for days in (10, 20, 30):
        f.meeting(group, f.days_from_now(days), title=f"Treffen in {days} Tagen")
    f.meeting(group, f.days_from_now(-10), title="Vergangenes Treffen")
    html = client.get(group.url).content.decode()
    meetings = html.split('id="meetings-title"')[1].split("</section>")[0]
    assert "Treffen in 20 Tagen" in meetings and "Treffen in 30 Tagen" not in meetings
    assert '<a href="?kommende=alle">Alle kommenden Termine</a>' in meetings

    html = client.get(group.url + "?kommende=alle&page=2").content.decode()
    meetings = html.split('id="meetings-title"')[1].split("</section>")[0]
    assert "Treffen in 30 Tagen" in meetings and "Treffen in 20 Tagen" not in meetings
    assert "Seite 2 von 2" in meetings
    assert 'aria-label="Nächste Termine, Seiten"' in meetings
    assert "Vergangenes Treffen" not in html


def test_the_index_routes_to_its_groups_and_to_other_children(client, root_page, groups_page):
    """The index finds a group in one query; a page of another type below it (moved there,
    say) is served as Wagtail serves it, an unpublished group not at all."""
    group = f.group(groups_page, "Dorfentwicklung", slug="dorf")
    other = f.publish(groups_page, ContentPage(title="Über die Gruppen", slug="ueber"))
    draft = f.group(groups_page, "Entwurf", slug="entwurf")
    draft.unpublish()

    assert client.get(group.url).status_code == 200
    assert "Über die Gruppen" in client.get(other.url).content.decode()
    assert client.get("/arbeitsgruppen/entwurf/").status_code == 404
    assert client.get("/arbeitsgruppen/gibt-es-nicht/").status_code == 404
    assert client.get(group.url + "weiter/").status_code == 404


def test_a_group_takes_the_join_email_of_the_index_that_served_it(
    client, django_assert_num_queries, groups_page
):
    group = f.group(groups_page, "Dorfentwicklung", slug="dorf")
    html = client.get(group.url).content.decode()
    assert 'href="mailto:post@example.org"' in html

    # Rendered without the index's route (e.g. a preview), it reads the address itself.
    from strukturwandel.groups.listings import join_options

    group = WorkingGroupPage.objects.get(pk=group.pk)
    with django_assert_num_queries(1):
        assert join_options(group)["join_email"] == "post@example.org"
    groups_page.join_email = "neu@example.org"
    group._cached_parent_obj = groups_page
    with django_assert_num_queries(0):
        assert join_options(group)["join_email"] == "neu@example.org"


def test_group_pages_behind_a_login_still_ask_for_it(client, root_page, groups_page):
    """Their check before serving reads no restriction while there is none, and still finds
    the index's, and an alias's source's."""
    group = f.group(groups_page, "Dorfentwicklung", slug="dorf")
    assert list(group.get_view_restrictions()) == []
    assert client.get(group.url).status_code == 200

    _behind_login(groups_page)
    for url in (groups_page.url, group.url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].endswith(f"login/?next={url}")

    # An alias has its source's restriction (Wagtail's rule: the source page's own).
    PageViewRestriction.objects.all().delete()
    _behind_login(group)
    members = f.publish(root_page, ContentPage(title="Mitglieder", slug="mitglieder"))
    group.create_alias(parent=members, update_slug="dorf-kopie")
    response = client.get("/mitglieder/dorf-kopie/")
    assert response.status_code == 302
    assert response["Location"].endswith("login/?next=/mitglieder/dorf-kopie/")
