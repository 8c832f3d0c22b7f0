# Nexus Board as docs/deploy.md installs it, in an image: the same commands and variables.
# compose.yaml runs it as the app, the task-queue worker and the migration step.

# htmx and Swagger UI come from npm at build time (`make vendor`), as on a server.
FROM node:22-bookworm-slim AS front-end
WORKDIR /srv/nexus-board
RUN apt-get update && apt-get install -y --no-install-recommends make \
    && rm -rf /var/lib/apt/lists/*
COPY Makefile package.json package-lock.json ./
RUN make vendor

FROM python:3.11-slim-bookworm
WORKDIR /srv/nexus-board
RUN useradd --system --home /srv/nexus-board --shell /usr/sbin/nologin nexus
COPY . .
COPY --from=front-end /srv/nexus-board/static/vendor static/vendor
RUN python3 -m venv .venv \
    && .venv/bin/pip install --no-cache-dir -e ".[production]" \
    && mkdir -p instance /backups && chown nexus: instance /backups
ENV PATH=/srv/nexus-board/.venv/bin:$PATH \
    NEXUS_ENV=production \
    BIND=0.0.0.0:8000 \
    PROMETHEUS_MULTIPROC_DIR=/tmp/nexus-board-metrics
USER nexus
EXPOSE 8000
CMD ["gunicorn", "wsgi:app"]
