"""The rules for updates, without HTTP: posting, tags and mentions, deleting, pinning."""

import pytest
from sqlalchemy import func, select

from nexus_board.errors import Forbidden, Invalid, NotFound
from nexus_board.extensions import db
from nexus_board.models import Update, UpdateTag, User
from nexus_board.updates import contracts, services
from nexus_board.updates.lookup import get_update_or_404

from ..board.factories import post


def test_posting_stores_text_tags_and_mentions_of_existing_users(users):
    update = services.post_update(
        users["ada"], "  Paired with @Gabriel and @ghost on #DRF #testing #drf  "
    )
    db.session.commit()
    stored = db.session.get(Update, update.id)
    assert stored.body == "Paired with @Gabriel and @ghost on #DRF #testing #drf"
    assert stored.tag_names == ["drf", "testing"]
    assert [user.username for user in stored.mentions] == ["gabriel"]
    assert stored.author.username == "ada" and not stored.announcement and not stored.pinned
    assert stored.created_at.tzinfo is not None


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "Write something first."), ("   \n ", "Write something first."),
     ("x" * 1001, "Keep it to 1,000 characters; this is 1,001.")],
)  # fmt: skip
def test_empty_or_too_long_updates_are_refused_and_nothing_is_written(users, body, message):
    with pytest.raises(Invalid) as refused:
        services.post_update(users["ada"], body)
    assert refused.value.errors == {"body": message}
    assert db.session.scalar(select(func.count()).select_from(Update)) == 0


def test_a_thousand_characters_fit_even_with_windows_line_breaks(users):
    body = "\r\n".join(["x" * 99] * 10)  # 990 letters + 9 breaks the browser sent as CRLF
    update = services.post_update(users["ada"], body)
    assert len(update.body) == 999 and "\r" not in update.body


def test_only_admins_post_announcements_which_are_pinned(users):
    with pytest.raises(Forbidden):
        services.post_update(users["ada"], "Listen up", announcement=True)
    announcement = services.post_update(users["mentor"], "Demo day Friday", announcement=True)
    assert announcement.announcement and announcement.pinned


def test_admins_pin_and_unpin_announcements_only(users):
    announcement = services.post_update(users["mentor"], "Demo day", announcement=True)
    plain = services.post_update(users["ada"], "Hello")
    with pytest.raises(Forbidden):
        services.set_pinned(announcement, False, by=users["ada"])
    with pytest.raises(Invalid, match="Only announcements"):
        services.set_pinned(plain, True, by=users["mentor"])
    services.set_pinned(announcement, False, by=users["mentor"])
    assert not announcement.pinned
    services.set_pinned(announcement, True, by=users["mentor"])
    assert announcement.pinned


def test_authors_delete_their_own_admins_any_others_none(users):
    first = services.post_update(users["ada"], "First #django")
    second = services.post_update(users["ada"], "Second mentioning @gabriel")
    db.session.commit()
    with pytest.raises(Forbidden):
        services.delete_update(first, by=users["gabriel"])
    services.delete_update(first, by=users["ada"])
    services.delete_update(second, by=users["mentor"])
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Update)) == 0
    assert db.session.scalar(select(func.count()).select_from(UpdateTag)) == 0
    assert db.session.get(User, users["gabriel"].id) is not None  # mentions go, users stay


def test_missing_update_is_not_found(app):
    with app.app_context(), pytest.raises(NotFound):
        get_update_or_404(12345)


def test_a_contract_link_must_name_a_contract(users, app):
    with pytest.raises(Invalid) as refused:
        services.post_update(users["ada"], "About a contract", contract_id=7)
    assert "contract" in refused.value.errors
    contract_id = post(users["ada"].id)
    update = services.post_update(users["ada"], "About a contract", contract_id=contract_id)
    assert update.contract_id == contract_id
    assert contracts.find(contract_id).title == "GET /api/v1/products/{id} — Get one product"
    assert contracts.choices_for(users["ada"]) == [(contract_id, contracts.find(contract_id).title)]
    assert contracts.choices_for(users["gabriel"]) == []
