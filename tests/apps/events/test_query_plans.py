"""Listings and feeds find their meetings through indexes, never by reading every page or
meeting of the archive (SQLite, whose planner has no table statistics to fall back on; on
PostgreSQL a scan of a small table can be the cheaper plan and is the planner's to choose)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.apps import factories as f

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plans"),
]

# Tables that grow with the archive: a listing that scans them costs more every year.
GROWING = {
    "wagtailcore_page",
    "wagtailcore_referenceindex",
    "strukturwandel_events_meetingpage",
}


def plan(sql):
    """[(tables, step), ...]: what SQLite does for ``sql``, each step with the tables its
    name may stand for (Django reuses an alias such as U0 in each subquery)."""
    aliases = {}
    for table, alias in re.findall(r'"(\w+)" ([UVT]\d+)\b', sql):
        aliases.setdefault(alias, set()).add(table)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        steps = [row[-1] for row in cursor.fetchall()]
    found = []
    for step in steps:
        # "SCAN TABLE t" before SQLite 3.36.
        name = re.match(r"(?:SCAN|SEARCH) (?:TABLE )?(\w+)", step)
        if name:
            found.append((aliases.get(name.group(1), {name.group(1)}), step))
    return found


def reads_from_start_to_end(sql):
    """The steps of ``sql`` that read a growing table from start to end, or the reference
    index other than by its rows' target (the meeting a follow-up names)."""
    return [
        step
        for tables, step in plan(sql)
        # A SCAN reads the whole table, also in an index's order ("USING [COVERING] INDEX");
        # a SEARCH looks rows up.
        if (tables & GROWING and step.startswith("SCAN "))
        or ("referenceindex" in step and "referenceindex_target_object" not in step)
    ]


@pytest.fixture
def archive(root_page):
    topic = f.topic_field("Wasser", slug="wasser")
    series = f.series(root_page)
    for days in (-400, -60, -30, 10, 40):
        f.meeting(series, f.days_from_now(days), topics=[topic])
    f.topic_index(root_page)
    return series, topic


def test_listings_and_feeds_read_no_growing_table_from_start_to_end(client, archive):
    series, topic = archive
    urls = [
        series.url,
        series.url + "?vergangene=alle",
        series.url + "?kommende=alle",
        series.calendar_url,
        reverse("strukturwandel_events:site_calendar"),
        reverse("strukturwandel_events:topic_calendar", args=[topic.slug]),
        f"/themenfelder/{topic.slug}/",
    ]
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        for query in queries.captured_queries:
            if not query["sql"].startswith("SELECT"):
                continue
            # The captured SQL has its parameters filled in: explained as it ran.
            assert not reads_from_start_to_end(query["sql"]), (url, query["sql"])
