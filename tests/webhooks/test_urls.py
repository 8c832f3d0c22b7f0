"""Which webhook URLs are saved, and where a delivery may connect (no request forgery)."""

import ipaddress
import socket

import pytest

from nexus_board.errors import Invalid
from nexus_board.webhooks import urls

HOSTS = ("discord.com", "hooks.slack.com")
DISCORD = "https://discord.com/api/webhooks/123/abcDEF"


def check(url, *, learner=True, loopback=False):
    return urls.check_url(url, hosts=HOSTS, allow_loopback=loopback, learner=learner)


def refusal(url, **options) -> str:
    with pytest.raises(Invalid) as error:
        check(url, **options)
    return error.value.errors["url"]


def test_discord_and_slack_urls_are_saved():
    assert check(DISCORD) == DISCORD
    assert check("  https://hooks.slack.com/services/T0/B0/xyz  ").startswith("https://hooks")
    assert (
        check("HTTPS://discord.com/api/webhooks/1/a#frag") == "https://discord.com/api/webhooks/1/a"
    )


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "Paste the webhook URL"),
        ("http://discord.com/api/webhooks/1/a", "only sent over HTTPS"),
        ("ftp://discord.com/x", "Use an https:// URL"),
        ("https://evil.example/api/webhooks/1/a", "must be one of discord.com, hooks.slack.com"),
        ("https://discord.com.evil.example/x", "must be one of"),
        ("https://user:pw@discord.com/api/webhooks/1/a", "user name and password"),
        ("https://[::1", "not a URL"),
        ("https://discord.com:99999/x", "not a URL"),
        ("https://discord.com/" + "a" * 600, "at most 500 characters"),
        ("http://127.0.0.1:8000/hook", "only sent over HTTPS"),
    ],
)
def test_learners_urls_are_refused_with_the_reason(url, reason):
    assert reason in refusal(url)


@pytest.mark.parametrize(
    "url",
    ["https://10.0.0.5/hook", "https://169.254.169.254/latest", "https://[fd00::1]/x",
     "https://localhost/x", "https://metadata.internal/x", "https://127.0.0.1/x"],
)  # fmt: skip
def test_an_admins_url_may_name_any_public_host_but_no_private_one(url):
    assert check("https://chat.example.org/hooks/1", learner=False)
    assert "not on the public internet" in refusal(url, learner=False)


def test_loopback_http_only_with_the_test_setting():
    assert check("http://127.0.0.1:8000/hook", learner=False, loopback=True)
    assert check("http://localhost:8000/hook", learner=False, loopback=True)
    assert "HTTPS" in refusal("http://10.0.0.1/hook", learner=False, loopback=True)


def fake_resolver(monkeypatch, *addresses):
    def getaddrinfo(host, port, type=0, **_):
        return [(socket.AF_INET, type, 6, "", (address, port)) for address in addresses]

    monkeypatch.setattr(urls.socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "::ffff:10.0.0.1"],  # noqa: S104
)  # fmt: skip
def test_at_send_time_a_host_resolving_to_a_private_address_is_refused(monkeypatch, address):
    fake_resolver(monkeypatch, "162.159.135.232", address)  # one bad address is enough
    with pytest.raises(urls.Refused, match="not a public address"):
        urls.target(DISCORD, allow_loopback=False)


def test_the_request_goes_to_the_checked_address_with_the_real_name(monkeypatch):
    fake_resolver(monkeypatch, "162.159.135.232")
    where = urls.target("https://discord.com/api/webhooks/1/a?wait=true", allow_loopback=False)
    assert where.url == "https://162.159.135.232/api/webhooks/1/a?wait=true"
    assert where.host == "discord.com" and where.sni == "discord.com"


def test_loopback_is_allowed_at_send_time_only_with_the_test_setting():
    where = urls.target("http://127.0.0.1:8123/hook", allow_loopback=True)
    assert where.url == "http://127.0.0.1:8123/hook" and where.sni is None
    with pytest.raises(urls.Refused):
        urls.target("http://127.0.0.1:8123/hook", allow_loopback=False)
    assert urls.allowed(ipaddress.ip_address("::1"), allow_loopback=True)


def test_urls_are_shown_masked():
    assert urls.masked(DISCORD) == "https://discord.com/api/webhooks/…cDEF"
