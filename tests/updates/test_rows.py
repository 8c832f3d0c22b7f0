"""The lists' plain update rows say what the `Update` entities say, in one statement."""

from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Update
from nexus_board.updates import contracts, rows, services
from nexus_board.updates.queries import NEWEST

from ..board.factories import post

SHOWN = ("id", "author_id", "body", "announcement", "question", "pinned", "contract_id")


def test_rows_carry_what_the_entities_carry(users, count_queries):
    contract_id = post(users["ada"].id)
    services.post_update(users["ada"], "Plain #drf")
    services.post_update(users["gabriel"], "To @ada and @hana on #testing #api",
                         contract_id=contract_id, question=True)  # fmt: skip
    pinned = services.post_update(users["mentor"], "Read this #news", announcement=True)
    services.set_pinned(pinned, True, users["mentor"])
    db.session.commit()

    with count_queries() as statements:
        found, links = rows.read(
            rows.statement(select(Update).order_by(*NEWEST), tags=True), {}, tags=True
        )
    assert len(statements) == 1
    entities = db.session.scalars(select(Update).order_by(*NEWEST)).all()
    assert [r.id for r in found] == [e.id for e in entities] and len(found) == 3
    for row, entity in zip(found, entities, strict=True):
        assert [getattr(row, name) for name in SHOWN] == [getattr(entity, n) for n in SHOWN]
        assert row.created_at == entity.created_at and row.hidden_at is None
        assert row.tag_names == entity.tag_names
        assert [m.username for m in row.mentions] == sorted(u.username for u in entity.mentions)
        for name in ("username", "display_name", "track", "is_admin"):
            assert getattr(row.author, name) == getattr(entity.author, name)
    assert links == {contract_id: contracts.find(contract_id)}
    assert any(row.pinned for row in found) and found[1].mentions  # the cases were all there


def test_without_tags_a_row_lists_none_and_a_hidden_contract_gives_no_link(users):
    contract_id = post(users["ada"].id, is_draft=True)  # a draft: nobody else sees it
    services.post_update(users["ada"], "Note #drf")
    update = db.session.scalar(select(Update))
    update.contract_id = contract_id
    db.session.commit()
    (row,), links = rows.read(rows.statement(select(Update)), {})
    assert row.tag_names == [] and links == {} and row.contract_id == contract_id
