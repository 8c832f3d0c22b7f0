"""What the benchmark's bulk rows are made of, and how they are inserted."""

from itertools import islice

from sqlalchemy import func, insert, select

from nexus_board.extensions import db

BATCH = 5_000
PASSWORD = "bench-password-not-secret"  # noqa: S105  (a throwaway local dataset)
RESOURCES = ["products", "orders", "carts", "users", "payments", "reviews", "invoices",
             "shipments", "coupons", "categories"]  # fmt: skip
TAGS = ["django", "drf", "postgresql", "celery", "docker", "redis", "nextjs", "typescript",
        "tailwind", "graphql", "react-query", "testing", "security", "openapi", "performance",
        "accessibility", "cors", "ci", "caching", "auth"]  # fmt: skip
TOPICS = ["Python", "Django", "REST APIs", "GraphQL", "Docker", "CI/CD", "PostgreSQL", "Redis",
          "Celery", "Next.js", "TypeScript", "Tailwind CSS", "React", "React Query", "Testing",
          "Database Design", "Caching Strategies", "Authentication", "Accessibility",
          "State Management", "Pagination", "WebSockets", "Rate Limiting", "OpenAPI"]  # fmt: skip
PHRASES = [
    "Finished the pagination for the projects endpoint",
    "Paired on the **auth flow** and fixed the token refresh",
    "Wrote tests that count queries, so N+1 bugs fail CI",
    "Moved the long job to a background worker; requests stay fast",
    "Documented the endpoint with examples for the frontend",
    "Integrated the mock, then switched to the real API the same day",
    "Fixed a CORS error against the dev server",
    "Added skeleton loaders; no more layout jumps",
]
DESCRIPTION = (
    "Returns the {resource}, newest first.\n\n- `page` (default 1)\n- `search`: matches the "
    "name\n\nServed from the Redis cache for 60 s; **authenticated** clients see drafts too."
)
STATUSES = ["open", "claimed", "in_progress", "done"]


def next_id(model) -> int:
    return (db.session.scalar(select(func.max(model.id))) or 0) + 1


def insert_rows(target, rows) -> None:
    table, rows = getattr(target, "__table__", target), iter(rows)
    while batch := list(islice(rows, BATCH)):
        db.session.execute(insert(table), batch)
