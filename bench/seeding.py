"""Bulk rows for the benchmark: learners with profiles, contracts in every column, updates.

Rows are plain values with their ids known in advance, inserted a few thousand at a time (no
ORM objects, no flush per row). The same seed gives the same rows every run.
"""

import random
import secrets
from datetime import timedelta

from sqlalchemy import select

from nexus_board.auth.services import hash_password
from nexus_board.extensions import db
from nexus_board.models import Project, Update, UpdateTag, User
from nexus_board.models.types import utcnow
from nexus_board.models.update import update_mentions
from nexus_board.updates.text import scan

from .contract_rows import add_contracts
from .profile_rows import add_profiles
from .rows import PASSWORD, PHRASES, TAGS, insert_rows, next_id

TERM = timedelta(days=30)  # updates spread over it, older than the demo's first (two weeks)


class Seeder:
    """Adds a cohort of `size` (a dataset.Size) to the demo's."""

    def __init__(self, size):
        self.size, self.rng, self.now = size, random.Random(7), utcnow()

    def run(self) -> None:
        learners, extra = self.learners()
        add_profiles(self.rng, self.now, extra)
        contracts = add_contracts(
            self.rng, self.now, learners, self.projects(), self.size.contracts
        )
        self.updates(learners, contracts)

    def learners(self) -> tuple[list[tuple[int, str]], list[int]]:
        """Every learner (the demo's too) as (id, track), and the ids of the new ones."""
        first, extra, password_hash = (
            next_id(User),
            self.size.learners - 13,
            hash_password(PASSWORD),
        )
        insert_rows(
            User,
            (
                {
                    "id": first + n,
                    "username": f"learner{n:04d}",
                    "display_name": f"Learner {n:04d}",
                    "email": f"learner{n:04d}@example.com",
                    "password_hash": password_hash,
                    "track": "backend" if n % 2 else "frontend",
                    "role": "learner",
                    "session_token": secrets.token_urlsafe(24),
                    "created_at": self.now,
                }
                for n in range(extra)
            ),
        )
        every = db.session.execute(select(User.id, User.track))
        return [(user, str(track)) for user, track in every], list(range(first, first + extra))

    def projects(self) -> list[int]:
        first = next_id(Project)
        insert_rows(
            Project,
            (
                {
                    "id": first + n,
                    "name": f"Bench project {n}",
                    "slug": f"bench-project-{n}",
                    "created_at": self.now,
                }
                for n in range(self.size.projects - 4)
            ),
        )
        return list(db.session.scalars(select(Project.id)))

    def updates(self, learners, contracts) -> None:
        """Updates over the past month, with #tags, some @mentions, some about a contract."""
        rng, now, total, first = self.rng, self.now, self.size.updates, next_id(Update)
        names = dict(db.session.execute(select(User.id, User.username)).all())
        people = sorted(names)
        rows = {Update: [], UpdateTag: [], update_mentions: []}
        for n in range(total):
            author, mentioned = rng.sample(people, 2)
            tags = " ".join(f"#{tag}" for tag in rng.sample(TAGS, rng.randint(0, 3)))
            mention = f" with @{names[mentioned]}" if rng.random() < 0.3 else ""
            body, update = f"{rng.choice(PHRASES)}{mention}. {tags}".strip(), first + n
            rows[Update].append(
                {
                    "id": update,
                    "author_id": author,
                    "body": body,
                    "announcement": False,
                    "pinned_at": None,
                    "created_at": now - TERM * (total - n) / total,
                    "contract_id": rng.choice(contracts) if n % 2 == 0 else None,
                }
            )
            rows[UpdateTag] += [{"update_id": update, "tag": tag} for tag in scan(body).tags]
            if mention:
                rows[update_mentions].append({"update_id": update, "user_id": mentioned})
        for target, values in rows.items():
            insert_rows(target, values)
