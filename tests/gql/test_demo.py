"""The demo cohort has a GraphQL project with claimed operations, and its mock answers them."""

from nexus_board.gql.demo import BOOK_LIST


def test_the_demo_seeds_a_graphql_project(runner, app):
    assert runner.invoke(args=["nexus", "demo"]).exit_code == 0
    client = app.test_client()
    board = client.get("/board?project=bookshop-graphql").text
    assert "BookList" in board and "PlaceOrder" in board
    response = client.post("/mock/bookshop-graphql/graphql", json={"query": BOOK_LIST})
    assert response.headers["X-Mock-Route"] == "example BookList"
