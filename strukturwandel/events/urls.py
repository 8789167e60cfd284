"""Calendar feeds for the whole site and per topic field. Include at "kalender/"::

    path("kalender/", include("strukturwandel.events.urls")),

``kalender/`` itself is the how-to for subscribing, with every feed that is not a page's.

The site feed lists the last FEED_PAST_DAYS and everything ahead; ``archiv/<year>.ics`` a
year's meetings.

Series and meetings serve their own feeds (``<page url>kalender.ics``).
"""

from django.urls import path

from . import views

app_name = "strukturwandel_events"

urlpatterns = [
    path("", views.calendar_help, name="calendar_help"),
    path("termine.ics", views.site_calendar, name="site_calendar"),
    path("themen/<slug:slug>.ics", views.topic_calendar, name="topic_calendar"),
    path("archiv/<int:year>.ics", views.site_archive_calendar, name="site_archive_calendar"),
]
