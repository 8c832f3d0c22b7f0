"""Demo teams: a project looking for a frontend partner, its working agreement, a join request."""

from sqlalchemy import select

from ..extensions import db
from ..models import Project, User
from . import services


def seed_teams(learners: dict[str, User]) -> None:
    shop = db.session.scalar(select(Project).where(Project.slug == "e-commerce-api"))
    movies = db.session.scalar(select(Project).where(Project.slug == "movie-recommendation-api"))
    if shop is not None:
        services.edit_details(shop, learners["ada"], description="A shop for a campus "
                              "bookstore: products, a cart and checkout.",
                              repository_url="https://github.com/ada/project-nexus",
                              looking_for="")  # fmt: skip
        services.edit_agreement(shop, learners["ada"], services.STARTER, 0)
        services.ask_to_join(shop, learners["lina"])
    if movies is not None:
        services.edit_details(movies, learners["dawit"], description="Trending and "
                              "recommended movies, cached in Redis.", repository_url="",
                              looking_for="frontend")  # fmt: skip
