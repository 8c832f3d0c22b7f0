"""Entry point for gunicorn: `gunicorn wsgi:app`."""

from nexus_board import create_app

app = create_app()
