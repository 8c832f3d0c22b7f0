"""Screenshots of the main pages, light and dark, from the demo cohort: `make screenshots`.

Builds a throwaway app (SQLite and cache in a temporary folder) with `flask nexus demo`'s data,
serves it on 127.0.0.1 and photographs each page with Playwright on Debian's chromium. With no
options it writes docs/screenshots/<page>-<theme>.png at 1280 px; `--width 375 --out /tmp/x`
makes other sets while working on the design.
"""

import argparse
import os
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("NEXUS_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "nexus-demo-password"  # noqa: S105  (the demo cohort's, as the README says)
# name -> (path, who is signed in: None for a visitor)
PAGES = {
    "hub": ("/", "gabriel"),
    "board": ("/board", "gabriel"),
    "contract": ("/contracts/3", "ada"),
    "profile": ("/u/ada", None),
    "api": ("/projects/e-commerce-api/api", None),
}
EXTRA = {
    "feed": ("/updates", "gabriel"),
    "learners": ("/learners", None),
    "sign-in": ("/sign-in", None),
    "form": ("/contracts/new", "ada"),
    "settings": ("/settings", "ada"),
    "hub-visitor": ("/", None),
    "own-profile": ("/u/ada", "ada"),
}


def demo_app(folder: Path):
    from nexus_board import create_app
    from nexus_board.demo import seed
    from nexus_board.extensions import db

    app = create_app(
        {
            "NEXUS_ENV": "development",
            "SECRET_KEY": "screenshots",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'demo.sqlite3'}",
            "CACHE_TYPE": "FileSystemCache",
            "CACHE_DIR": str(folder / "cache"),
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        db.create_all()
        seed(PASSWORD)
        db.session.commit()
    return app


def sign_in(page, username: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def shoot(base_url: str, out: Path, width: int, full_page: bool, names: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pages = {**PAGES, **EXTRA}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for theme in ("light", "dark"):
            contexts = {}
            for name in names:
                path, who = pages[name]
                if who not in contexts:
                    contexts[who] = browser.new_context(
                        base_url=base_url,
                        viewport={"width": width, "height": 900 if width > 600 else 800},
                        color_scheme=theme,
                        device_scale_factor=1,
                    )
                    if who:
                        sign_in(contexts[who].new_page(), who)
                page = contexts[who].new_page()
                page.goto(path)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(300)  # Swagger UI renders after its document arrives
                page.screenshot(path=str(out / f"{name}-{theme}.png"), full_page=full_page)
                page.close()
                print(f"{out / f'{name}-{theme}.png'}")
            for context in contexts.values():
                context.close()
        browser.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--full-page", action="store_true", help="the whole page, not one screen")
    choices = f"default: {' '.join(PAGES)}; also {' '.join(EXTRA)}"
    parser.add_argument("pages", nargs="*", help=choices)
    args = parser.parse_args(argv)
    unknown = set(args.pages) - PAGES.keys() - EXTRA.keys()
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as folder:
        app = demo_app(Path(folder))
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            url = f"http://127.0.0.1:{server.server_port}"
            shoot(url, args.out, args.width, args.full_page, args.pages or list(PAGES))
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
