"""Demo updates: a fortnight of a cohort's posts with tags and mentions, and one announcement."""

from datetime import timedelta

from ..models import User
from ..models.types import utcnow
from .services import post_update

# (author, hours ago, text), oldest first.
UPDATES = [
    ("ada", 330, "Kicked off Project Nexus today. Reading up on #drf viewsets and routers first."),
    (
        "gabriel",
        320,
        "Set up the #nextjs app with #typescript and #tailwind. Looking for a backend "
        "partner for the projects list. @ada are your endpoints public yet?",
    ),
    (
        "brian",
        300,
        "Docker compose with #postgresql and Redis is up. `docker compose up` and "
        "you are in. #docker",
    ),
    (
        "hana",
        290,
        "Trying #react-query for the first time; caching server state is so much "
        "nicer than useEffect soup.",
    ),
    (
        "chioma",
        270,
        "Wrote my first #celery task: sending welcome emails off the request path. "
        "Retries with backoff saved me twice already.",
    ),
    (
        "ibrahim",
        250,
        "Anyone else fighting CORS against the local API? Adding the dev server "
        "origin fixed it. cc @dawit #cors",
    ),
    (
        "dawit",
        245,
        "@ibrahim yes: `django-cors-headers` with `CORS_ALLOWED_ORIGINS`, never allow "
        "all in production. #django #cors",
    ),
    (
        "esi",
        220,
        "Documented the auth endpoints with drf-spectacular. Swagger UI at "
        "`/api/docs/`. #drf #openapi",
    ),
    (
        "joy",
        200,
        "Built the project card grid. Lighthouse accessibility at 100 after adding "
        "labels to the icon buttons. #accessibility #nextjs",
    ),
    (
        "farah",
        180,
        "Cursor pagination instead of offsets: no duplicates when new rows arrive "
        "while someone scrolls. #drf #postgresql",
    ),
    (
        "kofi",
        160,
        "Generated TypeScript types from the OpenAPI schema. One source of truth for "
        "request shapes. Thanks @esi! #typescript #openapi",
    ),
    (
        "ada",
        140,
        "Added `select_related` to the projects endpoint: **41 queries down to 3**. "
        "#django #performance",
    ),
    ("lina", 120, "First #graphql query against the Apollo server works. Pagination next."),
    ("brian", 100, "Rate limiting the login endpoint with django-ratelimit. #security #django"),
    (
        "gabriel",
        80,
        "Integrated the projects list from @ada's contract. Mock first, real API the "
        "same afternoon. #nextjs #react-query",
    ),
    (
        "chioma",
        60,
        "Challenge: N+1 queries in the serializer. Solution: `prefetch_related` and a "
        "test that counts queries. #django #testing",
    ),
    ("hana", 40, "Skeleton loaders while React Query fetches; no more layout jumps. #react-query"),
    ("dawit", 24, "Moved secrets to environment variables and rotated the Django key. #security"),
    (
        "joy",
        10,
        "Pairing with @kofi on form validation messages next to each field. #accessibility",
    ),
    ("esi", 3, "Celery beat now cleans expired sessions nightly. #celery #django"),
]

ANNOUNCEMENT = (
    "**Demo day is Friday at 15:00 UTC.** Each pair shows one endpoint end to end: the contract, "
    "the mock, the real API. Post your slides link here with #demoday. @ada @gabriel you open."
)


def seed_updates(learners: dict[str, User]) -> None:
    """Post the demo updates (spread over two weeks) and mentor's pinned announcement."""
    now = utcnow()
    for username, hours_ago, text in UPDATES:
        update = post_update(learners[username], text)
        update.created_at = now - timedelta(hours=hours_ago)
    announcement = post_update(learners["mentor"], ANNOUNCEMENT, announcement=True)
    announcement.created_at = announcement.pinned_at = now - timedelta(hours=20)
