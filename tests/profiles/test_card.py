"""/u/<username>/card.svg: valid SVG with the learner's public numbers, whatever their name."""

import xml.etree.ElementTree as ET

import pytest

from nexus_board.extensions import db
from nexus_board.models import User
from nexus_board.profiles import services as profiles

from ..board.factories import post

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_NAMES = [
    '<script>alert("x")</script>',
    "Ada & Co ]]> <!-- -->",
    "\"'><svg onload=alert(1)>",
    "Zalgo A̸̧̛̗͎̫̜̦̓̍̿͂̕ḑ̴̨̛̺̗̲̈́̋̾a",
    "\u202eRTL override",
    "😀" * 40,
    "&amp;&lt;&#0;",
]


def card(client, username="ada", **query):
    response = client.get(f"/u/{username}/card.svg", query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "image/svg+xml"
    return response, ET.fromstring(response.get_data())  # noqa: S314  (our own output; raises unless well-formed)


def texts(root) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_the_card_is_svg_with_name_track_technologies_and_contract_numbers(app, client, cast):
    with app.app_context():
        ada = db.session.get(User, cast["ada"])
        for name in ("Django", "PostgreSQL", "Celery"):
            profiles.add_learning(ada, kind="technology", name=name)
        profiles.add_learning(ada, kind="concept", name="Caching")
        db.session.commit()
        post(cast["ada"], path="/api/v1/a")
        post(cast["ada"], path="/api/v1/b", state="claimed", claimer_id=cast["gabriel"])
        post(cast["ada"], path="/api/v1/c", state="done", claimer_id=cast["gabriel"])
    _, root = card(client)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    shown = texts(root)
    assert "Ada Okafor" in shown and "@ada · Backend learner" in shown
    assert shown[2:5] == ["Django", "PostgreSQL", "Celery"]  # technologies only, their order
    assert "Caching" not in shown
    numbers = dict(zip(shown[6::2], shown[5::2], strict=False))
    assert numbers == {"contracts posted": "3", "contracts claimed": "0", "contracts done": "1"}
    title = root.find(f"{SVG}title").text
    assert "Contracts: 3 posted, 0 claimed, 1 done." in title

    _, gabriel = card(client, "gabriel")
    shown = texts(gabriel)
    assert dict(zip(shown[4::2], shown[3::2], strict=False)) == {
        "contracts posted": "0", "contracts claimed": "2", "contracts done": "1"
    }  # fmt: skip
    assert "No technologies listed yet" in shown


def test_the_card_carries_only_public_details(client, cast):
    response, root = card(client)
    body = response.get_data(as_text=True)
    assert "ada@example.com" not in body and "example.com" not in body
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_display_names_are_escaped_into_valid_svg(app, client, make_user, name):
    make_user("mallory", display_name=name)
    response, root = card(client, "mallory")
    body = response.get_data(as_text=True)
    assert "<script" not in body and "onload=" not in body.replace("onload=alert", "")
    assert "<svg onload" not in body
    shown = texts(root)[0]
    assert shown == name[: len(shown) - 1] + "…" if shown.endswith("…") else shown == name


def test_characters_xml_cannot_hold_are_left_out(app, client, make_user):
    from nexus_board.profiles.card import xml_text

    assert xml_text("a\x00b\x0bc\ufffed\ud800e", 28) == "abcde"
    assert xml_text("x" * 40, 28) == "x" * 27 + "…"
    make_user("mallory", display_name="Mallory")
    with app.app_context():
        user = db.session.scalar(db.select(User).where(User.username == "mallory"))
        user.display_name = "Mal\x0blory"  # older rows may hold what the rules now refuse
        db.session.commit()
    _, root = card(client, "mallory")
    assert texts(root)[0] == "Mallory"


def test_the_card_is_cached_with_an_etag_and_follows_the_profile(app, client, client_as, cast):
    first, _ = card(client)
    etag = first.headers["ETag"]
    again = client.get("/u/ada/card.svg", headers={"If-None-Match": etag})
    assert again.status_code == 304
    ada = client_as("ada")
    assert ada.get("/u/ada/card.svg", headers={"If-None-Match": etag}).status_code == 304
    assert ada.post("/u/ada/technologies", data={"new-technologies-name": "Redis"}).status_code in (
        200, 303
    )  # fmt: skip
    changed = client.get("/u/ada/card.svg", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Redis" in changed.get_data(as_text=True)


def test_a_dark_card_and_a_wrong_theme(client, cast):
    light, _ = card(client)
    dark, _ = card(client, theme="dark")
    assert light.get_data() != dark.get_data() and 'fill="#0d1117"' in dark.get_data(as_text=True)
    assert client.get("/u/ada/card.svg?theme=pink").status_code == 400
    assert client.get("/u/nobody/card.svg").status_code == 404


def test_the_owner_sees_the_markdown_to_paste(client, client_as, cast):
    own = client_as("ada").get("/u/ada").get_data(as_text=True)
    assert (
        "[![Ada Okafor on Nexus Board](http://localhost/u/ada/card.svg)](http://localhost/u/ada)"
        in own
    )
    assert "card.svg" not in client.get("/u/ada").get_data(as_text=True)


def test_hidden_contracts_are_not_counted_on_the_public_card(app, client, cast):
    from nexus_board.board import lifecycle

    with app.app_context():
        post(cast["ada"], path="/api/v1/a")
        hidden = post(cast["ada"], path="/api/v1/b")
        lifecycle.hide(hidden, db.session.get(User, cast["mentor"]), "Duplicate of /a")
        db.session.commit()
    _, root = card(client)
    assert "Contracts: 1 posted, 0 claimed, 0 done." in root.find(f"{SVG}title").text
