"""Each board card's HTML, kept in the shared cache by what it shows and who looks at it.

A card's key is the build, the contract's id and a digest of every value the card shows (its
version, which every saved edit moves, plus what moves without an edit: its state and claimer,
hiding, verification, the names on it) and of the viewer's kind (the buttons they get, whether
it is theirs). So a write needs no invalidation: the card it changed gets a new key and is
rendered again, every other card is read back, whoever rendered it first. A new value on the
card that changes without a new version belongs in `_shown`.

The keys are content-addressed, so this process keeps the cards it read or rendered lately
too (`kept.py`): they are never wrong, and the board needs no cache round trip for them. Here
a card is found by the tuple of what it shows itself; only a card this process lacks has its
tuple hashed into the shared cache's key.

The CSRF token is the one personal thing in a card: it is rendered as a placeholder and put
back once for each page (`fill`), so cards are shared between sessions.
"""

import hashlib

from flask import current_app, render_template
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from .. import kept
from ..caching import remembered_each
from ..kept import Kept
from ..limits import CARDS_KEPT
from ..models import Contract, User
from . import policy

PLACEHOLDER = "\x00csrf-token\x00"  # no user text holds a NUL: the input guard refuses them
KEPT = "nexus_board.cards"  # in app.extensions: the cards this app keeps in this process


def cards(contracts: list[Contract], viewer: User, *, filled=True) -> dict[int, Markup]:
    """Each contract's card as `viewer` sees it on the board, by contract id. With
    `filled=False` the forms carry PLACEHOLDER, for a caller that renders the cards into its
    own HTML and puts the session's token in once (`fill`)."""
    viewer = getattr(viewer, "_get_current_object", lambda: viewer)()  # not the proxy, per card
    permitted = {contract.id: policy.allowed(viewer, contract) for contract in contracts}
    shown = _keys(viewer)
    wanted = {contract.id: shown(contract, permitted[contract.id]) for contract in contracts}
    kept = _kept()
    found = kept.get_many(wanted)
    if len(found) < len(wanted):
        by_id = {contract.id: contract for contract in contracts}
        missing = {i: what for i, what in wanted.items() if i not in found}

        def render_missing(ids: list[int]) -> dict[int, str]:
            return render_cards([by_id[i] for i in ids], viewer, permitted, token=PLACEHOLDER)

        keys = {i: _shared_key(what) for i, what in missing.items()}
        fresh = remembered_each(keys, render_missing)
        kept.set_many({missing[i]: html for i, html in fresh.items()})
        found |= fresh
    if filled:
        token = generate_csrf() if viewer.is_authenticated else ""
        found = {i: html.replace(PLACEHOLDER, token) for i, html in found.items()}
    return {i: Markup(html) for i, html in found.items()}  # noqa: S704


def fill(html: str, viewer: User) -> str:
    """`html` holding cards rendered with `filled=False`, with the session's CSRF token."""
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, generate_csrf() if viewer.is_authenticated else "")


def render_cards(contracts: list, viewer: User, permitted=None, token=None) -> dict[int, str]:
    """The cards rendered now, with nothing read from the cache (`permitted`: each contract's
    `policy.allowed`, if known already; `token`: what the forms carry, the session's CSRF
    token if None)."""
    if not contracts:
        return {}
    permitted = permitted or {c.id: policy.allowed(viewer, c) for c in contracts}
    html = render_template(
        "board/_cards.html",
        cards=contracts,
        viewer=viewer,
        allowed=lambda _viewer, contract: permitted[contract.id],
        token=token,
        split=True,
    )
    # One template render for them all; each card is wrapped in a comment naming it.
    parts = html.split("<!--card ")[1:]
    return {int(part[: part.index("-->")]): _body(part) for part in parts}


def _kept() -> Kept:
    # A key names what a card shows in one database (ids and versions): one store per app.
    return kept.of_app(KEPT, CARDS_KEPT)


def _body(part: str) -> str:
    return part[part.index("-->") + 3 :].strip()


def _keys(viewer: User):
    """A function naming what each card shows `viewer`, as a tuple: this process's key for it
    (`_shared_key` hashes it for the shared cache). What is the same for every card (the
    build, who looks, each set of buttons as text) is worked out once, not per card."""
    build_id = current_app.config["BUILD_FINGERPRINT"]
    signed_in, viewer_id = viewer.is_authenticated, getattr(viewer, "id", None)
    buttons: dict[frozenset, str] = {}

    def key(contract, permitted: frozenset) -> tuple:
        if permitted not in buttons:
            buttons[permitted] = ",".join(sorted(action.value for action in permitted))
        mine = signed_in and contract.claimer_id == viewer_id
        return (build_id, contract.id, _shown(contract), signed_in, mine, buttons[permitted])

    return key


def _shared_key(what: tuple) -> str:
    # Only a card this process lacks is hashed: the kept ones are found by the tuple itself.
    build_id, contract_id = what[:2]
    digest = hashlib.blake2b(repr(what[2:]).encode(), digest_size=16).hexdigest()
    return f"card/{build_id}/{contract_id}/{digest}"


def _shown(contract: Contract) -> tuple:
    check = contract.verification
    return (
        contract.version,
        contract.status.value,
        contract.claimer_id,
        contract.seen_version,
        contract.breaking_version,
        contract.implemented_at,
        contract.is_draft,
        (contract.deprecated_at, contract.sunset),  # deprecating is not an edit
        contract.hidden_at and (contract.hider_name, contract.hidden_by_admin),
        contract.hidden_at and contract.hidden_reason,
        (contract.project.slug, contract.project.name),
        contract.author.display_name,
        contract.claimer and contract.claimer.display_name,
        check and (check.passed, check.checked_at, check.contract_version, check.environment),
        check and check.detail,
        tuple(contract.tag_names),
    )
