"""Another learner writing while a URL is measured: a claim or an unclaim every 200 ms.

Each write replaces the board's generation, so the board's readers keep meeting a changed
board: what an active cohort does to the cache (issue 18: "while another learner writes").
"""

import contextlib
import itertools
import re
import threading

import httpx

INTERVAL = 0.2  # seconds between writes
WRITER = "hana"  # a demo frontend learner, who may claim
TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')  # base.html's hx-headers for signed-in pages


@contextlib.contextmanager
def writing(base_url: str, cookie: str, contract_id: str):
    """Claim and unclaim `contract_id` as the owner of `cookie` until the block ends; yields the
    status codes answered so far."""
    stop, answered = threading.Event(), []

    def run():
        with httpx.Client(base_url=base_url, headers={"Cookie": cookie}, timeout=10) as client:
            headers = {"X-CSRFToken": TOKEN.search(client.get("/board").text).group(1)}
            for action in itertools.cycle(["claim", "unclaim"]):
                if stop.wait(INTERVAL):
                    return
                path = f"/contracts/{contract_id}/{action}"
                answered.append(client.post(path, headers=headers).status_code)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield answered
    finally:
        stop.set()
        thread.join(15)
