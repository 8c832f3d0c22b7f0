"""A small, realistic demo cohort, for trying the app on a laptop."""

from sqlalchemy import func, select

from .auth import services
from .board.demo import seed_board
from .extensions import db
from .models import Role, User
from .profiles.demo import seed_profiles
from .updates.demo import seed_updates
from .verify.demo import seed_verifications

LEARNERS = [
    # username, display name, track
    ("ada", "Ada Okafor", "backend"),
    ("brian", "Brian Mwangi", "backend"),
    ("chioma", "Chioma Eze", "backend"),
    ("dawit", "Dawit Bekele", "backend"),
    ("esi", "Esi Mensah", "backend"),
    ("farah", "Farah Haddad", "backend"),
    ("gabriel", "Gabriel Nunes", "frontend"),
    ("hana", "Hana Tesfaye", "frontend"),
    ("ibrahim", "Ibrahim Sow", "frontend"),
    ("joy", "Joy Adeyemi", "frontend"),
    ("kofi", "Kofi Boateng", "frontend"),
    ("lina", "Lina Karimi", "frontend"),
    ("mentor", "Grace Mentor", "backend"),
]

# Each area adds a function taking (learners by username) that seeds its own data.
SEEDERS = [seed_profiles, seed_board, seed_updates, seed_verifications]


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
        )
    learners["mentor"].role = Role.ADMIN
    for seeder in SEEDERS:
        seeder(learners)
    return len(learners)
