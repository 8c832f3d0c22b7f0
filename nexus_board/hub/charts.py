"""The cohort's charts on the hub, as plain data: the SVG is drawn by templates/hub/_charts.html.

Each function returns a Chart (or None when there is nothing to draw yet). A per-week chart
counts in SQL between `mondays` (contracts done now, `chart_counts`); `per_week`
turns moments already in hand into the same weekly counts for any other lifecycle. The four
charts on the hub read their numbers in one statement (`_numbers`).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from urllib.parse import quote

from flask import url_for
from sqlalchemy import bindparam, select

from ..board import chart_counts as chart_counts_sql
from ..board.chart_counts import chart_counts
from ..caching import cached_value
from ..extensions import db
from ..models import ContractStatus, LearningKind
from ..profiles import queries as profile_queries

TOP = 8  # bars in a "most learned" chart
WEEKS = 8  # columns in a per-week chart


@dataclass(frozen=True)
class Point:
    label: str  # "Django", "Open", "17 Nov"
    value: int
    key: str = ""  # a class for its colour ("open", "done"); empty: the chart's colour
    url: str | None = None  # where the label leads (the directory filtered by it, a column)


@dataclass(frozen=True)
class Chart:
    key: str  # "technologies", "statuses", "done-per-week": its element ids
    title: str  # the caption
    shape: str  # "bars" (one row each), "stack" (one bar of parts), "columns" (one per week)
    points: tuple[Point, ...]
    unit: tuple[str, str]  # ("learner", "learners"): what a value counts, one and many
    headings: tuple[str, str]  # the table's columns: ("Technology", "Learners")

    @property
    def total(self) -> int:
        return sum(point.value for point in self.points)

    @property
    def largest(self) -> int:
        return max((point.value for point in self.points), default=0)

    def share(self, point: Point, of: int | None = None) -> float:
        """`point`'s part of the largest value (bars, columns) or of `of` (a stack's total)."""
        whole = of if of is not None else self.largest
        return point.value / whole if whole else 0.0

    def counted(self, value: int) -> str:
        """'1 learner', '12 learners'."""
        return f"{value} {self.unit[0] if value == 1 else self.unit[1]}"

    def summary(self) -> str:
        """The chart in one sentence, for screen readers."""
        return "; ".join(f"{p.label}: {self.counted(p.value)}" for p in self.points) + "."


@dataclass(frozen=True)
class WeekCount:
    week: date  # the Monday that starts it
    count: int


def per_week(moments: Iterable[datetime], *, today: date, weeks: int = WEEKS) -> list[WeekCount]:
    """How many `moments` fell in each of the last `weeks` weeks (Monday to Sunday, UTC),
    oldest first, this week last; zeros included, moments outside the weeks ignored."""
    this_monday = today - timedelta(days=today.weekday())
    mondays = [this_monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    counts = Counter()
    for moment in moments:
        day = moment.astimezone(UTC).date()
        counts[day - timedelta(days=day.weekday())] += 1
    return [WeekCount(monday, counts[monday]) for monday in mondays]


def most_learned(kind: LearningKind, limit: int = TOP, found=None) -> Chart | None:
    """The technologies (or concepts) most learners list, most common first; `found`: their
    [(name, learners)] when already read (`_numbers`)."""
    if found is None:
        found = profile_queries.top_topics(limit, kind=kind)
    directory = url_for("profiles.directory")
    points = tuple(
        Point(name, learners, url=f"{directory}?q={quote(name)}") for name, learners in found
    )
    if not points:
        return None
    noun, heading = (
        ("technologies", "Technology")
        if kind is LearningKind.TECHNOLOGY
        else ("concepts", "Concept")
    )
    return Chart(noun, f"Most learned {noun}", "bars", points, ("learner", "learners"),
                 (heading, "Learners"))  # fmt: skip


def contracts_by_status(counts: dict | None = None) -> Chart | None:
    """How many contracts wait in each column of the board, in lifecycle order; `counts`:
    {ContractStatus: count} when already read."""
    if counts is None:
        counts, _ = chart_counts([])
    if not any(counts.values()):
        return None
    board = url_for("board.index")
    points = tuple(
        Point(status.label, counts[status], key=status.value, url=f"{board}#heading-{status}")
        for status in ContractStatus
    )
    return Chart("statuses", "Contracts by status", "stack", points, ("contract", "contracts"),
                 ("Status", "Contracts"))  # fmt: skip


def mondays(today: date, weeks: int = WEEKS) -> list[datetime]:
    """The starts (Monday 00:00 UTC) of the last `weeks` weeks, oldest first, this one last."""
    this_monday = today - timedelta(days=today.weekday())
    return [datetime.combine(this_monday - timedelta(weeks=back), datetime.min.time(), UTC)
            for back in range(weeks - 1, -1, -1)]  # fmt: skip


def done_per_week(today: date, weeks: int = WEEKS, done: list[int] | None = None) -> Chart | None:
    """Contracts done in each of the last `weeks` weeks (those that are done now); `done`:
    their weekly counts when already read (`chart_counts`)."""
    starts = mondays(today, weeks)
    if done is None:
        _, done = chart_counts(starts)
    if not any(done):
        return None
    points = tuple(
        Point(f"{start:%-d %b}", n, key="done") for start, n in zip(starts, done, strict=True)
    )
    return Chart("done-per-week", "Contracts done per week", "columns", points,
                 ("contract", "contracts"), ("Week of", "Done"))  # fmt: skip


def cohort_charts(today: date | None = None) -> list[Chart]:
    """Every chart that has something to show, kept in the cache until its data changes."""
    today = today or datetime.now(UTC).date()
    return cached_value(
        f"hub/charts/{today:%G-%V}", "board", "profiles", compute=lambda: _compute(today)
    )


def _compute(today: date) -> list[Chart]:
    topics, statuses, done = _numbers(mondays(today))
    charts = [
        most_learned(LearningKind.TECHNOLOGY, found=topics[LearningKind.TECHNOLOGY]),
        most_learned(LearningKind.CONCEPT, found=topics[LearningKind.CONCEPT]),
        contracts_by_status(statuses),
        done_per_week(today, done=done),
    ]
    return [chart for chart in charts if chart is not None]


def _numbers(weeks: list[datetime]) -> tuple[dict, dict, list[int]]:
    """(the topics of both kinds, the contracts per status, done per week) for the four
    charts: one statement, the board's counts outer-joined to the ranked topics."""
    stmt, counted = _numbers_statement(len(weeks)), len(ContractStatus) + len(weeks)
    found = db.session.execute(stmt, chart_counts_sql.values(weeks) | {"top": TOP}).all()
    statuses, done = chart_counts_sql.counts_of(found[0][:counted])
    return profile_queries.topics_by_kind(row[counted:] for row in found), statuses, done


@cache
def _numbers_statement(weeks: int):
    # Built once per number of weeks: the counts' dozen subqueries take longer to build than
    # to run. The counts are one row, so every topic row repeats them, and no topic still
    # leaves that row.
    counts = chart_counts_sql.statement(weeks).subquery()
    topics = profile_queries.ranked_topics()
    return (
        select(counts, topics.c.kind, topics.c.name, topics.c.learners)
        .select_from(counts)
        .outerjoin(topics, topics.c.rank <= bindparam("top"))
        .order_by(topics.c.kind, topics.c.rank)
    )
