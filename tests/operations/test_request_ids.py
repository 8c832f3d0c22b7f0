"""Every response carries its request's id: a trusted proxy's, or one made here."""

import logging
import re

import pytest

from nexus_board.operations.logs import RequestId, formatter

HEX = re.compile(r"[0-9a-f]{32}")
# What a client might put in the header to forge or break log lines.
HOSTILE = ["x\r\nrequest_id=admin", "a" * 200, '{"level": "ERROR"}', "short", "ü" * 10, "%s%n", ""]


def test_a_request_without_one_gets_a_fresh_id(client):
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]
    assert HEX.fullmatch(first) and HEX.fullmatch(second) and first != second


def test_errors_and_refusals_carry_one_too(client):
    assert HEX.fullmatch(client.get("/no/such/page").headers["X-Request-ID"])
    assert HEX.fullmatch(client.post("/sign-in", csrf=False).headers["X-Request-ID"])


def test_without_a_trusted_proxy_the_header_is_not_believed(client):
    sent = "0123456789abcdef0123456789abcdef"
    assert client.get("/healthz", headers={"X-Request-ID": sent}).headers["X-Request-ID"] != sent


def test_a_trusted_proxys_id_is_kept(make_app):
    client = make_app(TRUSTED_PROXIES=1).test_client()
    sent = "0123456789abcdef0123456789abcdef"
    assert client.get("/healthz", headers={"X-Request-ID": sent}).headers["X-Request-ID"] == sent


@pytest.mark.parametrize("sent", HOSTILE)
def test_a_strange_id_is_replaced_even_from_a_trusted_proxy(make_app, sent):
    client = make_app(TRUSTED_PROXIES=1).test_client()
    response = client.get("/healthz", headers={"X-Request-ID": sent.encode("utf-8", "replace")})
    assert response.status_code == 200
    assert HEX.fullmatch(response.headers["X-Request-ID"])


def test_log_lines_written_in_a_request_carry_its_id(app):
    record = logging.LogRecord("nexus_board", logging.INFO, __file__, 1, "hello %s", ("ada",), None)
    with app.test_request_context("/", headers={"X-Request-ID": "from-nginx-1234"}):
        RequestId().filter(record)
        line = formatter("json").format(record)
    assert '"request_id": "' in line and record.request_id != "-"
    assert '"message": "hello ada"' in line and '"level": "INFO"' in line


def test_lines_outside_a_request_say_so():
    record = logging.LogRecord("gunicorn.error", logging.INFO, __file__, 1, "Booting", (), None)
    RequestId().filter(record)
    assert formatter("text").format(record).endswith("INFO gunicorn.error [-] Booting")


def test_an_unknown_log_format_is_refused():
    with pytest.raises(RuntimeError, match="LOG_FORMAT must be text or json"):
        formatter("xml")
