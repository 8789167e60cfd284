"""schema.org JSON-LD for meetings and series, for search engines. Never the call link."""

from strukturwandel.core.models import SiteSettings, non_empty_lines

from .models import MeetingFormat, MeetingStatus

EVENT_STATUS = {
    MeetingStatus.PLANNED: "https://schema.org/EventScheduled",
    MeetingStatus.CANCELLED: "https://schema.org/EventCancelled",
    MeetingStatus.POSTPONED: "https://schema.org/EventPostponed",
}
ATTENDANCE_MODE = {
    MeetingFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    MeetingFormat.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    MeetingFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def organizer(request):
    site_settings = SiteSettings.for_request(request)
    data = {"@type": "Organization", "name": site_settings.organisation_name}
    root_url = request.build_absolute_uri("/")
    if root_url:
        data["url"] = root_url
    return data


def location(format, venue, url):
    """Where people attend: a VirtualLocation (the page, never the call link), a Place, or both."""
    virtual = {"@type": "VirtualLocation", "url": url}
    lines = non_empty_lines(venue)
    if format == MeetingFormat.ONLINE or not lines:
        return virtual
    place = {"@type": "Place", "name": lines[0], "address": ", ".join(lines)}
    return [place, virtual] if format == MeetingFormat.HYBRID else place


def meeting_event(meeting, request, organizer_data=None):
    url = meeting.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.title,
        "startDate": meeting.start.astimezone(_tz()).isoformat(),
        "endDate": meeting.end.astimezone(_tz()).isoformat(),
        "eventStatus": EVENT_STATUS.get(meeting.status, EVENT_STATUS[MeetingStatus.PLANNED]),
        "eventAttendanceMode": ATTENDANCE_MODE.get(meeting.format),
        "location": location(meeting.format, meeting.venue, url),
        "organizer": organizer_data or organizer(request),
        "url": url,
        "inLanguage": "de",
        "isAccessibleForFree": True,
    }
    description = meeting.teaser or meeting.topic
    if description:
        data["description"] = description
    if meeting.topic:
        data["about"] = meeting.topic
    return data


def series_data(series, meetings, request):
    """An EventSeries with its meetings as subEvents."""
    organizer_data = organizer(request)
    data = {
        "@context": "https://schema.org",
        "@type": "EventSeries",
        "name": series.title,
        "url": series.get_full_url(request),
        "organizer": organizer_data,
        "subEvent": [meeting_event(meeting, request, organizer_data) for meeting in meetings],
    }
    for event in data["subEvent"]:
        del event["@context"]
    if series.search_description:
        data["description"] = series.search_description
    return data


FREQUENCY = {0: "P{n}Y", 1: "P{n}M", 2: "P{n}W", 3: "P{n}D"}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def recurring_meeting_event(page, next_dates, request):
    """An Event with its schema.org Schedule (the first rule) and its next date."""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "eventStatus": EVENT_STATUS[MeetingStatus.PLANNED],
        "eventAttendanceMode": ATTENDANCE_MODE.get(page.format),
        "location": location(page.format, page.venue, url),
        "organizer": organizer(request),
        "url": url,
        "inLanguage": "de",
    }
    if page.teaser or page.topic:
        data["description"] = page.teaser or page.topic
    if next_dates:
        data["startDate"] = next_dates[0].start.astimezone(_tz()).isoformat()
        data["endDate"] = next_dates[0].end.astimezone(_tz()).isoformat()
    rules = page.schedule.rrules if page.schedule else []
    if rules and rules[0].freq in FREQUENCY:
        rule = rules[0]
        schedule = {
            "@type": "Schedule",
            "repeatFrequency": FREQUENCY[rule.freq].format(n=rule.interval or 1),
            "scheduleTimezone": str(_tz()),
        }
        if rule.byday:
            schedule["byDay"] = [f"https://schema.org/{DAYS[day.number]}" for day in rule.byday]
            # schema.org's byMonthWeek counts from the start of the month only: "last Monday"
            # (index -1) has no equivalent and is left out.
            weeks = {day.index for day in rule.byday if day.index}
            if len(weeks) == 1 and next(iter(weeks)) > 0:
                schedule["byMonthWeek"] = weeks.pop()
        if page.schedule_start_time:
            schedule["startTime"] = page.schedule_start_time.strftime("%H:%M")
        if page.schedule_end_time:
            schedule["endTime"] = page.schedule_end_time.strftime("%H:%M")
        data["eventSchedule"] = schedule
    return data


def _tz():
    from django.utils import timezone

    return timezone.get_current_timezone()
