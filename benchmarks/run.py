"""How every public page and feed scales with the archive: ``python benchmarks/run.py``.

Builds synthetic content at 10, 100 and 1000 meetings (each in a throw-away database, the
content committed: SQLite by default, PostgreSQL with DATABASE_URL; the cache is Redis with
REDIS_URL), then requests every public page type and every feed with Django's test client and
reports, per target and size:
queries, median and 95th-percentile time over repeated requests with the page cache off, the
response size, the median with the cache warm, whether a conditional request answers 304, and
the median of a plain one-paragraph page requested in turn with each target (the baseline:
read the figures as ratios to it, the machine is noisy). Prints a table and writes
benchmarks/results.json (``--output`` elsewhere).

Options: ``--sizes 10,100``, ``--repeat 20`` (requests per measurement; at 1000 meetings a
third of them, at least 5) and ``--targets "series page,site feed"`` (only these, besides the
plain page). Not part of the test suite: no test imports it.
"""

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

import django  # noqa: E402

django.setup()

import recurrence  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.template.base import Template  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import _TestState, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from home.models import HomePage  # noqa: E402
from strukturwandel.core.models import ContentPage  # noqa: E402
from strukturwandel.documentation.models import (  # noqa: E402
    DocumentationIndexPage,
    DocumentationPage,
    ReportPage,
)
from strukturwandel.events.models import (  # noqa: E402
    EventSeriesPage,
    MeetingPage,
    RecurringMeetingPage,
)
from strukturwandel.groups.models import WorkingGroupIndexPage, WorkingGroupPage  # noqa: E402
from strukturwandel.topics.models import TopicField, TopicFieldIndexPage  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results.json"
TOPIC_FIELDS = 20
WORKING_GROUPS = 10
RULE_AGES = (1, 5, 15)  # years since a rule's first day
FIRST_DAY = datetime.date(2010, 1, 4)  # a Monday
LAST_DAY = datetime.date(2030, 12, 30)
ARCHIVE_FIRST_DAY = datetime.date(2000, 1, 3)  # documentation from before the meetings
ARCHIVE_WEEKS = (FIRST_DAY - ARCHIVE_FIRST_DAY).days // 7


def weekly(day):
    return recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY, byday=[day])])


def years_ago(years):
    today = timezone.localdate()
    return today - datetime.timedelta(days=round(365.25 * years))


def add(parent, page):
    parent.add_child(instance=page)
    return page


def speaker(number):
    return {
        "person": None,
        "name": f"Erika Beispiel {number}",
        "role": "Referentin",
        "organisation": None,
        "organisation_name": "Beispielverein e.V.",
    }


def impulse(number):
    return (
        "impulse",
        {
            "speakers": [speaker(number)],
            "title": f"Impuls {number}: Wasser, Energie und Beteiligung im Revier",
            "key_points": "<ul><li>Was sich in den Gemeinden ändert</li>"
            "<li>Wer mitredet und wie</li><li>Was als Nächstes ansteht</li></ul>",
            "links": [],
            "image": None,
            "slides": None,
        },
    )


def discussion():
    point = {
        "key_term": "Beteiligung",
        "text": "<p>Wie Bürger:innen früh und verständlich einbezogen werden.</p>",
        "sub_points": ["<p>Ortsbeiräte</p>", "<p>Jugendforen</p>"],
        "follow_up": "Die AG greift es auf.",
    }
    return ("discussion", {"heading": "", "intro": "", "points": [dict(point)] * 10})


def build(size):
    """The site at ``size`` meetings; returns {target: url} of every public page and feed."""
    root = Page.get_first_root_node()
    home = add(root, HomePage(title="Strukturwandel", slug="benchmark-home"))
    Site.objects.update(root_page=home, hostname="testserver", port=80)
    plain = add(
        home,
        ContentPage(
            title="Impressum",
            slug="impressum",
            body=[("paragraph", RichText("<p>Ein Absatz, sonst nichts.</p>"))],
        ),
    )
    topics = [
        TopicField.objects.create(name=f"Themenfeld {n}", slug=f"themenfeld-{n}", sort_order=n)
        for n in range(TOPIC_FIELDS)
    ]
    topic_index = add(home, TopicFieldIndexPage(title="Themenfelder", slug="themenfelder"))
    series = EventSeriesPage(
        title="Strukturwandel-Stammtisch",
        slug="stammtisch",
        schedule=weekly(recurrence.MO),
        schedule_starts_on=FIRST_DAY,
        schedule_start_time=datetime.time(17),
        schedule_end_time=datetime.time(18, 30),
        intro="<p>Worum es geht.</p>",
    )
    add(home, series)
    step = (LAST_DAY - FIRST_DAY).days // 7 / size
    now = timezone.now()
    meetings = []
    for number in range(size):
        day = FIRST_DAY + datetime.timedelta(weeks=int(number * step))
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(17)))
        meeting = MeetingPage(
            title=f"Stammtisch am {day:%d.%m.%Y}",
            slug=f"treffen-{number}",
            start=start,
            end=start + datetime.timedelta(minutes=90),
            topic=f"Energie und Wasser im Revier, Teil {number}",
            teaser="Was bedeutet der Kohleausstieg für die Gemeinden?",
            registration_opens_at=start - datetime.timedelta(days=21),
            impulses=[
                ("impulse", {"title": "Ein geplanter Impuls", "speakers": [speaker(number)]})
            ],
        )
        meeting.topic_fields = [topics[number % TOPIC_FIELDS], topics[(number + 7) % TOPIC_FIELDS]]
        meetings.append(add(series, meeting))
    docs = add(home, DocumentationIndexPage(title="Dokumentation", slug="dokumentation"))
    body = [impulse(1), impulse(2), impulse(3), discussion()]
    documented = []
    for meeting in (meeting for meeting in meetings if meeting.end < now):
        page = DocumentationPage(
            title=f"Dokumentation: {meeting.title}",
            slug=f"doku-{meeting.slug}",
            meeting=meeting,
            summary="Drei Impulse und die Diskussion.",
            body=body,
        )
        page.topic_fields = list(meeting.topic_fields.all())
        documented.append(add(docs, page))
    # As many documentation pages as meetings, for the search: the rest are write-ups from
    # before the archive (no meeting; dated by first publication, 2000–2009), so the newest
    # entries of the documentation index and every meeting's page stay as they were.
    archived = size - len(documented)
    for number in range(archived):
        day = ARCHIVE_FIRST_DAY + datetime.timedelta(weeks=number * ARCHIVE_WEEKS // archived)
        page = DocumentationPage(
            title=f"Dokumentation aus dem Archiv {number + 1}",
            slug=f"archiv-{number + 1}",
            summary="Drei Impulse und die Diskussion.",
            body=body,
            first_published_at=timezone.make_aware(
                datetime.datetime.combine(day, datetime.time(12))
            ),
        )
        page.topic_fields = [topics[number % TOPIC_FIELDS]]
        add(docs, page)
    report = ReportPage(
        title="Bündnistreffen", slug="buendnistreffen", date=datetime.date(2024, 5, 27), body=body
    )
    report.topic_fields = topics[:3]
    add(docs, report)
    groups = add(home, WorkingGroupIndexPage(title="Arbeitsgruppen", slug="arbeitsgruppen"))
    group_pages = []
    for number in range(WORKING_GROUPS):
        group = WorkingGroupPage(
            title=f"Arbeitsgruppe {number + 1}",
            slug=f"ag-{number + 1}",
            number=number + 1,
            short_description="Was die Gruppe bearbeitet.",
            schedule=weekly(recurrence.TU),
            schedule_starts_on=years_ago(RULE_AGES[number % len(RULE_AGES)]),
            schedule_start_time=datetime.time(18),
            schedule_end_time=datetime.time(19),
        )
        group.topic_fields = [topics[number], topics[number + WORKING_GROUPS]]
        group_pages.append(add(groups, group))
    regulars = []
    for number, age in enumerate(RULE_AGES):
        regular = RecurringMeetingPage(
            title=f"Regelmäßiges Treffen {number + 1}",
            slug=f"regelmaessig-{number + 1}",
            topic="Offener Austausch",
            schedule=weekly(recurrence.WE),
            schedule_starts_on=years_ago(age),
            schedule_start_time=datetime.time(19),
            schedule_end_time=datetime.time(20),
            venue="Marktplatz 1\n04109 Leipzig",
        )
        regular.topic_fields = [topics[0]]
        regulars.append(add(home, regular))
    past = [meeting for meeting in meetings if meeting.end < now]
    upcoming = [meeting for meeting in meetings if meeting.end >= now]
    # Links are read from the pages as stored (url_path), as a visitor's requests would.
    url = {page.pk: page.url for page in Page.objects.all()}
    meeting = (past or upcoming)[-1]
    targets = {
        "plain page": url[plain.pk],
        "home": url[home.pk],
        "series page": url[series.pk],
        "meeting page": url[meeting.pk],
        "recurring meeting page": url[regulars[-1].pk],
        "documentation index": url[docs.pk],
        "documentation page": url[documented[-1].pk] if documented else None,
        "report page": url[report.pk],
        "group index": url[groups.pk],
        "group page": url[group_pages[0].pk],
        "topic index": url[topic_index.pk],
        "topic page": url[topic_index.pk] + f"{topics[0].slug}/",
        "search": reverse("search") + "?q=Energie",
        "series feed": url[series.pk] + "kalender/",
        "meeting feed": url[meeting.pk] + "kalender/",
        "recurring meeting feed": url[regulars[-1].pk] + "kalender/",
        "site feed": reverse("strukturwandel_events:site_calendar"),
        "topic feed": reverse("strukturwandel_events:topic_calendar", args=[topics[0].slug]),
    }
    return {name: target for name, target in targets.items() if target}


def no_page_cache():
    return override_settings(STRUKTURWANDEL={"PAGE_CACHE_SECONDS": 0})


def timed(client, url, repeat, **headers):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url, **headers)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(client, url, baseline_url, repeat):
    with no_page_cache():
        cache.clear()
        # Cold: nothing cached (neither the page nor a feed's serialised events).
        cold = timed(client, url, 1)[0]
        response = client.get(url)  # warm what every request shares (site root paths)
        assert response.status_code == 200, (url, response.status_code)
        queries = []
        with connection.execute_wrapper(
            lambda execute, sql, *args: (queries.append(sql), execute(sql, *args))[1]
        ):
            response = client.get(url)
        # Interleaved with the plain page, so both see the same load on a busy machine.
        uncached, baseline = [], []
        for _ in range(repeat):
            uncached += timed(client, url, 1)
            baseline += timed(client, baseline_url, 1)
    cache.clear()
    warm = client.get(url)
    cached = timed(client, url, repeat)
    # A client revalidates what it was sent: with the cache on, the cached copy's validators.
    etag = warm.get("ETag")
    last_modified = warm.get("Last-Modified")
    conditional = {}
    if etag:
        conditional["HTTP_IF_NONE_MATCH"] = etag
    elif last_modified:
        conditional["HTTP_IF_MODIFIED_SINCE"] = last_modified
    not_modified = bool(conditional) and client.get(url, **conditional).status_code == 304
    return {
        "queries": len(queries),
        "median_ms": round(statistics.median(uncached), 2),
        "p95_ms": round(p95(uncached), 2),
        "bytes": len(response.content),
        "cold_ms": round(cold, 2),
        "cached_median_ms": round(statistics.median(cached), 2),
        "baseline_median_ms": round(statistics.median(baseline), 2),
        "not_modified": not_modified,
        "cache_control": warm.get("Cache-Control", ""),
    }


def run_size(size, repeat, only=()):
    """The rows of every target at ``size`` meetings, in a database of their own.

    The content is committed, as an editor's is: measured inside the transaction that wrote
    it, PostgreSQL checked each row against the thousands of subtransactions (one savepoint
    per page saved) that wrote them, which no production request does."""
    started = time.perf_counter()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        targets = build(size)
        if connection.vendor == "postgresql":
            # A production database has its tables' statistics (autovacuum analyses them);
            # without them the planner guesses one row per table.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        built = time.perf_counter() - started
        print(f"\n{size} meetings (content built in {built:.0f} s)", flush=True)
        client = Client()
        cache.clear()
        plain = targets["plain page"]
        return [
            {"target": name, "size": size, **measure(client, url, plain, repeat)}
            for name, url in targets.items()
            if not only or name in only or name == "plain page"
        ]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def ratio(value, baseline):
    return f"{value / baseline:.1f}×" if baseline else "–"


def table(rows):
    lines = [
        "| target | size | queries | median ÷ plain | cached ÷ plain | median ms | p95 ms "
        "| cached ms | cold ms | bytes | 304 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        baseline = row["baseline_median_ms"]
        lines.append(
            f"| {row['target']} | {row['size']} | {row['queries']} "
            f"| {ratio(row['median_ms'], baseline)} | {ratio(row['cached_median_ms'], baseline)} "
            f"| {row['median_ms']:.1f} | {row['p95_ms']:.1f} | {row['cached_median_ms']:.1f} "
            f"| {row['cold_ms']:.1f} "
            f"| {row['bytes']} | {'yes' if row['not_modified'] else 'no'} |"
        )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="meeting counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=20, help="requests per measurement")
    parser.add_argument("--output", default=str(RESULTS), help="where to write the JSON")
    parser.add_argument(
        "--targets",
        default="",
        help='only these targets, comma-separated (e.g. "series page,site feed"); all by default',
    )
    args = parser.parse_args()
    only = {name.strip() for name in args.targets.split(",") if name.strip()}
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]

    setup_test_environment()
    # The test environment makes every template render send a signal on which the test client
    # copies the whole context (for ``response.context``): work no server does, and more of it
    # the more includes a page has. Measure templates as a server renders them.
    Template._render = _TestState.saved_data.template_render
    rows = []
    for size in sizes:
        repeat = args.repeat if size < 1000 else max(5, args.repeat // 3)
        size_rows = run_size(size, repeat, only)
        print(table(size_rows), flush=True)
        rows += size_rows
    meta = {
        "database": connection.vendor,
        "cache": "redis" if os.environ.get("REDIS_URL") else "locmem",
        "django": django.get_version(),
        "python": sys.version.split()[0],
        "date": timezone.now().date().isoformat(),
    }
    Path(args.output).write_text(json.dumps({"meta": meta, "rows": rows}, indent=2) + "\n")
    print(f"\nWrote {args.output}")


if __name__ == "__main__":
    main()
