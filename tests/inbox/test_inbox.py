"""The inbox: newest first with unread breaking changes on top, marking read, the badge that
answers 304 with no SQL while nothing changed, and the kinds each learner turns off."""

import re

from sqlalchemy import func, select

from nexus_board.board import services
from nexus_board.extensions import db
from nexus_board.models import Contract, InboxSetting, Notification, User

from ..board.factories import draft, post

HTMX = {"HX-Request": "true"}


def claimed(app, cast, **fields) -> int:
    with app.app_context():
        return post(cast["ada"], state="claimed", claimer_id=cast["gabriel"], **fields)


def edit(app, contract_id: int, **fields) -> None:
    with app.app_context():
        row = db.session.get(Contract, contract_id)
        ada = db.session.get(User, row.author_id)
        services.update_contract(row, draft(**fields), ada, expected_version=row.version)
        db.session.commit()


def unread(app, username: str) -> int:
    with app.app_context():
        query = select(func.count()).select_from(Notification).join(User)
        return db.session.scalar(
            query.where(User.username == username, Notification.read_at.is_(None))
        )


def badge(client, person: int, etag: str | None = None):
    headers = HTMX | ({"If-None-Match": etag} if etag else {})
    return client.get(f"/inbox/badge?for={person}", headers=headers)


def test_the_inbox_lists_newest_first_each_linked(app, cast, client_as):
    first = claimed(app, cast, path="/api/v1/first")
    second = claimed(app, cast, path="/api/v1/second")
    page = client_as("ada").get("/inbox").get_data(as_text=True)
    assert page.index("/api/v1/second") < page.index("/api/v1/first")
    assert f'href="/contracts/{first}"' in page and f'href="/contracts/{second}"' in page
    assert "You posted it." in page and "2 unread" in page


def test_breaking_changes_are_marked_and_listed_first_for_the_claimer(app, cast, client_as):
    broken = claimed(app, cast, path="/api/v1/broken/{id}")
    calm = claimed(app, cast, path="/api/v1/calm/{id}")
    edit(app, broken, path="/api/v1/moved/{id}")  # a path change breaks the claimer
    edit(app, calm, path="/api/v1/calm/{id}", summary="Clearer words")  # this one does not
    page = client_as("gabriel").get("/inbox").get_data(as_text=True)
    top, rest = page.split("Everything else")
    assert "Breaking changes to contracts you hold" in top and "/api/v1/moved/{id}" in top
    assert "The path changed from /api/v1/broken/{id} to /api/v1/moved/{id}: calls to" in top
    assert "/api/v1/calm/{id}" in rest and "/api/v1/calm/{id}" not in top
    assert top.count("badge-breaking") == 1


def test_mark_one_read_then_all(app, cast, client_as):
    for n in range(3):
        claimed(app, cast, path=f"/api/v1/n{n}")
    ada = client_as("ada")
    with app.app_context():
        first = db.session.scalar(select(Notification.id).order_by(Notification.id))
    response = ada.post(f"/inbox/{first}/read", headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html
    assert f'id="notification-{first}"' in html and "Mark as read" not in html.split("</li>")[0]
    assert 'id="inbox-badge"' in html and 'hx-swap-oob="outerHTML"' in html and ">2<" in html
    assert unread(app, "ada") == 2
    response = ada.post("/inbox/read")
    assert response.status_code == 303 and response.headers["Location"] == "/inbox"
    assert unread(app, "ada") == 0
    assert "Marked 2 notifications as read." in ada.get("/inbox").get_data(as_text=True)


def test_nobody_marks_anothers_notification_read(app, cast, client_as):
    claimed(app, cast)
    with app.app_context():
        mine = db.session.scalar(select(Notification.id))
    assert client_as("brian").post(f"/inbox/{mine}/read").status_code == 404
    assert unread(app, "ada") == 1


def test_the_badge_answers_304_with_no_sql_until_the_inbox_changes(
    app, cast, client_as, count_queries
):
    ada = client_as("ada")
    first = badge(ada, cast["ada"])
    assert first.status_code == 200 and "count-badge" not in first.get_data(as_text=True)
    assert {"Cookie", "HX-Request"} <= set(first.vary)
    with count_queries() as statements:
        again = badge(ada, cast["ada"], first.headers["ETag"])
    assert again.status_code == 304 and statements == []
    claimed(app, cast)  # gabriel claims ada's contract: her inbox marker moves
    news = badge(ada, cast["ada"], first.headers["ETag"])
    assert news.status_code == 200 and re.search(r'count-badge">1<', news.get_data(as_text=True))
    assert badge(ada, cast["ada"], news.headers["ETag"]).status_code == 304


def test_someone_elses_change_leaves_my_badge_at_304(app, cast, client_as):
    hana = client_as("hana")
    etag = badge(hana, cast["hana"]).headers["ETag"]
    claimed(app, cast)  # ada hears of it, hana does not
    assert badge(hana, cast["hana"], etag).status_code == 304


def test_a_badge_etag_is_good_only_for_its_own_account(app, cast, client_as):
    ada = client_as("ada")
    etag = badge(ada, cast["ada"]).headers["ETag"]
    assert badge(ada, cast["ada"], etag).status_code == 304
    # Bound to the device's session key: her other browser revalidates with its own.
    assert badge(client_as("ada"), cast["ada"], etag).status_code == 200
    assert badge(client_as("brian"), cast["ada"], etag).status_code == 200  # not brian's
    assert badge(app.test_client(), cast["ada"], etag).status_code == 204  # signed out


def test_the_navigation_shows_the_unread_count(app, cast, client_as):
    claimed(app, cast)
    page = client_as("ada").get("/board").get_data(as_text=True)
    link = re.search(r'<a id="inbox-badge".*?</a>', page, re.S).group(0)
    assert f"/inbox/badge?for={cast['ada']}" in link and "1</span>" in link
    assert "Inbox" in link and "unread" in link


def test_kinds_turned_off_stay_out_of_the_inbox_but_mentions_still_come(app, cast, client_as):
    ada = client_as("ada")
    kinds = ["contract.unclaimed", "contract.moved", "mention"]  # claims and comments off
    response = ada.post("/settings/notifications", data={"in_app": kinds, "url": ""})
    assert response.status_code == 303
    contract_id = claimed(app, cast)
    gabriel = client_as("gabriel")
    gabriel.post(f"/contracts/{contract_id}/comments", data={"body": "A question"})
    assert unread(app, "ada") == 0
    gabriel.post(f"/contracts/{contract_id}/comments", data={"body": "Over to you @ada"})
    assert unread(app, "ada") == 1
    with app.app_context():
        off = set(db.session.scalars(select(InboxSetting.kind).where(~InboxSetting.in_app)))
        reason = db.session.scalar(select(Notification.reason))
    assert {"contract.claimed", "contract.commented"} <= off and reason == "mentioned"
    page = ada.get("/settings/notifications").get_data(as_text=True)
    assert re.search(r'value="contract.moved" aria-label="Moves in the app" checked', page)
    assert not re.search(r'value="contract.claimed" aria-label="Claims in the app" checked', page)


def test_the_inbox_needs_signing_in(client):
    assert client.get("/inbox").status_code == 302
    assert client.get("/settings/notifications").status_code == 302


def test_the_navigation_counts_with_the_device_in_the_same_statement(
    app, cast, client_as, count_queries
):
    claimed(app, cast)
    claimed(app, cast, path="/api/v1/second")
    ada = client_as("ada")
    with count_queries() as statements:
        page = ada.get("/learners").get_data(as_text=True)
    assert re.search(r'count-badge">2<', page)
    counts = [s for s in statements if "FROM notifications" in s]
    assert len(counts) == 1 and "FROM devices" in counts[0]  # read with the device
    with app.app_context():
        first = db.session.scalar(select(Notification).order_by(Notification.id))
        first.read_at = first.created_at  # as another worker's request would
        db.session.commit()
    assert re.search(r'count-badge">1<', ada.get("/learners").get_data(as_text=True))
