"""Comments on contracts: their author edits and deletes them; nobody else edits them."""

from sqlalchemy import select

from nexus_board.extensions import db
from nexus_board.models import Comment

from ..board.factories import post

HTMX = {"HX-Request": "true"}


def test_a_comments_author_edits_and_deletes_it_in_place(app, cast, client_as):
    with app.app_context():
        contract_id = post(cast["ada"])
    gabriel = client_as("gabriel")
    gabriel.post(f"/contracts/{contract_id}/comments", data={"body": "Is price a string?"})
    with app.app_context():
        comment_id = db.session.scalar(select(Comment.id))
    url = f"/contracts/{contract_id}/comments/{comment_id}"
    form = gabriel.get(f"{url}/edit", headers=HTMX).get_data(as_text=True)
    assert "Save comment" in form
    assert client_as("ada").post(f"{url}/edit", data={"body": "mine"}).status_code == 403
    empty = gabriel.post(f"{url}/edit", data={"body": ""}, headers=HTMX)
    assert empty.status_code == 422 and "Write a comment first." in empty.get_data(as_text=True)
    saved = gabriel.post(f"{url}/edit", data={"body": "Is *price* a string?"}, headers=HTMX)
    assert "<em>price</em>" in saved.get_data(as_text=True) and "(edited)" in saved.get_data(
        as_text=True
    )
    assert client_as("hana").post(f"{url}/delete").status_code == 403
    gone = gabriel.post(f"{url}/delete", headers=HTMX).get_data(as_text=True)
    assert "No comments yet" in gone
    assert gabriel.post(f"{url}/delete").status_code == 404
