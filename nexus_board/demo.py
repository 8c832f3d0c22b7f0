"""A small, realistic demo cohort, for trying the app on a laptop."""

from sqlalchemy import func, select

from .auth import services
from .board.demo import seed_board
from .extensions import db
from .gql.demo import seed_graphql
from .models import Role, User
from .moderation.demo import seed_moderation
from .profiles.demo import seed_profiles
from .replies.demo import seed_questions
from .reviews.demo import seed_reviews
from .teams.demo import seed_teams
from .updates.demo import seed_updates
from .verify.demo import seed_verifications

# Display names by track; each learner's username is their first name in lower case.
COHORT = {
    "backend": ["Ada Okafor", "Brian Mwangi", "Chioma Eze", "Dawit Bekele", "Esi Mensah",
                "Farah Haddad"],
    "frontend": ["Gabriel Nunes", "Hana Tesfaye", "Ibrahim Sow", "Joy Adeyemi", "Kofi Boateng",
                 "Lina Karimi"],
}  # fmt: skip
LEARNERS = [(name.split()[0].lower(), name, track) for track, names in COHORT.items()
            for name in names] + [("mentor", "Grace Mentor", "backend")]  # fmt: skip

# Each area adds a function taking (learners by username) that seeds its own data.
SEEDERS = [seed_profiles, seed_board, seed_updates, seed_verifications, seed_questions,
           seed_reviews, seed_teams, seed_graphql, seed_moderation]  # fmt: skip


def seed(password: str) -> int:
    """Create the cohort once; returns how many learners were made (0 if already there)."""
    if db.session.scalar(select(func.count()).select_from(User)):
        return 0
    learners = {}
    for username, name, track in LEARNERS:
        learners[username] = services.register(
            username=username,
            display_name=name,
            password=password,
            track=track,
            email=f"{username}@example.com",
            role=Role.ADMIN if username == "mentor" else Role.LEARNER,
        )
    for seeder in SEEDERS:
        seeder(learners)
    return len(learners)
