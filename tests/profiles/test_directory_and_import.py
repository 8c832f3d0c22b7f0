"""The learners directory and the README import pages over HTTP."""

import io
import re

import pytest
from sqlalchemy import func, select

from nexus_board import create_app
from nexus_board.extensions import db
from nexus_board.models import Challenge, LearningKind, PendingImport, User
from nexus_board.profiles import services
from nexus_board.profiles.profile_views import PER_PAGE

from ..conftest import Client, config_for
from .test_readme import REFERENCE, SAMPLES

HX = {"HX-Request": "true"}


@pytest.fixture
def learned(app, cast):
    """The cast, with a technology for ada and a concept for gabriel."""
    with app.app_context():
        add = services.add_learning
        add(db.session.get(User, cast["ada"]), kind=LearningKind.TECHNOLOGY, name="Django")
        add(
            db.session.get(User, cast["gabriel"]),
            kind=LearningKind.CONCEPT,
            name="State Management",
        )
        db.session.commit()
    return cast


def names(html: str) -> list[str]:
    return re.findall(r'<h2 class="card-title"><a href="/u/\w+">([^<]+)</a>', html)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Ada Okafor", "Brian Mwangi", "Gabriel Nunes", "Hana Tesfaye"]),
        ("?q=HANA", ["Hana Tesfaye"]),
        ("?q=django", ["Ada Okafor"]),  # a technology
        ("?q=state%20management", ["Gabriel Nunes"]),  # a concept
        ("?track=frontend", ["Gabriel Nunes", "Hana Tesfaye"]),
        ("?q=a&track=backend", ["Ada Okafor", "Brian Mwangi"]),
        ("?q=ok&track=backend", ["Ada Okafor"]),
        ("?track=nonsense", ["Ada Okafor", "Brian Mwangi", "Gabriel Nunes", "Hana Tesfaye"]),
    ],
)
def test_directory_search_and_track_filter(client, learned, query, expected):
    response = client.get(f"/learners{query}")
    assert response.status_code == 200
    assert names(response.get_data(as_text=True)) == expected  # admins are not listed


def test_directory_answers_htmx_with_results_and_the_count(client, learned):
    response = client.get("/learners?q=django", headers=HX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"]
    assert "<html" not in html and "<form" not in html and names(html) == ["Ada Okafor"]
    assert '<p id="result-count" class="muted" role="status" hx-swap-oob="innerHTML">' in html
    assert "1 learner matching “django”." in html
    assert "Django" in html  # the card shows the learner's learnings


@pytest.mark.parametrize("query", ["élodie", "ÉLODIE", "Élo", "ødegaard", "ΣΩΚΡΆΤΗΣ"])
def test_directory_search_folds_case_beyond_ascii(client, make_user, query):
    make_user("elodie", display_name="Élodie Ødegaard")
    make_user("sokratis", display_name="Σωκράτης Παππάς")
    make_user("ada", display_name="Ada Okafor")
    found = names(client.get(f"/learners?q={query}").get_data(as_text=True))
    assert found == (["Σωκράτης Παππάς"] if query.startswith("Σ") else ["Élodie Ødegaard"])


def test_directory_empty_states(client, learned):
    html = client.get("/learners?q=cobol").get_data(as_text=True)
    assert "No learners match “cobol”." in html and names(html) == []
    assert "There are no learners on this page." in client.get("/learners?page=9").get_data(
        as_text=True
    )
    assert client.get("/learners?q=%25").status_code == 200  # LIKE wildcards are escaped
    assert names(client.get("/learners?q=%25").get_data(as_text=True)) == []


def test_directory_paginates(client, make_user, count_queries):
    for n in range(PER_PAGE + 2):
        make_user(f"learner{n:02}", display_name=f"Learner {n:02}")
    first = client.get("/learners").get_data(as_text=True)
    assert len(names(first)) == PER_PAGE and "Page 1 of 2" in first
    assert 'href="/learners?page=2"' in first
    with count_queries() as statements:
        second = client.get("/learners?page=2").get_data(as_text=True)
    assert names(second) == ["Learner 24", "Learner 25"] and "Page 2 of 2" in second
    assert (
        len(statements) <= 2
    )  # the page with its count and headlines, the learnings: not per card
    past = client.get("/learners?page=3").get_data(as_text=True)  # no row carries the count
    assert names(past) == [] and "26 learners" in past and "no learners on this page" in past
    huge = client.get(f"/learners?page={10**30}")  # an offset no database holds
    assert huge.status_code == 200 and names(huge.get_data(as_text=True)) == []


def reference() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def test_paste_preview_cancel_writes_nothing(client, auth, make_user, app):
    make_user("ada")
    auth.sign_in("ada")
    response = client.post("/u/ada/import", data={"text": reference()})
    assert response.status_code == 303
    preview = client.get(response.headers["Location"])
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Check your import" in html
    assert "<td>Key Technologies Covered</td><td>6 technologies</td>" in html
    assert "<td>ProDev Tip!</td><td>Extra section</td>" in html
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Challenge)) == 0
    cancelled = client.post(response.headers["Location"] + "/cancel")
    assert cancelled.status_code == 303 and cancelled.headers["Location"] == "/u/ada"
    assert "Nothing on your profile changed." in client.get("/u/ada").get_data(as_text=True)
    assert client.get(response.headers["Location"]).status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Challenge)) == 0


def test_upload_preview_on_one_worker_confirm_on_another(client, auth, make_user, tmp_path):
    make_user("ada")
    auth.sign_in("ada")
    upload = (io.BytesIO((SAMPLES / "backend.md").read_bytes()), "README.md")
    response = client.post(
        "/u/ada/import", data={"readme": upload}, content_type="multipart/form-data"
    )
    assert response.status_code == 303
    other = create_app(config_for(tmp_path))  # a second worker: same database, own process state
    other.test_client_class = Client
    worker = other.test_client()
    with client.session_transaction() as session:
        cookie = dict(session)
    with worker.session_transaction() as session:
        session.update(cookie)
    assert "from <strong>README.md</strong>" in worker.get(response.headers["Location"]).get_data(
        as_text=True
    )
    confirmed = worker.post(response.headers["Location"] + "/confirm")
    assert confirmed.status_code == 303
    page = client.get("/u/ada").get_data(as_text=True)
    assert "N+1 queries on the orders page" in page
    with other.app_context():
        assert db.session.scalar(select(func.count()).select_from(PendingImport)) == 0
        db.engine.dispose()


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"text": ""}, 422, "Choose your README file, or paste its Markdown below."),
        ({"text": "x" * (200 * 1024 + 1)}, 413, "That README is 201 KB; the limit is 200 KB."),
        ({"readme": (io.BytesIO(b""), "empty.md")}, 422, "That README is empty."),
        (
            {"readme": (io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00IHDR"), "photo.png")},
            415,
            "That file is not a text README",
        ),
        ({"readme": (io.BytesIO(b"a" * 300_000), "big.md")}, 413, "is 293 KB; the limit is 200"),
        ({"readme": (io.BytesIO(b"a" * (200 * 1024 + 1)), "big.md")}, 413, "is 201 KB; the"),
    ],
)
def test_bad_imports_say_why_next_to_the_field(client, auth, make_user, data, status, message):
    make_user("ada")
    auth.sign_in("ada")
    response = client.post("/u/ada/import", data=data, content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == status
    assert message in html and 'class="error"' in html and 'aria-invalid="true"' in html


def test_pasted_text_is_kept_when_it_is_refused(client, auth, make_user):
    make_user("ada")
    auth.sign_in("ada")
    text = "é" * (110 * 1024)  # 220 KB as UTF-8
    html = client.post("/u/ada/import", data={"text": text}).get_data(as_text=True)
    assert text in html


def test_a_request_larger_than_the_app_allows_is_a_413_with_the_form(client, auth, make_user, app):
    make_user("ada")
    auth.sign_in("ada")
    app.config["MAX_CONTENT_LENGTH"] = 1000
    upload = (io.BytesIO(b"# x\n" * 1000), "README.md")
    response = client.post(
        "/u/ada/import", data={"readme": upload}, content_type="multipart/form-data"
    )
    assert response.status_code == 413
    assert "That README is over 200 KB." in response.get_data(as_text=True)


def test_import_pages_are_csp_ready(client, auth, make_user):
    make_user("ada")
    auth.sign_in("ada")
    location = client.post("/u/ada/import", data={"text": reference()}).headers["Location"]
    for url in ("/u/ada", "/u/ada/import", location, "/learners"):
        page = client.get(url).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\ssrc=)", page), url
        assert " style=" not in page and "<style" not in page and "hx-on" not in page


def test_directory_page_links_swap_the_results_and_update_the_url(app, client, make_user):
    from nexus_board.profiles.profile_views import PER_PAGE

    for n in range(PER_PAGE + 1):
        make_user(f"learner{n:03d}")
    page = client.get("/learners").get_data(as_text=True)
    nav = page.split('class="pagination"')[1].split("</nav>")[0]
    assert 'hx-target="#results"' in nav and 'hx-push-url="true"' in nav
    second = client.get("/learners?page=2", headers={"HX-Request": "true"})
    assert "<html" not in second.get_data(as_text=True)
    assert "Page 2 of 2" in second.get_data(as_text=True)


def test_the_directory_sorts_and_finds_by_the_name_a_learner_has_now(app, client, make_user):
    from nexus_board.auth.services import update_settings

    ids = [make_user(u, display_name=n) for u, n in (("zoe", "Zoë Adams"), ("boek", "Bo Ek"))]
    assert names(client.get("/learners").get_data(as_text=True)) == ["Bo Ek", "Zoë Adams"]
    with app.app_context():
        zoe = db.session.get(User, ids[0])
        update_settings(zoe, display_name="Ärla Zed", track="backend", email=None)
        db.session.commit()
        assert zoe.sort_name == "ärla zed"
    assert names(client.get("/learners").get_data(as_text=True)) == ["Bo Ek", "Ärla Zed"]
    assert names(client.get("/learners?q=ÄRLA").get_data(as_text=True)) == ["Ärla Zed"]
    assert names(client.get("/learners?q=zoë").get_data(as_text=True)) == []


def test_a_bulk_insert_that_leaves_the_sort_name_out_gets_it_from_the_name(app):
    from sqlalchemy import insert

    row = {"username": "bulk", "display_name": "Ünal Bulk", "password_hash": "x"}
    with app.app_context():
        db.session.execute(insert(User), [row | {"track": "backend", "role": "learner"}])
        assert db.session.scalar(select(User.sort_name).where(User.username == "bulk")) == (
            "ünal bulk"
        )


def test_a_kept_learner_card_shows_each_change_to_what_it_shows(app, client, learned):
    """Cards' HTML is kept per process under what they show: a new headline, learning or
    name shows on the next view."""
    from nexus_board.auth.services import update_settings

    def card() -> str:
        page = client.get("/learners?q=django", headers=HX).get_data(as_text=True)
        return re.search(r'<li class="card learner-card">.*?</li>\s*</ul>?', page, re.S)[0]

    assert "Django" in card() and "card-headline" not in card()
    with app.app_context():
        ada = db.session.get(User, learned["ada"])
        services.update_details(ada, headline="Building the payments API")
        services.add_learning(ada, kind=LearningKind.TECHNOLOGY, name="Celery")
        update_settings(ada, display_name="Ada O.", track=ada.track, email=None)
        db.session.commit()
    shown = card()
    assert ">Building the payments API<" in shown and ">Celery<" in shown and ">Ada O.</a>" in shown
