"""Schema fixtures: the board's contracts (see tests/board/conftest.py)."""

from ..board.conftest import contract, user  # noqa: F401
