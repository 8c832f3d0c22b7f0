"""Bulk profiles for the benchmark's learners: details, learnings, challenges, takeaways."""

import random

from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Challenge, Learning, Profile, Takeaway, Topic
from nexus_board.models.profile import challenge_tags
from nexus_board.profiles.rules import topic_key

from .rows import TOPICS, insert_rows, next_id


def add_profiles(rng: random.Random, now, extra: list[int]) -> None:
    """Each new learner: details, six learnings, two tagged challenges, three takeaways."""
    known = set(db.session.scalars(select(Topic.key)))
    fresh, first = [n for n in TOPICS if topic_key(n) not in known], next_id(Topic)
    insert_rows(
        Topic,
        ({"id": first + n, "key": topic_key(name), "name": name} for n, name in enumerate(fresh)),
    )
    topics = list(db.session.scalars(select(Topic.id)))
    insert_rows(
        Profile,
        (
            {
                "user_id": user,
                "headline": "Backend learner, Project Nexus",
                "overview": "I build **REST APIs** with Django and document them with OpenAPI.",
                "project_focus": "An e-commerce API: catalog, cart, checkout.",
                "discord_handle": f"learner{user}",
                "github_url": f"https://github.com/l{user}",
                "updated_at": now,
            }
            for user in extra
        ),
    )
    ids = {model: next_id(model) for model in (Learning, Challenge, Takeaway)}
    rows = {Learning: [], Challenge: [], challenge_tags: [], Takeaway: []}
    for user in extra:
        for at, topic in enumerate(rng.sample(topics, 6)):
            rows[Learning].append(
                {
                    "id": ids[Learning] + len(rows[Learning]),
                    "user_id": user,
                    "position": at,
                    "topic_id": topic,
                    "kind": "technology" if at < 4 else "concept",
                    "note": "Used it every day.",
                }
            )
        for at in range(2):
            challenge = ids[Challenge] + len(rows[Challenge])
            rows[Challenge].append(
                {
                    "id": challenge,
                    "user_id": user,
                    "position": at,
                    "title": f"Challenge {at + 1}: N+1 queries",
                    "solution": "`select_related`, and a test that counts queries.",
                }
            )
            learning = ids[Learning] + len(rows[Learning]) - 1 - at
            rows[challenge_tags].append({"challenge_id": challenge, "learning_id": learning})
        for at in range(3):
            rows[Takeaway].append(
                {
                    "id": ids[Takeaway] + len(rows[Takeaway]),
                    "user_id": user,
                    "position": at,
                    "text": "Write the contract first; mocks unblock the frontend.",
                }
            )
    for target, values in rows.items():
        insert_rows(target, values)
