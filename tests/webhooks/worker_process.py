"""`python -m tests.webhooks.worker_process '<settings as JSON>'`: the worker, as
`flask nexus worker` runs it, on a test app's settings (tests kill and restart it)."""

import json
import sys

from nexus_board import create_app
from nexus_board.webhooks.queue import run_worker

if __name__ == "__main__":
    settings = json.loads(sys.argv[1])
    settings["WEBHOOK_HOSTS"] = tuple(settings["WEBHOOK_HOSTS"])
    run_worker(create_app(settings), workers=2)
