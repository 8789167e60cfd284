"""The database side of a conversion: speaker records, the documented meeting, next dates."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from strukturwandel.events.models import MeetingPage, MeetingStatus
from strukturwandel.people.models import Organisation, Person

from .convert.values import Resolver, next_dates_value, speaker_value


@dataclass
class SpeakerMatch:
    name: str
    organisation: str
    person: Person | None = None
    organisation_record: Organisation | None = None
    new_person: bool = False
    new_organisation: bool = False


@dataclass
class SiteResolver(Resolver):
    """Matches speakers to records (creating missing ones when ``create``) and next dates."""

    meeting: MeetingPage | None = None
    create: bool = False
    speakers: list[SpeakerMatch] = field(default_factory=list)
    next_dates_problem: str = ""
    _people: dict = field(default_factory=dict)
    _organisations: dict = field(default_factory=dict)

    def speaker(self, speaker):
        organisation = self.organisation(speaker.organisation) if speaker.organisation else None
        key = speaker.name.casefold()
        if key not in self._people:
            person = Person.objects.filter(name__iexact=speaker.name).first()
            new = person is None
            if new and self.create:
                person = Person.objects.create(
                    name=speaker.name[: Person._meta.get_field("name").max_length],
                    organisation=organisation,
                )
            self._people[key] = (person, new)
        person, new_person = self._people[key]
        self.speakers.append(
            SpeakerMatch(
                speaker.name,
                speaker.organisation,
                person,
                organisation,
                new_person,
                self._organisations.get(speaker.organisation.casefold(), (None, False))[1],
            )
        )
        if person is not None and organisation is not None and person.organisation_id:
            # The person's own record names the organisation; choose it only if it differs.
            organisation = None if person.organisation_id == organisation.pk else organisation
        return speaker_value(speaker, person, organisation)

    def organisation(self, name):
        key = name.casefold()
        if key not in self._organisations:
            record = Organisation.objects.filter(
                Q(name__iexact=name) | Q(short_name__iexact=name)
            ).first()
            new = record is None
            if new and self.create:
                record = Organisation.objects.create(
                    name=name[: Organisation._meta.get_field("name").max_length]
                )
            self._organisations[key] = (record, new)
        return self._organisations[key][0]

    def created_people(self):
        return [person for person, new in self._people.values() if new and person is not None]

    def created_organisations(self):
        return [record for record, new in self._organisations.values() if new and record]

    def next_dates(self, section):
        """The live block when the listed dates are exactly the meetings it would show."""
        from django.utils.translation import gettext as _

        if self.meeting is None:
            # Also when the meeting on that date has its documentation already.
            self.next_dates_problem = _("the report is linked to no meeting of the site")
            return None
        wanted = sorted(set(section.dates))
        meetings = (
            MeetingPage.objects.live()
            .public()
            .sibling_of(self.meeting, inclusive=False)
            .exclude(status=MeetingStatus.CANCELLED)
            .filter(start__gt=self.meeting.start)
            .order_by("start")[: len(wanted)]
        )
        found = [timezone.localdate(meeting.start) for meeting in meetings]
        if found != wanted:
            self.next_dates_problem = _("the dates do not match the series' next meetings")
            return None
        return next_dates_value(section, len(wanted))


def meeting_on(day, site_root):
    """The site's meeting on ``day`` (local date) that has no documentation yet."""
    if day is None:
        return None
    return (
        MeetingPage.objects.descendant_of(site_root)
        .filter(start__date=day, documentation_pages__isnull=True)
        .order_by("start")
        .first()
    )


def documented_meeting_on(day, site_root):
    """The site's meeting on ``day`` that already has documentation (a report imported twice?)."""
    if day is None:
        return None
    return (
        MeetingPage.objects.descendant_of(site_root)
        .filter(start__date=day, documentation_pages__isnull=False)
        .order_by("start")
        .first()
    )
