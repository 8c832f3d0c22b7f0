"""Which webhook URLs are accepted, and where a delivery may connect: no request forgery.

Saving: https only (http to a loopback host only while WEBHOOK_ALLOW_LOOPBACK is on, for
tests); learners' URLs must name a host of WEBHOOK_HOSTS. Sending: the host is resolved once, a
private, link-local, loopback or otherwise non-public address is refused, and the request goes to
the address that was checked (so a second lookup cannot point it elsewhere).
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from ..errors import Invalid
from ..limits import WEBHOOK_URL_CHARS

NOT_SAVED = "The webhook was not saved."
LOOPBACK_NAMES = ("localhost", "localhost.")


class Refused(Exception):
    """A delivery may not connect where its URL points."""


@dataclass(frozen=True)
class Target:
    """Where one POST goes: the checked address, with the name the server knows itself by."""

    url: str  # with the address in place of the host name
    host: str  # the Host header
    sni: str | None  # the name TLS checks the certificate against (https only)


def check_url(url: str, *, hosts: tuple[str, ...], allow_loopback: bool, learner: bool) -> str:
    """The URL as it will be stored, or Invalid naming the `url` field's problem."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
        host, _port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        _refuse("That is not a URL. Paste the whole webhook URL, starting with https://.")
    if not url:
        _refuse("Paste the webhook URL from Discord or Slack.")
    if len(url) > WEBHOOK_URL_CHARS:
        _refuse(f"A webhook URL has at most {WEBHOOK_URL_CHARS} characters.")
    loopback = _is_loopback_name(host)
    if parts.scheme.lower() == "http" and not (allow_loopback and loopback):
        _refuse("Use the https:// URL: webhooks are only sent over HTTPS.")
    if parts.scheme.lower() not in ("https", "http") or not host:
        _refuse("Use an https:// URL with a host name, as Discord and Slack give you.")
    if parts.username is not None or parts.password is not None:
        _refuse("Leave the user name and password out of the URL.")
    if learner and host not in hosts:
        _refuse(f"Point it at Discord or Slack: the host must be one of {', '.join(hosts)}.")
    if _private_literal(host) and not (allow_loopback and loopback):
        _refuse("That address is not on the public internet.")
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, parts.query, ""))


def target(url: str, *, allow_loopback: bool) -> Target:
    """Resolve `url`'s host once and check every address; Refused if one is not public."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise Refused(f"The host {host} could not be resolved ({error}).") from None
    addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in found]
    for address in addresses:
        if not allowed(address, allow_loopback=allow_loopback):
            raise Refused(f"The host {host} resolves to {address}, which is not a public address.")
    address = addresses[0]
    shown = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{shown}:{parts.port}" if parts.port else shown
    pinned = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
    host_header = host if parts.port is None else f"{host}:{parts.port}"
    return Target(pinned, host_header, host if parts.scheme == "https" else None)


def allowed(address, *, allow_loopback: bool) -> bool:
    """A public unicast address (or loopback, in tests)."""
    if address.version == 6 and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return allow_loopback
    return address.is_global and not address.is_multicast


def masked(url: str) -> str:
    """The URL with its secret part hidden: "https://discord.com/api/webhooks/…x9Qz"."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    head = "/".join(path.split("/")[:3])
    return f"{parts.scheme}://{parts.netloc}{head}/…{path[-4:]}" if len(path) > 8 else url


def _is_loopback_name(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _private_literal(host: str) -> bool:
    try:
        return not allowed(ipaddress.ip_address(host), allow_loopback=False)
    except ValueError:
        return host.endswith((".localhost", ".local", ".internal")) or host in LOOPBACK_NAMES


def _refuse(message: str):
    raise Invalid(NOT_SAVED, errors={"url": message})
