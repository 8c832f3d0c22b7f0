"""Updates, the feed's cursors and the hub on PostgreSQL, as in production."""

from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from flask_migrate import upgrade

from nexus_board import create_app
from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.updates.services import post_update

from ..conftest import PASSWORD, Auth, Client, config_for
from .conftest import item_ids, older_link

pytestmark = pytest.mark.services


def test_feed_filters_cursors_and_hub_on_postgresql(tmp_path, postgres_database):
    app = create_app(config_for(tmp_path) | {"SQLALCHEMY_DATABASE_URI": postgres_database})
    app.test_client_class = Client
    start = datetime(2026, 3, 1, tzinfo=UTC)
    with app.app_context():
        upgrade()
        ada = accounts.register(
            username="ada", display_name="Ada", password=PASSWORD, track="backend"
        )
        ids = []
        for n in range(25):
            update = post_update(ada, f"Step {n} #drf with @ada")
            update.created_at = start + timedelta(minutes=n // 2)  # ties on purpose
            ids.append(update.id)
        db.session.commit()
    client = app.test_client()
    page = client.get("/updates?tag=drf&learner=ada").get_data(as_text=True)
    fragment = client.get(older_link(page), headers={"HX-Request": "true"}).get_data(as_text=True)
    assert item_ids(page) + item_ids(fragment) == sorted(ids, reverse=True)
    assert "Step 24" in client.get("/").get_data(as_text=True)
    assert len(feedparser.parse(client.get("/updates.atom").get_data()).entries) == 25
    Auth(client).sign_in("ada")
    assert client.post(f"/updates/{ids[0]}/delete").status_code == 303
    assert client.get("/updates/news?after=").status_code == 200
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
