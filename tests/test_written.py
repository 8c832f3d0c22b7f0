"""Hooks run before a commit that wrote their tables: one per name, however many apps."""

from nexus_board import written


def test_every_new_app_leaves_one_hook_per_name(make_app):
    make_app()
    before = dict(written.HOOKS)
    make_app()
    make_app()
    after = dict(written.HOOKS)
    assert after == before
    assert {"board counts", "directory version"} <= set(written.HOOKS)
