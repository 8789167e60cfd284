"""All meetings in one admin list: date and meeting status columns, newest first, filters for
upcoming and past meetings and for the status (Wagtail's flat page listing)."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from .formats import when
from .models import MeetingPage, MeetingStatus


class MeetingFilterSet(PageFilterSet):
    when = django_filters.ChoiceFilter(
        label=pgettext_lazy("strukturwandel", "When"),
        choices=[
            ("upcoming", pgettext_lazy("strukturwandel", "Upcoming")),
            ("past", pgettext_lazy("strukturwandel", "Past")),
        ],
        method="filter_when",
        empty_label=pgettext_lazy("strukturwandel", "Any"),
        widget=forms.RadioSelect,
    )
    meeting_status = django_filters.MultipleChoiceFilter(
        field_name="status",
        label=pgettext_lazy("strukturwandel", "Meeting status"),
        choices=MeetingStatus.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = MeetingPage
        fields = []

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        return (
            queryset.filter(end__gte=now) if value == "upcoming" else queryset.filter(end__lt=now)
        )


def meeting_status_label(meeting):
    """The meeting's status as the list shows it: a planned meeting that has ended took
    place (a past meeting is not "planned" any more)."""
    if meeting.status == MeetingStatus.PLANNED and meeting.end < timezone.now():
        return pgettext_lazy("strukturwandel meeting status", "Took place")
    return meeting.get_status_display()


def _columns():
    columns = [column for column in IndexView.base_columns if column.name != "type"]
    title = next(i for i, column in enumerate(columns) if column.name == "title")
    columns[title + 1 : title + 1] = [
        Column(
            "start", label=pgettext_lazy("strukturwandel", "Date"), accessor=when, sort_key="start"
        ),
        StatusTagColumn(
            "meeting_status",
            label=pgettext_lazy("strukturwandel", "Meeting status"),
            accessor=meeting_status_label,
            # Cancelled and postponed meetings stand out from the planned ones.
            primary=lambda meeting: meeting.status != MeetingStatus.PLANNED,
        ),
    ]
    return columns


class MeetingListingViewSet(PageListingViewSet):
    model = MeetingPage
    icon = "date"
    menu_label = _("Meetings")
    menu_order = 205
    add_to_admin_menu = True
    name = "meetings"
    ordering = "-start"
    filterset_class = MeetingFilterSet
    columns = _columns()
