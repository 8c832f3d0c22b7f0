"""The text of an update: a small Markdown subset where #tags and @mentions become links.

Tags and mentions are found in Markdown's text tokens only, so `#include` in code or a word inside
a link stays as written. The HTML then goes through the shared sanitizer.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

from ..limits import UPDATE_MARKUP
from ..markdown import markup_cost, sanitize

TAG = re.compile(r"(?<![\w&#/])#([A-Za-z][A-Za-z0-9_-]{0,39})(?![\w-])")
MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9_-]{3,32})(?![\w-])")

# Short posts: emphasis, code, links, lists and quotes; no headings, tables, images or rules.
_parser = (
    MarkdownIt("commonmark", {"html": False, "linkify": False})
    .enable(["strikethrough"])
    .disable(["heading", "lheading", "table", "image", "hr", "html_block", "html_inline"])
)


@dataclass(frozen=True)
class Found:
    tags: list[str]  # lower-case, in order of first use
    usernames: list[str]  # lower-case, in order of first use; not checked against accounts


def scan(body: str) -> Found:
    """The #tags and @usernames an update's text uses (outside code and links)."""
    tags, usernames = {}, {}
    for text in _plain_texts(_parser.parse(body)):
        tags.update(dict.fromkeys(m.group(1).lower() for m in TAG.finditer(text)))
        usernames.update(dict.fromkeys(m.group(1).lower() for m in MENTION.finditer(text)))
    return Found(tags=list(tags), usernames=list(usernames))


def render_update(
    body: str,
    *,
    mentioned: set[str],
    tag_url: Callable[[str], str],
    user_url: Callable[[str], str],
) -> Markup:
    """Sanitized HTML for an update; `mentioned` are the usernames that get a profile link."""
    if markup_cost(body) > UPDATE_MARKUP:  # a feed page of such posts would take seconds
        return Markup("<p>%s</p>") % Markup("<br>").join(escape(line) for line in body.split("\n"))
    env = {"mentioned": mentioned, "tag_url": tag_url, "user_url": user_url}
    tokens = _parser.parse(body, env)
    _link_tags_and_mentions(tokens, env)
    html = _parser.renderer.render(tokens, _parser.options, env)
    return Markup(sanitize(html))  # noqa: S704  (sanitized just now)


def _plain_texts(tokens: list[Token]):
    for token in tokens:
        if token.type == "inline" and token.children:
            depth = 0
            for child in token.children:
                depth += {"link_open": 1, "link_close": -1}.get(child.type, 0)
                if child.type == "text" and depth == 0:
                    yield child.content


def _link_tags_and_mentions(tokens: list[Token], env: dict) -> None:
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        children, depth = [], 0
        for child in token.children:
            depth += {"link_open": 1, "link_close": -1}.get(child.type, 0)
            if child.type == "text" and depth == 0:
                children.extend(_split(child.content, env))
            else:
                children.append(child)
        token.children = children


LINKABLE = re.compile(f"{TAG.pattern}|{MENTION.pattern}")


def _split(text: str, env: dict) -> list[Token]:
    """Text tokens with links around each tag and each mention of a known user."""
    out, start = [], 0
    for match in LINKABLE.finditer(text):
        tag, username = match.group(1), match.group(2)
        if tag:
            href = env["tag_url"](tag.lower())
        elif username.lower() in env["mentioned"]:
            href = env["user_url"](username.lower())
        else:
            continue
        out.append(_text(text[start : match.start()]))
        out.extend(_link(href, match.group(0)))
        start = match.end()
    out.append(_text(text[start:]))
    return [t for t in out if t.type != "text" or t.content]


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _link(href: str, label: str) -> list[Token]:
    opening = Token("link_open", "a", 1)
    opening.attrSet("href", href)
    return [opening, _text(label), Token("link_close", "a", -1)]
