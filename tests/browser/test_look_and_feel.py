"""The design in a real browser: phones and desks, light and dark, keyboard only, double clicks,
the theme toggle and the copy buttons. Everything on the demo cohort (`flask nexus demo`)."""

import re
from contextlib import suppress

import pytest
from playwright.sync_api import Error, expect
from sqlalchemy import func, select

from nexus_board.demo import seed
from nexus_board.extensions import db
from nexus_board.models import Contract, ContractStatus

from ..conftest import PASSWORD
from .conftest import Session, sign_in

WIDTHS = {"desk": 1280, "phone": 375}
VISITOR_PAGES = ["/", "/board", "/contracts/3", "/u/ada", "/updates", "/learners", "/sign-in",
                 "/sign-up", "/theme", "/projects/e-commerce-api/api"]  # fmt: skip
LEARNER_PAGES = ["/", "/board", "/contracts/1", "/updates", "/u/gabriel", "/settings"]


@pytest.fixture
def demo(app):
    with app.app_context():
        seed(PASSWORD)
        db.session.commit()


def person(browser, live_server, *, width=1280, scheme="light", **options) -> Session:
    session = Session(browser, live_server.url)
    session.context.close()
    session.context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": 800},
        color_scheme=scheme,
        **options,
    )
    session.context.set_default_timeout(10_000)
    session.page = session.context.new_page()
    session.page.on("console", session._console)
    session.page.on("pageerror", lambda error: session.errors.append(str(error)))
    session.page.on("response", session._response)
    return session


@pytest.fixture
def people(browser, live_server):
    """Open a browser for one more person: `people(width=375, scheme="dark").page`."""
    opened = []

    def open_one(**options):
        opened.append(person(browser, live_server, **options))
        return opened[-1]

    yield open_one
    errors = [error for session in opened for error in session.errors]
    for session in opened:
        session.context.close()
    assert errors == [], f"browser console errors: {errors}"


def assert_fits(page):
    """Nothing runs off the side of the screen: no sideways scrolling of the page."""
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{page.url} is {width}px wider than the screen"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", WIDTHS)
def test_main_pages_fit_the_screen_and_pass_axe(demo, people, assert_accessible, screen, scheme):
    visitor = people(width=WIDTHS[screen], scheme=scheme).page
    for path in VISITOR_PAGES:
        visitor.goto(path)
        expect(visitor.locator("h1").first).to_be_visible()
        if "/api" in path:
            expect(visitor.locator(".opblock").first).to_be_visible()
        assert_fits(visitor)
        # Swagger UI nests its copy button inside its summary button: not ours to change.
        assert_accessible(visitor, exclude=["#swagger-ui"] if "/api" in path else ())
    learner = people(width=WIDTHS[screen], scheme=scheme).page
    sign_in(learner, "gabriel")
    for path in LEARNER_PAGES:
        learner.goto(path)
        assert_fits(learner)
        assert_accessible(learner)


FORM_PAGES = ["/contracts/new", "/contracts/2/edit", "/projects/import", "/u/ada/about/edit",
              "/u/ada/import"]  # fmt: skip


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_forms_fit_a_phone_and_pass_axe(demo, people, assert_accessible, scheme):
    backend = people(width=375, scheme=scheme).page
    sign_in(backend, "ada")
    for path in FORM_PAGES:
        response = backend.goto(path)
        assert response.status == 200, path
        expect(backend.locator("h1").first).to_be_visible()
        assert_fits(backend)
        assert_accessible(backend)


def test_the_phone_menu_opens_without_javascript(demo, people, assert_accessible):
    page = people(width=375, java_script_enabled=False).page
    page.goto("/")
    board_link = page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Board", exact=True
    )
    expect(board_link).to_be_hidden()
    page.get_by_text("Menu").click()
    expect(board_link).to_be_visible()
    board_link.click()
    expect(page.get_by_role("heading", name="API contract board")).to_be_visible()
    assert_fits(page)


def test_the_desk_shows_the_links_without_a_menu(demo, people):
    page = people(width=1280).page
    page.goto("/")
    expect(page.get_by_text("Menu")).to_be_hidden()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Learners")).to_be_visible()


def card_in(page, status: str, contract_id: int):
    return page.locator(f"#cards-{status} #card-{contract_id}")


def test_keyboard_only_claim_a_contract_and_take_it_to_done(app, demo, people, assert_accessible):
    with app.app_context():
        contract = db.session.scalar(
            db.select(Contract).where(Contract.path == "/api/posts/{post_id}/likes")
        )
        assert contract.status is ContractStatus.OPEN
        target = contract.id
    page = people(width=1280).page
    page.goto("/sign-in?next=/board")
    page.get_by_label("Username or email").fill("hana")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page.get_by_role("heading", name="API contract board")).to_be_visible()

    # Tab from the top of the page until a card has the focus (one card is in the Tab order).
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('contract-card')"):
            break
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("card-"), "Tab never reached a card"
    # Down the Open column to our contract.
    for _ in range(10):
        if page.evaluate("document.activeElement.id") == f"card-{target}":
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == f"card-{target}"
    expect(page.locator(f"#card-{target}")).to_be_focused()

    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_text("claim it", exact=True)).to_be_visible()
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator(f"#card-{target}")).to_be_focused()  # back where it was

    page.keyboard.press("c")
    expect(card_in(page, "claimed", target)).to_be_visible()
    expect(card_in(page, "claimed", target)).to_be_focused()
    expect(page.locator("#flash")).to_contain_text("claimed")
    page.keyboard.press("m")
    expect(card_in(page, "in_progress", target)).to_be_focused()
    page.keyboard.press("m")
    expect(card_in(page, "done", target)).to_be_focused()
    expect(page.locator("#flash")).to_contain_text("is done. Nice work!")
    page.keyboard.press("c")  # it is done: nothing to claim, and the board says so
    expect(page.locator("#announcer")).to_contain_text("cannot be claimed by you now")
    # Left goes to the In progress column; Enter opens a contract.
    page.keyboard.press("ArrowRight")
    expect(page.locator("#announcer")).to_contain_text("No card that way")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.closest('#cards-in_progress') !== null")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name=re.compile("Status: In progress"))).to_be_visible()
    assert_accessible(page)


def test_focus_stays_on_the_card_when_the_board_refreshes(demo, people):
    page = people(width=1280).page
    sign_in(page, "hana", "/board")
    first = page.locator("#cards-open .contract-card").first
    first.focus()
    card_id = first.get_attribute("id")
    page.evaluate("htmx.ajax('GET', '/board', {target: '#board-columns'})")  # what a poll does
    page.wait_for_timeout(500)
    assert page.evaluate("document.activeElement.id") == card_id


def posts_to(page, path_pattern: str) -> list:
    sent = []
    page.on(
        "request",
        lambda r: (
            sent.append(r.url) if r.method == "POST" and re.search(path_pattern, r.url) else None
        ),
    )
    return sent


def double_click_and_settle(page, button, path_pattern, expected_text) -> int:
    """Double-click `button`; how many POSTs to `path_pattern` the page sent.

    The double click's second click comes once the first POST is on its way, and that POST
    waits in the browser until then: the case a quick server or a quick pair of clicks hides
    (the browser merges two submits made before the first request starts)."""
    sent = posts_to(page, path_pattern)
    held = []

    def hold(route):
        (held.append if route.request.method == "POST" else lambda r: r.continue_())(route)

    page.route(re.compile(path_pattern), hold)
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    with page.expect_request(lambda r: r.method == "POST" and re.search(path_pattern, r.url)):
        page.mouse.down()
        page.mouse.up()
    page.mouse.down(click_count=2)
    page.mouse.up(click_count=2)
    page.wait_for_timeout(300)  # time for a second submit to start its request
    page.unroute(re.compile(path_pattern))
    for route in held:
        with suppress(Error):  # a request the browser dropped for a newer one
            route.continue_()
    expect(page.get_by_text(expected_text).first).to_be_visible()
    page.wait_for_timeout(300)
    return len(sent)


WISHLIST = {"Project": "E-commerce API", "Path": "/api/v1/wishlist", "Summary": "The wishlist",
            "Status code": "200", "Example body (JSON)": "{}"}  # fmt: skip


@pytest.mark.parametrize(
    ("who", "path", "fill", "button", "done", "posted"),
    [
        (
            None,
            "/sign-in",
            {"Username or email": "ada", "Password": PASSWORD},
            "Sign in",
            "Signed in as",
            "/sign-in",
        ),
        (
            None,
            "/sign-up",
            {"Username": "newlearner", "Display name": "New Learner", "Password": PASSWORD},
            "Create account",
            "Welcome to Nexus Board",
            "/sign-up",
        ),
        (
            "gabriel",
            "/updates",
            {"Your update": "Shipped the cart page #nextjs"},
            "Post update",
            "Your update is posted.",
            "/updates$",
        ),
        (
            "ada",
            "/contracts/new",
            WISHLIST,
            "Post contract",
            "Posted GET /api/v1/wishlist.",
            "/contracts/new",
        ),
        (
            "ada",
            "/contracts/3",
            {"Add a comment": "Totals are strings."},
            "Post comment",
            "Totals are strings.",
            "/comments",
        ),
        (
            "ada",
            "/settings",
            {"Token name": "CI"},
            "Create token",
            "copy it now",
            "/settings/tokens$",
        ),
        (
            "ada",
            "/settings",
            {"Display name": "Ada O."},
            "Save details",
            "Your settings are saved.",
            "/settings$",
        ),
        (None, "/theme", {}, "Save theme", "Project Nexus hub", "/theme"),
    ],
)
def test_a_double_click_posts_once(demo, people, who, path, fill, button, done, posted):
    page = people(width=1280).page
    if who:
        sign_in(page, who)
    page.goto(path)
    if path == "/sign-up":
        page.get_by_label("Frontend").check()
    for label, value in fill.items():
        page.get_by_label(label, exact=True).first.fill(value)
    if path == "/theme":
        page.get_by_label("Dark").check()
    clicked = page.get_by_role("button", name=button, exact=True)
    assert double_click_and_settle(page, clicked, posted, done) == 1


def test_a_double_click_on_post_contract_makes_one_contract_and_shows_it(demo, people, app):
    page = people(width=1280).page
    sign_in(page, "ada", "/contracts/new")
    for label, value in WISHLIST.items():
        page.get_by_label(label, exact=True).first.fill(value)
    page.get_by_role("button", name="Post contract", exact=True).dblclick()
    expect(page.locator("#flash")).to_contain_text("Posted GET /api/v1/wishlist.")
    expect(page).to_have_url(re.compile(r"/contracts/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("/api/v1/wishlist")
    with app.app_context():
        made = select(func.count()).where(Contract.path == "/api/v1/wishlist")
        assert db.session.scalar(made) == 1


def test_a_double_click_on_claim_claims_once(demo, people):
    page = people(width=1280).page
    sign_in(page, "hana", "/board")
    card = page.locator("#cards-open .contract-card").first
    sent = posts_to(page, "/claim$")
    card.get_by_role("button", name=re.compile("^Claim")).dblclick()
    expect(page.locator("#flash")).to_contain_text("claimed")
    page.wait_for_timeout(300)
    assert len(sent) == 1


def test_the_theme_toggle_is_remembered(demo, people, live_server):
    visitor = people(width=375).page
    visitor.goto("/board")
    toggle = visitor.get_by_role("button", name="Dark theme")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(visitor.locator("html")).to_have_attribute("data-theme", "dark")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    background = visitor.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(13, 16, 21)"
    visitor.reload()  # the cookie keeps it, and the page is drawn dark from the server
    expect(visitor.locator("html")).to_have_attribute("data-theme", "dark")
    visitor.get_by_role("button", name="Dark theme").click()
    expect(visitor.locator("html")).to_have_attribute("data-theme", "light")

    ada = people(width=1280, scheme="light").page
    sign_in(ada, "ada")
    with ada.expect_response(lambda r: r.url.endswith("/theme") and r.status == 204):
        ada.get_by_role("button", name="Dark theme").click()
    elsewhere = people(width=1280, scheme="light").page  # another device: no cookie
    sign_in(elsewhere, "ada")
    expect(elsewhere.locator("html")).to_have_attribute("data-theme", "dark")


def test_copy_buttons_copy_examples_and_curl_lines(demo, people):
    session = people(width=1280)
    session.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = session.page
    page.goto("/contracts/3")
    button = page.locator('button.copy-button:has-text("the 201 example")')  # its name changes
    button.click()
    expect(button).to_have_text("Copied the 201 example")  # "Copied", and what, for screen readers
    expect(page.locator("#announcer")).to_have_text("Copied to the clipboard.")
    assert '"status": "pending"' in page.evaluate("navigator.clipboard.readText()")
    page.get_by_role("button", name="Copy the curl command").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("curl -X POST ") and "/mock/e-commerce-api/api/v1/orders" in copied
