"""gunicorn's settings, read from this folder by `gunicorn wsgi:app` (command-line flags win).

No request can pin a worker: every request's work is capped by `nexus_board/limits.py`, and
these are the backstops should one still run long or a worker grow. docs/deploy.md says how
they fit with nginx and systemd.
"""

import os
import shutil
import tempfile
from pathlib import Path


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (containers, taskset)
    except AttributeError:
        return os.cpu_count() or 1


# Where to listen: behind nginx on this machine by default; 0.0.0.0:8000 in a container.
bind = [os.environ.get("BIND", "127.0.0.1:8000")]
# Sync workers wait on the database and cache about half of a request: two per core, plus one.
# WEB_CONCURRENCY (or --workers) sets another number.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * _cores() + 1)

# A worker silent this long is killed and replaced (its request gets a 502 from the proxy).
timeout = 30
# Graceful shutdown: on SIGTERM (systemd stop, docker stop) or a restart, workers stop taking
# requests and get this long to finish the ones in flight before they are killed.
graceful_timeout = 30
keepalive = 5
# Replace each worker after about 1,000 requests, staggered so they never restart together:
# whatever memory a worker kept (fragmentation, caches of libraries) is handed back.
max_requests = 1000
max_requests_jitter = 100
# Request lines and headers past these get a 400 from gunicorn before the app sees them.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# Metrics (METRICS_TOKEN set): each worker writes its numbers to files in one folder, and the
# worker that answers /metrics adds them up. Chosen before the app is imported anywhere.
_made_metrics_folder = False
if os.environ.get("METRICS_TOKEN") and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="nexus-board-metrics-")
    _made_metrics_folder = True

from nexus_board.operations.logs import gunicorn_logging  # noqa: E402  (after the folder is set)

# The access log, with the request id the app echoes (nginx's, or one the app made).
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" request_id=%({x-request-id}o)s'
# LOG_FORMAT=json: gunicorn's lines and the app's are JSON objects, one a line.
logconfig_dict = gunicorn_logging(os.environ.get("LOG_FORMAT", "text"))


def on_starting(server):
    """In the master, before any worker: tell the app how many workers serve (its start-up
    checks need it) and clear the metrics of a previous run."""
    os.environ["NEXUS_WEB_WORKERS"] = str(server.cfg.workers)
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        for stale in Path(folder).glob("*.db"):
            stale.unlink()


def child_exit(server, worker):
    """A worker ended: its live gauges go, its counters stay counted."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    if _made_metrics_folder:
        shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)
