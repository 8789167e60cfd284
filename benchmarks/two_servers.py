"""Two app servers on one database and one cache: a change published in one shows in the other.

    python benchmarks/two_servers.py

Starts two ``manage.py runserver --noreload`` processes of the demo site (production-like:
``DEBUG`` off, page cache on) on the same database and the same cache, lets the second one
cache the series page and the site feed, publishes a draft meeting through the first one's
admin (Wagtail's bulk "Publish" action), and reads the change from the second one; then
unpublishes it the same way. Exits with 0 when both changes show at once, 1 otherwise.

Database: a temporary SQLite file, or PostgreSQL with DATABASE_URL (the database must exist and
is migrated; use one of your own). Cache: Redis with REDIS_URL, else a file-based cache in a
temporary folder (shared by the processes of one machine, like Redis by several machines).
"""

import datetime
import http.cookiejar
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORTS = (8611, 8612)
PASSWORD = "zwei-server"  # noqa: S105
SETUP = """
import datetime
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page, Site
from strukturwandel.events.models import EventSeriesPage, MeetingPage

root = Page.get_first_root_node()
home = root.get_children().first().specific
series = EventSeriesPage(title="Stammtisch", slug="stammtisch-zwei-server")
home.add_child(instance=series)
series.save_revision().publish()
start = timezone.now() + datetime.timedelta(days=10)
meeting = MeetingPage(
    title="Treffen aus Server A", slug="treffen-a", start=start,
    end=start + datetime.timedelta(minutes=90), topic="Veröffentlicht in A", live=False,
)
series.add_child(instance=meeting)
meeting.save_revision()
get_user_model().objects.create_superuser("zwei", "zwei@example.org", {password!r})
print("SETUP", series.url, meeting.pk)
"""


def environment(workdir):
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "benchmarks.server_settings"
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'db.sqlite3'}")
    env["STRUKTURWANDEL_CACHE_DIR"] = str(workdir / "cache")
    env["PYTHONPATH"] = str(ROOT)
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


class Browser:
    """A visitor (or an editor, after ``login``) of one server, with its own cookies."""

    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path):
        return self.fetch(path)[0]

    def fetch(self, path):
        """The body and the Last-Modified header (when the copy was built)."""
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.read().decode(), response.headers.get("Last-Modified")

    def post(self, path, data):
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body)
        request.add_header("Referer", self.base + path)
        with self.opener.open(request, timeout=30) as response:
            return response.read().decode()

    def csrf_post(self, path, data):
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path))
        return self.post(path, {"csrfmiddlewaretoken": token.group(1), **data})

    def login(self, username):
        self.csrf_post("/admin/login/", {"username": username, "password": PASSWORD})


def wait_until_up(browser):
    for _ in range(120):
        try:
            browser.get("/")
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise RuntimeError(f"{browser.base} did not start")


def main():
    shown = "Treffen aus Server A"
    with tempfile.TemporaryDirectory(prefix="sw-two-servers-") as folder:
        workdir = Path(folder)
        env = environment(workdir)
        manage(env, "migrate", "--noinput")
        setup = manage(env, "shell", "-c", SETUP.format(password=PASSWORD))
        line = next(line for line in setup.stdout.splitlines() if line.startswith("SETUP "))
        _, series_url, meeting_pk = line.split()
        servers = [
            subprocess.Popen(
                [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for port in PORTS
        ]
        try:
            editor, visitor = Browser(PORTS[0]), Browser(PORTS[1])
            for browser in (editor, visitor):
                wait_until_up(browser)
            feed = "/kalender/termine.ics"
            # B caches the series page and the feed without the draft (the very first request
            # creates the site settings, a change of its own).
            visitor.get(series_url)
            before = [visitor.fetch(series_url), visitor.fetch(feed)]
            time.sleep(1.1)  # Last-Modified counts seconds: a copy built now would differ
            again = [visitor.fetch(series_url), visitor.fetch(feed)]
            editor.login("zwei")
            bulk = f"/admin/bulk/wagtailcore/page/{{}}/?id={meeting_pk}&next=/admin/"
            started = time.perf_counter()
            editor.csrf_post(bulk.format("publish"), {})
            published = [visitor.get(series_url), visitor.get(feed)]
            editor.csrf_post(bulk.format("unpublish"), {})
            unpublished = [visitor.get(series_url), visitor.get(feed)]
            elapsed = time.perf_counter() - started
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=30)
    checks = {
        "B served its cached copy before the change": before == again,
        "B lists nothing before the change": not any(shown in text for text, _ in before),
        "B shows the meeting A published (page and feed)": all(shown in t for t in published),
        "B drops the meeting A unpublished (page and feed)": not any(
            shown in text for text in unpublished
        ),
    }
    for name, passed in checks.items():
        print(f"{'ok  ' if passed else 'FAIL'} {name}")
    print(f"publish and unpublish in A, read in B: {elapsed:.1f} s ({datetime.date.today()})")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
