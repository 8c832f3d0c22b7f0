"""Browser tests: Playwright driving Debian's chromium against the app on a live server."""

import os
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

from ..conftest import PASSWORD

CHROMIUM = os.environ.get("NEXUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERIOUS = {"serious", "critical"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class LiveServer:
    """The app served by werkzeug on 127.0.0.1 in a thread."""

    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture
def live_server(app):
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Session:
    """One browser context (one person) with console errors collected."""

    def __init__(self, browser, base_url):
        self.context = browser.new_context(base_url=base_url)
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.errors = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("response", self._response)

    def _console(self, message):
        # Chromium logs every 4xx as "Failed to load resource"; forms answer 422 on purpose.
        # Responses are judged in _response instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def _response(self, response):
        if response.status >= 500 or ("/static/" in response.url and response.status >= 400):
            self.errors.append(f"{response.status} {response.url}")

    def close(self):
        self.context.close()


@pytest.fixture
def new_session(browser, live_server):
    """Open another person's browser: `other = new_session().page`."""
    sessions = []

    def open_session():
        session = Session(browser, live_server.url)
        sessions.append(session)
        return session

    yield open_session
    errors = [error for session in sessions for error in session.errors]
    for session in sessions:
        session.close()
    assert errors == [], f"browser console errors: {errors}"


@pytest.fixture
def page(new_session):
    return new_session().page


_axe = Axe()


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page as it is now: no serious or critical violations."""

    def check(page, exclude=()):
        """`exclude`: selectors of third-party widgets we cannot change (Swagger UI's markup)."""
        context = {"exclude": [[selector] for selector in exclude]} if exclude else None
        results = _axe.run(page, context=context)
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']]}"
            for v in results.response["violations"]
            if v["impact"] in SERIOUS
        ]
        assert bad == [], f"accessibility violations on {page.url}:\n" + "\n".join(bad)

    return check


def sign_in(page, username, next_path="/"):
    """Sign in through the real form and land on `next_path`."""
    page.goto(f"/sign-in?next={next_path}")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # On a phone the button waits in the closed menu: the form is there either way.
    expect(page.locator('form[action="/sign-out"]')).to_be_attached()
