"""gunicorn's settings, read from this folder by `gunicorn wsgi:app` (command-line flags win).

No request can pin a worker: every request's work is capped by `nexus_board/limits.py`, and
these are the backstops should one still run long or a worker grow.
"""

# A worker silent this long is killed and replaced (its request gets a 502 from the proxy).
timeout = 30
graceful_timeout = 10  # on restart, in-flight requests get this long to finish
keepalive = 5
# Replace each worker after about 1,000 requests, staggered so they never restart together:
# whatever memory a worker kept (fragmentation, caches of libraries) is handed back.
max_requests = 1000
max_requests_jitter = 100
# Request lines and headers past these get a 400 from gunicorn before the app sees them.
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190
