"""The benchmark's data, by size: the demo cohort, then a bulk cohort (`seeding.py`).

The large size, about 250,000 rows (1,000 learners with profiles, 10,000 contracts over 50
projects with revisions and comments, 50,000 updates), seeds in well under a minute.
"""

from dataclasses import dataclass

from flask_migrate import upgrade
from sqlalchemy import func, select

from nexus_board import create_app, database
from nexus_board.demo import seed
from nexus_board.extensions import db
from nexus_board.models import Contract, ContractStatus, Update
from nexus_board.operations.backup import sequences
from nexus_board.updates.queries import PAGE_SIZE, cursor_of

from .rows import PASSWORD
from .seeding import Seeder


@dataclass(frozen=True)
class Size:
    learners: int  # the demo's 13 included
    projects: int  # the demo's 4 included
    contracts: int  # besides the demo's 10
    updates: int  # besides the demo's 21


SIZES = {
    "smoke": Size(learners=30, projects=6, contracts=100, updates=300),
    "medium": Size(learners=73, projects=14, contracts=2_000, updates=2_500),
    "large": Size(learners=1_000, projects=50, contracts=10_000, updates=50_000),
}


def build(settings: dict, size: Size) -> None:
    """Migrate the empty database the app `settings` name, and fill it."""
    app = create_app(settings)
    with app.app_context():
        upgrade()
        fill(size)
        if db.engine.dialect.name == "postgresql":
            # As autovacuum would soon after a bulk load: the planner's statistics, and the
            # visibility map that lets a count read an index alone.
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE")
        else:
            with db.engine.begin() as connection:  # as the app's restore does after its load
                database.analyze(connection)
        db.engine.dispose()


def fill(size: Size) -> None:
    """The demo cohort and a bulk one of `size`, in the app's empty tables."""
    seed(password=PASSWORD)
    db.session.commit()
    Seeder(size).run()
    db.session.commit()
    with db.engine.begin() as connection:  # explicit ids: each counter carries on past them
        sequences.carry_on(connection, list(db.metadata.tables.values()), {})


def landmarks() -> dict[str, str]:
    """Values the targets name: an edited contract, the feed's page 50 deep, an open contract."""
    edited = db.session.scalar(
        select(Contract.id).where(Contract.path == "/api/v1/products/0/{id}")
    )
    total = db.session.scalar(select(func.count()).select_from(Update))
    deep = max(min(50 * PAGE_SIZE, total - PAGE_SIZE), 0)  # or the deepest page there is
    update = db.session.scalars(
        select(Update).order_by(Update.created_at.desc(), Update.id.desc()).offset(deep)
    ).first()
    shown = Contract.hidden_at.is_(None), Contract.is_draft.is_(False)
    newest_open = db.session.scalar(  # the writer's: its card heads the Open column
        select(Contract.id)
        .where(Contract.status == ContractStatus.OPEN, *shown)
        .order_by(Contract.status_changed_at.desc(), Contract.id.desc())
    )
    return {"contract": str(edited), "deep_cursor": cursor_of(update), "open": str(newest_open)}
