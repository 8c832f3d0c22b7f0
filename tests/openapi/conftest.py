"""OpenAPI fixtures: the board's cast and contracts (see tests/board/conftest.py)."""

from ..board.conftest import contract, people, user  # noqa: F401
