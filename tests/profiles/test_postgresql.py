"""Profiles on PostgreSQL, which enforces column lengths and integer ranges SQLite ignores."""

import io

import pytest
from sqlalchemy import func, select

from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.models import Challenge, Learning, PendingImport, Takeaway, Topic

from ..conftest import Auth
from .test_readme import REFERENCE

pytestmark = pytest.mark.services
HX = {"HX-Request": "true"}


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def client(make_app, postgres_database):
    """Élodie, signed in, on an app backed by a fresh PostgreSQL database."""
    app = make_app(SQLALCHEMY_DATABASE_URI=postgres_database)
    with app.app_context():
        accounts.register(
            username="elodie", display_name="Élodie Martin", password="x" * 12, track="backend"
        )
        db.session.commit()
    client = app.test_client()
    Auth(client).sign_in("elodie", password="x" * 12)
    return client


def test_hostile_input_is_refused_not_a_500_on_postgresql(client):
    for name in ("ß" * 120, "\ufdfa" * 10):
        data = {"new-technologies-name": name}
        response = client.post("/u/elodie/technologies", data=data, headers=HX)
        assert response.status_code == 422
        assert "the limit is 120" in response.get_data(as_text=True)
    saved = client.post("/u/elodie/technologies", data={"new-technologies-name": "ß" * 60})
    assert saved.status_code == 200
    with client.application.app_context():
        learning_id = db.session.scalar(select(Learning.id))
    for tag in ("9999999999999999999999999", "2147483648", "²"):
        data = {"new-challenges-title": "Slow", "new-challenges-tag_ids": [learning_id, tag]}
        response = client.post("/u/elodie/challenges", data=data, headers=HX)
        assert response.status_code == 422
    assert client.get("/learners?page=9999999999999999999999999").status_code == 200
    assert client.get("/learners?page=99999999999").status_code == 200  # past bigint offsets
    nul = io.BytesIO("# Me\n\nA\x00B\n".encode("utf-16"))
    upload = client.post(
        "/u/elodie/import",
        data={"readme": (nul, "README.md")},
        content_type="multipart/form-data",
    )
    assert upload.status_code == 415
    with client.application.app_context():
        assert count(Learning) == count(Topic) == 1 and count(Challenge) == 0
        assert db.session.scalar(select(Topic.key)) == "s" * 120
        assert count(PendingImport) == 0


def test_import_and_directory_search_on_postgresql(client):
    location = client.post("/u/elodie/import", data={"text": REFERENCE.read_text()}).location
    assert client.post(f"{location}/confirm").status_code == 303
    too_many = "## Takeaways\n\n" + "".join(f"{n}. T{n}\n" for n in range(1, 202))
    location = client.post("/u/elodie/import", data={"text": too_many}).location
    assert client.post(f"{location}/confirm").status_code == 422
    with client.application.app_context():
        assert count(Takeaway) > 0 and count(Challenge) > 0
        assert count(Takeaway) < 200
    client.post("/sign-out")
    for query in ("élodie", "ÉLODIE", "django"):
        html = client.get(f"/learners?q={query}").get_data(as_text=True)
        assert "Élodie Martin" in html, query
