"""The hostile corpus in Chromium: every payload stored in every user-text field through its
form, then every page that shows them loaded at 1280 and 375 px. Nothing may run (no dialog, no
element the payload made), load (no request off the app's origin), be refused by the CSP (so
nothing tried) or break the layout (no page wider than the window); refused values were refused
with a 4xx and their reason next to the field.
"""

from urllib.parse import urlsplit

from playwright.sync_api import expect

from ..hostile.corpus import PAYLOADS
from ..hostile.fields import STORED, World
from .conftest import sign_in

WIDTHS = (1280, 375)
LISTS = ["/", "/board", "/updates", "/reviews", "/learners", "/activity", "/updates.atom"]
# What a payload would have made, had it become markup: any of these is a failure.
MADE = ", ".join([
    "body *[onerror]", "body *[onload]", "body *[onfocus]", "body *[ontoggle]",
    "body *[onmouseover]", "body *[onclick]", "body *[hx-on\\:click]", "body *[data-hx-get]",
    "main [hx-trigger='load']", "main script", "main style", "main iframe", "main object",
    "main base", "main meta", "main link", "main svg animate", "main form[action^='https:']",
    "a[href^='javascript:' i]", "a[href^='data:' i]", "a[href^='vbscript:' i]",
    "img[src^='data:' i]", "img[src^='https://evil.example']",
])  # fmt: skip
WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""
REFUSED = {400, 409, 413, 422}
OWNER_ONLY = ("/settings",)


def seed(app, cast) -> set[str]:
    """Every payload in every stored field: the public pages that show them. Pages only their
    owner sees (settings, an import's preview) and each new item's own page (where a post
    redirects) are read here, through the owner's client: the payload is text there too."""
    w, pages, problems = World(app, cast), set(LISTS), []
    for key, store in STORED.items():
        for n, (name, payload) in enumerate(PAYLOADS.items()):
            response, shown = store(w, n, payload)
            status, where = response.status_code, f"{key} × {name}"
            if status in REFUSED:
                html = response.get_data(as_text=True)
                if 'class="error"' not in html and "flash-error" not in html and status != 413:
                    problems.append(f"{where}: {status} with no reason shown")
                continue
            if status not in (200, 303):
                problems.append(f"{where}: {status}")
                continue
            private = [p for p in shown if p.startswith(OWNER_ONLY) or "/import" in p]
            pages.update(set(shown) - set(private))
            if status == 303:
                private.append(response.headers["Location"])
            for path in private:
                html = w.client(store.owner(w, n)).get(path).get_data(as_text=True)
                if "<" in payload and payload in html:
                    problems.append(f"{where}: shown as markup on {path}")
    assert problems == []
    return pages


def look(page, path: str) -> list[str]:
    """What is wrong with the page as loaded: made elements, CSP refusals, and at each width
    (the window resized, the page not reloaded) anything wider than the window."""
    found = page.evaluate(
        """made => ({made: [...document.querySelectorAll(made)].map(e => e.outerHTML.slice(0, 80)),
                     violations: window.__violations})""",
        MADE,
    )
    problems = [f"{path}: made {found['made']}"] if found["made"] else []
    if found["violations"]:
        problems.append(f"{path}: CSP refused {found['violations']}")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if wide > 0:
            problems.append(f"{path} at {width} px: {wide} px wider than the window")
    return problems


def test_the_hostile_corpus_runs_nothing_loads_nothing_and_breaks_no_layout(
    app, cast, browser, live_server, assert_accessible
):
    pages = sorted(seed(app, cast))
    origin = live_server.url
    context = browser.new_context(base_url=origin)
    context.add_init_script(WATCH)
    page = context.new_page()
    dialogs, off_origin, problems = [], [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    def request(req):
        if not req.url.startswith(origin + "/"):
            off_origin.append(f"{page.url} → {req.url[:120]}")

    page.on("request", request)
    page.on("console", lambda m: m.type == "error" and "Content Security Policy" in m.text
            and problems.append(f"{page.url}: {m.text[:200]}"))  # fmt: skip
    try:
        sign_in(page, "ada")
        page.goto("/u/corpus0")  # escaped: the payload's own words show as text
        expect(page.get_by_role("heading", name=PAYLOADS["script"]).first).to_be_visible()
        for path in pages:
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
            response = page.goto(path)
            assert response.status == 200, f"{path}: {response.status}"
            if not path.endswith(".atom"):
                problems += look(page, path)
        page.set_viewport_size({"width": 1280, "height": 900})
        for path in ("/updates", "/u/corpus0", "/reviews"):
            page.goto(path)
            assert_accessible(page)
    finally:
        context.close()
    assert dialogs == []
    assert off_origin == [], "\n".join(off_origin)
    assert problems == [], "\n".join(problems)
    assert all(urlsplit(p).netloc == "" for p in pages)
