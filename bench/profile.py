"""Where a page's time goes: `python -m bench.profile [--size large] [--db postgresql] PATH…`.

Seeds the data (or reuses the SQLite database of an earlier `bench/run --out FOLDER` with
`--from FOLDER`), then renders each path uncached (with `--cached`, on the file-system cache),
in this process, under pyinstrument, and prints the call tree. `--as USERNAME` signs the
requests in.
"""

import argparse
import contextlib
import sys
import tempfile
import warnings
from pathlib import Path

from pyinstrument import Profiler

from nexus_board import create_app
from nexus_board.extensions import db

from . import dataset
from .__main__ import _database
from .rows import PASSWORD
from .servers import app_settings


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("paths", nargs="+", help="paths as bench/targets.py writes them")
    parser.add_argument("--size", choices=dataset.SIZES, default="large")
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--from", dest="reuse", help="a bench/run --out folder (SQLite)")
    parser.add_argument("--as", dest="viewer", help="sign in as this learner")
    parser.add_argument("--repeat", type=int, default=20, help="renders per path (default 20)")
    parser.add_argument("--cached", action="store_true", help="with the file-system cache")
    args = parser.parse_args(argv)
    with contextlib.ExitStack() as stack:
        folder = Path(args.reuse or stack.enter_context(tempfile.TemporaryDirectory())).resolve()
        url = f"sqlite:///{folder / 'nexus.sqlite3'}"
        if not args.reuse:
            url = _database(stack, args.db, folder)
            dataset.build(app_settings(folder, url), dataset.SIZES[args.size])
        warnings.filterwarnings("ignore", "Flask-Caching: CACHE_TYPE is set to NullCache")
        uncached = {} if args.cached else {"CACHE_TYPE": "NullCache"}
        app = create_app(app_settings(folder, url) | uncached)
        with app.app_context():
            marks = dataset.landmarks()
        client = app.test_client()
        if args.viewer:
            _sign_in(client, args.viewer)
        for path in args.paths:
            _profile(client, path.format(**marks), args.repeat)
        with app.app_context():
            db.engine.dispose()
    return 0


def _sign_in(client, username: str) -> None:
    app = client.application
    app.config["WTF_CSRF_ENABLED"] = False  # one process, one form: no token round trip needed
    response = client.post("/sign-in", data={"login": username, "password": PASSWORD})
    if response.status_code != 303:
        sys.exit(f"signing in as {username} answered {response.status_code}")


def _profile(client, path: str, repeat: int) -> None:
    client.get(path)  # warm: templates compiled, connections open
    profiler = Profiler(interval=0.0005)
    with profiler:
        for _ in range(repeat):
            assert client.get(path).status_code == 200, path
    print(f"\n=== {path} ({repeat} renders) ===")
    print(profiler.output_text(unicode=True, show_all=False, color=False))


if __name__ == "__main__":
    sys.exit(main())
