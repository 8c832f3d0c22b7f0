"""Accounts on PostgreSQL, as in production: devices, remember-me rotation, lookalike names,
tokens, disabling, export and deletion, on the migrated schema."""

import io
import zipfile

import pytest
from flask_migrate import upgrade
from sqlalchemy import func, select

from nexus_board import create_app
from nexus_board.auth import services as accounts
from nexus_board.extensions import db
from nexus_board.models import Device, Role, User

from .conftest import PASSWORD, Client, config_for
from .contracts_as_code import bearer, make_token
from .test_sessions import cookie, replay, sign_in, signed_in_as

pytestmark = pytest.mark.services


def test_accounts_on_postgresql(tmp_path, postgres_database):
    app = create_app(config_for(tmp_path) | {"SQLALCHEMY_DATABASE_URI": postgres_database})
    app.test_client_class = Client
    with app.app_context():
        upgrade()
        for username, name, role in (("ada", "Ada Okafor", Role.LEARNER),
                                     ("grace", "Grace Hopper", Role.ADMIN)):  # fmt: skip
            accounts.register(username=username, display_name=name, password=PASSWORD,
                              track="backend", role=role)  # fmt: skip
        db.session.commit()
        ada = db.session.scalar(select(User.id).where(User.username == "ada"))
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop)
    sign_in(phone, remember=True)
    first = cookie(phone, "remember_token")
    phone.delete_cookie("session")
    assert signed_in_as(phone) and cookie(phone, "remember_token") != first  # rotated
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Device)) == 2

    stolen = cookie(laptop, "session")
    laptop.post("/sign-out")
    assert not signed_in_as(replay(app, stolen))
    sign_in(laptop)
    laptop.post("/settings/sign-out-everywhere")
    assert not signed_in_as(phone) and not signed_in_as(laptop)

    lookalike = "Gr\u0430\u0441\u0435 Hopper"  # Cyrillic а, с and е
    data = {"username": "hopper", "display_name": lookalike, "password": PASSWORD,
            "track": "frontend"}  # fmt: skip
    taken = app.test_client().post("/sign-up", data=data)
    assert taken.status_code == 422 and "looks too much like" in taken.get_data(as_text=True)

    secret = make_token(app, ada, scope="read")
    api = app.test_client()
    assert api.get("/api/v1/me", headers=bearer(secret)).status_code == 200
    assert api.post("/api/v1/contracts", json={}, headers=bearer(secret)).status_code == 403
    admin = app.test_client()
    sign_in(admin, "grace")
    disabled = admin.post("/admin/accounts/ada/disable", data={"reason": "Spam"})
    assert disabled.status_code == 303
    assert api.get("/api/v1/me", headers=bearer(secret)).status_code == 401
    assert admin.post("/admin/accounts/ada/enable").status_code == 303

    sign_in(laptop)
    export = zipfile.ZipFile(io.BytesIO(laptop.get("/settings/export").data))
    assert sorted(export.namelist()) == ["README.md", "nexus-board.json"]
    assert laptop.post("/settings/delete", data={"confirm": "ada"}).status_code == 303
    with app.app_context():
        assert db.session.get(User, ada).display_name == "a former learner"
        db.session.remove()
        db.engine.dispose()
