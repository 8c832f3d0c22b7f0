"""Configuration comes from the environment; secrets are never hard-coded."""

from pathlib import Path

import pytest

from nexus_board.config import cache_settings, load_config


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("NEXUS_ENV", "SECRET_KEY", "DATABASE_URL", "CACHE_URL", "RATELIMIT_STORAGE_URL"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults_are_embedded_under_instance(clean_env, tmp_path):
    config = load_config(str(tmp_path), overrides={})
    assert config["NEXUS_ENV"] == "development"
    assert config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'nexus.sqlite3'}"
    assert config["CACHE_TYPE"] == "FileSystemCache"
    assert config["CACHE_DIR"] == str(tmp_path / "cache")
    assert config["RATELIMIT_STORAGE_URI"] == f"nexus+sqlite://{tmp_path / 'ratelimits.sqlite3'}"


def test_development_secret_is_generated_once_and_kept(clean_env, tmp_path):
    first = load_config(str(tmp_path), overrides={})["SECRET_KEY"]
    second = load_config(str(tmp_path), overrides={})["SECRET_KEY"]
    assert len(first) == 64 and first == second
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_production_requires_a_secret_key(clean_env, tmp_path):
    clean_env.setenv("NEXUS_ENV", "production")
    with pytest.raises(RuntimeError, match="SECRET_KEY must be set"):
        load_config(str(tmp_path), overrides={})
    assert not (tmp_path / "secret_key").exists()
    clean_env.setenv("SECRET_KEY", "from-the-environment")
    config = load_config(str(tmp_path), overrides={})
    assert config["SECRET_KEY"] == "from-the-environment"
    assert config["SESSION_COOKIE_SECURE"] and config["REMEMBER_COOKIE_SECURE"]


def test_environment_variables_are_read(clean_env, tmp_path):
    clean_env.setenv("DATABASE_URL", "postgresql+psycopg://nexus@127.0.0.1/nexus")
    clean_env.setenv("CACHE_URL", "redis://127.0.0.1:6379/0")
    clean_env.setenv("SECRET_KEY", "k")
    config = load_config(str(tmp_path), overrides={})
    assert config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://nexus@127.0.0.1/nexus"
    assert config["CACHE_TYPE"] == "RedisCache"
    assert config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"


def test_unknown_environment_name_is_refused(clean_env, tmp_path):
    clean_env.setenv("NEXUS_ENV", "staging")
    with pytest.raises(RuntimeError, match="NEXUS_ENV must be one of"):
        load_config(str(tmp_path), overrides={})


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("filesystem:///srv/cache", {"CACHE_TYPE": "FileSystemCache", "CACHE_DIR": "/srv/cache"}),
        ("null", {"CACHE_TYPE": "NullCache"}),
        ("rediss://cache:6380/1", {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_DB": 1}),
        ("redis://cache:6379", {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_DB": 0}),
    ],
)
def test_cache_urls(url, expected):
    settings = cache_settings(url, Path("/instance"))
    assert expected.items() <= settings.items()


def test_bad_cache_url_is_refused():
    with pytest.raises(RuntimeError, match="CACHE_URL must be"):
        cache_settings("memcached://x", Path("/instance"))


def test_app_uses_the_top_level_templates_and_static_folders(app):
    root = Path(__file__).resolve().parent.parent
    assert Path(app.static_folder) == root / "static"
    assert Path(app.template_folder) == root / "templates"


def test_trusted_proxies_give_the_client_address_and_scheme(make_app):
    app = make_app(TRUSTED_PROXIES=1)

    @app.get("/test/who")
    def who():
        from flask import request, url_for

        return f"{request.remote_addr} {url_for('hub.index', _external=True)}"

    headers = {"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    body = app.test_client().get("/test/who", headers=headers).get_data(as_text=True)
    assert body == "203.0.113.9 https://localhost/"


def test_trusted_proxies_must_be_a_number(clean_env, tmp_path):
    clean_env.setenv("TRUSTED_PROXIES", "yes")
    with pytest.raises(RuntimeError, match="TRUSTED_PROXIES must be a whole number"):
        load_config(str(tmp_path), overrides={})
