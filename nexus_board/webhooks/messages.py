"""What a webhook receives: Discord's JSON (`content`, `embeds`) or Slack's (`text`, `blocks`).

Each message reads on its own: who did what to which endpoint, breaking or not, and a link back.
User text is escaped for the format, and Discord is told to ping nobody (no @everyone from a
display name).
"""

import re
from dataclasses import dataclass, field

from ..activity.audience import Reason
from ..activity.links import absolute, public_link
from ..activity.verbs import told
from ..limits import MESSAGE_CHARS
from ..models import Activity, Delivery, Format

BREAKING_COLOUR, COLOUR = 0xC0392B, 0x2F6FEB
DISCORD_MARKUP = re.compile(r"([\\*_~`|>\[\]()#-])")


@dataclass
class Message:
    headline: str  # one sentence
    url: str
    title: str = ""  # the subject, for Discord's embed title
    lines: list[str] = field(default_factory=list)
    breaking: bool = False
    footer: str = "Nexus Board"
    at: str | None = None  # ISO time


def message_for(delivery: Delivery) -> Message:
    """The message for `delivery` (its activity and webhook loaded)."""
    activity = delivery.activity
    if activity is None:
        return Message(
            "Test message from Nexus Board: this webhook works.",
            absolute("hub.index"),
            title=f"Webhook “{delivery.webhook.name}”",
            lines=["Events you chose for it will arrive here."],
        )
    return _told(activity, delivery.reason)


def _told(activity: Activity, reason: str | None) -> Message:
    words = told(activity)
    detail = activity.detail or {}
    lines = []
    if activity.breaking:
        lines.append("Breaking change: " + " ".join(detail.get("reasons") or ["see the history."]))
    if detail.get("excerpt"):
        lines.append(f"“{detail['excerpt']}”")
    if reason:
        lines.append(Reason(reason).because)
    project = activity.project.name if activity.project is not None else None
    return Message(
        ("Breaking: " if activity.breaking else "") + words.sentence,
        public_link(activity),
        title=activity.subject,
        lines=lines,
        breaking=activity.breaking,
        footer=" · ".join(filter(None, ["Nexus Board", project])),
        at=activity.created_at.isoformat(),
    )


def payload(message: Message, format: Format) -> dict:
    return discord(message) if format is Format.DISCORD else slack(message)


def discord(message: Message) -> dict:
    embed = {
        "title": _cut(message.title or message.headline, 256),
        "url": message.url,
        "description": _cut("\n".join(_discord_text(line) for line in message.lines), 2000),
        "color": BREAKING_COLOUR if message.breaking else COLOUR,
        "footer": {"text": _cut(message.footer, 200)},
    }
    if message.at:
        embed["timestamp"] = message.at
    return {
        "content": _cut(_discord_text(message.headline), MESSAGE_CHARS),
        "embeds": [embed],
        "allowed_mentions": {"parse": []},
    }


def slack(message: Message) -> dict:
    lines = [f"*<{message.url}|{_slack_text(_cut(message.headline, 300))}>*"]
    lines += [_slack_text(line) for line in message.lines]
    footer = message.footer
    return {
        "text": _cut(_slack_text(message.headline), MESSAGE_CHARS) + f" {message.url}",
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": _cut("\n".join(lines), 2900)}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": _slack_text(footer)}]},
        ],
    }


def _discord_text(text: str) -> str:
    return DISCORD_MARKUP.sub(r"\\\1", text)


def _slack_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cut(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
