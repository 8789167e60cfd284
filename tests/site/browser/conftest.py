"""Playwright against Debian's Chromium; never a downloaded browser."""

import email
import io
import os
import shutil
from email.policy import default
from pathlib import Path

import django
import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the test database is still
# used synchronously by the test itself.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"

# For page.evaluate(FORM_PROBLEMS, selector): every control of the form has a label that names
# it and descriptions that exist, the honeypot is out of the keyboard's way, no id is doubled.
FORM_PROBLEMS = """(selector) => {
  const problems = [];
  const form = document.querySelector(selector);
  const controls = "input:not([type=hidden]), textarea, select, button";
  for (const control of form.querySelectorAll(controls)) {
    const named = control.tagName === "BUTTON"
      ? control.textContent.trim()
      : (control.labels && control.labels.length && control.labels[0].textContent.trim());
    if (!named) problems.push(`no label: ${control.name || control.id}`);
    for (const id of (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean)) {
      if (!document.getElementById(id)) problems.push(`missing description ${id}`);
    }
  }
  const trap = form.querySelector(".sw-form__trap input");
  if (!trap || trap.tabIndex !== -1) problems.push("honeypot reachable");
  const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
  const doubled = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (doubled.length) problems.push(`duplicate ids: ${doubled}`);
  return problems;
}"""


# What a wait that timed out raises: Playwright's TimeoutError (wait_for, click, …) and the
# AssertionError of an expect() whose wait ran out ('- Expect "to_have_count" … with timeout
# 5000ms' in its call log).
TIMED_OUT = ["TimeoutError", r'Expect "\w+".* with timeout \d+ms']


def pytest_collection_modifyitems(items):
    """A browser test that timed out waiting for the page runs once more (pytest-rerunfailures).

    The live server and Chromium share two cores with the other test worker; a wait can time
    out on a busy machine. Any other failure, and a second time-out, fails the run.
    """
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(reruns=1, only_rerun=TIMED_OUT))


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: (
            page.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def sticking_out(page):
    """What in <main> reaches past the right edge of the page's content column.

    The page's scrollWidth misses what overflows only into main's padding, such as a table
    wider than its column; this lists those elements (tag, class, right edge).
    """

    def find():
        return page.evaluate(
            """() => {
              const column = document.querySelector("main > *").getBoundingClientRect().right;
              return [...document.querySelectorAll("main *")]
                .filter((el) => el.getBoundingClientRect().width > 0
                  && el.getBoundingClientRect().right > column + 0.5)
                .map((el) => `${el.tagName}.${el.className} ${el.getBoundingClientRect().right}`);
            }"""
        )

    return find


@pytest.fixture
def demo_site():
    """The demo site as ``load_demo`` builds it."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def quiet_admin(settings):
    """The admin without the background requests that race a test's own clicks.

    No update check and no Gravatar (the tests never need the network). Wagtail 8 autosaves a
    draft 0.5 s after each change: a test types and publishes faster than an editor, so the
    autosave of the new page can still be running when "Publish" posts the same page (Wagtail
    answers 400). The editing-session ping is slowed down for the same reason.
    """
    settings.WAGTAIL_ENABLE_UPDATE_CHECK = False
    settings.WAGTAIL_GRAVATAR_PROVIDER_URL = None
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 600_000


@pytest.fixture
def submit(page):
    """Click a button that submits a form and wait until the answer has loaded.

    Waiting for the navigation itself, not for "network idle": the admin keeps talking to the
    server in the background, so the network may never be idle long enough.
    """

    def click_and_wait(locator):
        with page.expect_navigation():
            locator.click()

    return click_and_wait


@pytest.fixture
def admin_login(page, live_server, django_user_model, quiet_admin):
    """Log in to the Wagtail admin through its own login form."""

    def login():
        if not django_user_model.objects.filter(username="admin").exists():
            django_user_model.objects.create_superuser("admin", "admin@example.org", "stammtisch")
        page.goto(f"{live_server.url}/admin/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", "stammtisch")
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/admin/")

    return login


@pytest.fixture
def mail_files(settings, tmp_path):
    backend = "django.core.mail.backends.filebased.EmailBackend"
    if django.VERSION >= (6, 1):
        settings.MAILERS = {"default": {"BACKEND": backend, "OPTIONS": {"file_path": tmp_path}}}
    else:
        settings.EMAIL_BACKEND = backend
        settings.EMAIL_FILE_PATH = tmp_path

    def read():
        """Each message in the files in the order they were written, parsed (bodies may be
        quoted-printable). File names order by the second only, then by a random number."""
        messages = []
        for path in sorted(tmp_path.iterdir(), key=lambda path: path.stat().st_mtime_ns):
            for text in path.read_text().split("-" * 79):
                if text.strip():
                    messages.append(email.message_from_string(text.strip(), policy=default))
        return messages

    return read


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()
