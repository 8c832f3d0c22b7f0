"""A realistic dataset for the benchmark: a cohort of 73, 2,500 updates, 2,000 contracts."""

import random
from datetime import timedelta

from flask_migrate import upgrade

from nexus_board import create_app
from nexus_board.auth.services import hash_password
from nexus_board.demo import seed
from nexus_board.extensions import db
from nexus_board.models import (
    Contract,
    ContractResponse,
    ContractStatus,
    ContractTag,
    Project,
    Track,
    Update,
    UpdateTag,
    User,
)
from nexus_board.models.types import utcnow
from nexus_board.updates.text import scan

EXTRA_LEARNERS = 60
UPDATES = 2500
CONTRACTS = 2000
RESOURCES = ["products", "orders", "carts", "users", "payments", "reviews", "invoices",
             "shipments", "coupons", "categories"]  # fmt: skip
PASSWORD = "bench-password-not-secret"  # noqa: S105  (a throwaway local dataset)
TAGS = ["django", "drf", "postgresql", "celery", "docker", "redis", "nextjs", "typescript",
        "tailwind", "graphql", "react-query", "testing", "security", "openapi", "performance",
        "accessibility", "cors", "ci", "caching", "auth"]  # fmt: skip
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


def build(settings: dict) -> None:
    """Migrate the empty database the app `settings` name, and fill it."""
    app = create_app(settings)
    with app.app_context():
        upgrade()
        seed(password=PASSWORD)
        learners = _extra_learners()
        db.session.flush()
        _updates(learners)
        _contracts(learners)
        db.session.commit()
        db.engine.dispose()


def _extra_learners() -> list[User]:
    password_hash = hash_password(PASSWORD)
    learners = [
        User(
            username=f"learner{n:02d}",
            display_name=f"Learner {n:02d}",
            email=f"learner{n:02d}@example.com",
            password_hash=password_hash,
            track=Track.BACKEND if n % 2 else Track.FRONTEND,
        )
        for n in range(EXTRA_LEARNERS)
    ]
    db.session.add_all(learners)
    return learners


def _updates(learners: list[User]) -> None:
    rng = random.Random(5)  # the same dataset every run
    now = utcnow()
    for n in range(UPDATES):
        author, mentioned = rng.sample(learners, 2)
        tags = " ".join(f"#{tag}" for tag in rng.sample(TAGS, rng.randint(0, 3)))
        mention = f" with @{mentioned.username}" if rng.random() < 0.3 else ""
        body = f"{rng.choice(PHRASES)}{mention}. {tags}".strip()
        update = Update(
            author=author,
            body=body,
            created_at=now - timedelta(minutes=37 * (UPDATES - n)),
            tags=[UpdateTag(tag=tag) for tag in scan(body).tags],
            mentions=[mentioned] if mention else [],
        )
        db.session.add(update)


def _contracts(learners: list[User]) -> None:
    """A busy board: contracts in every column, over ten projects, with tags and responses."""
    rng = random.Random(7)
    backend = [u for u in learners if u.track is Track.BACKEND]
    frontend = [u for u in learners if u.track is Track.FRONTEND]
    projects = [Project(name=f"Bench project {n}", slug=f"bench-project-{n}") for n in range(10)]
    now = utcnow()
    statuses = list(ContractStatus)
    for n in range(CONTRACTS):
        status = statuses[n % len(statuses)]
        resource = RESOURCES[n % len(RESOURCES)]
        path = f"/api/v1/{resource}/{n}/{{id}}"
        db.session.add(
            Contract(
                project=projects[n % len(projects)],
                method=rng.choice(["GET", "POST", "PATCH", "DELETE"]),
                path=path,
                path_key=path.replace("{id}", "{}"),
                summary=f"{resource.title()} endpoint {n}",
                status=status,
                author=rng.choice(backend),
                claimer=None if status is ContractStatus.OPEN else rng.choice(frontend),
                seen_version=None if status is ContractStatus.OPEN else 1,
                status_changed_at=now - timedelta(minutes=n),
                responses=[
                    ContractResponse(status_code=200, description="OK", example='{"id": 1}')
                ],
                tags=[ContractTag(name=resource), ContractTag(name=rng.choice(TAGS))],
            )
        )
