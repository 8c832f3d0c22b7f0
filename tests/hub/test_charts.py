"""The cohort charts' data: plain functions, tested without HTTP (the hub tests draw them)."""

from datetime import UTC, date, datetime, timedelta, timezone

from nexus_board.extensions import db
from nexus_board.hub import charts
from nexus_board.hub.charts import Chart, Point, WeekCount, per_week
from nexus_board.models import Contract, LearningKind, User
from nexus_board.profiles import services as profiles

from ..board.factories import post

WEDNESDAY = date(2026, 11, 25)


def at(day: date, hour: int = 12, tz=UTC) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=tz)


def test_per_week_counts_monday_to_sunday_oldest_first_with_zeros():
    moments = [
        at(date(2026, 11, 23)),  # this week's Monday
        at(date(2026, 11, 29), 23),  # this week's Sunday
        at(date(2026, 11, 22)),  # last week's Sunday
        at(date(2026, 11, 2)),  # four weeks back
        at(date(2026, 10, 1)),  # before the window: ignored
    ]
    weeks = per_week(moments, today=WEDNESDAY, weeks=4)
    assert weeks == [
        WeekCount(date(2026, 11, 2), 1),
        WeekCount(date(2026, 11, 9), 0),
        WeekCount(date(2026, 11, 16), 1),
        WeekCount(date(2026, 11, 23), 2),
    ]


def test_per_week_reads_moments_in_utc():
    # 00:30 on Monday in Lagos (UTC+1) is still Sunday in UTC: last week.
    lagos = timezone(timedelta(hours=1))
    moment = datetime(2026, 11, 23, 0, 30, tzinfo=lagos)
    assert [w.count for w in per_week([moment], today=WEDNESDAY, weeks=2)] == [1, 0]


def test_a_chart_knows_its_shares_total_and_summary():
    chart = Chart("t", "Most learned technologies", "bars",
                  (Point("Django", 4), Point("Redis", 1), Point("Go", 0)),
                  ("learner", "learners"), ("Technology", "Learners"))  # fmt: skip
    assert chart.total == 5 and chart.largest == 4
    assert chart.share(chart.points[1]) == 0.25 and chart.share(chart.points[1], of=5) == 0.2
    assert chart.summary() == "Django: 4 learners; Redis: 1 learner; Go: 0 learners."
    empty = Chart("e", "E", "bars", (Point("x", 0),), ("a", "b"), ("c", "d"))
    assert empty.share(empty.points[0]) == 0.0


def test_most_learned_counts_learners_per_topic_by_kind(app, cast):
    with app.app_context():
        for name, topics in {
            "ada": ["Django", "Redis"],
            "brian": ["django"],
            "hana": ["React"],
        }.items():
            user = db.session.get(User, cast[name])
            for topic in topics:
                profiles.add_learning(user, kind="technology", name=topic)
        profiles.add_learning(db.session.get(User, cast["ada"]), kind="concept", name="Caching")
        db.session.commit()
        with app.test_request_context():
            technologies = charts.most_learned(LearningKind.TECHNOLOGY)
            concepts = charts.most_learned(LearningKind.CONCEPT)
    assert [(p.label, p.value) for p in technologies.points] == [
        ("Django", 2), ("React", 1), ("Redis", 1)
    ]  # fmt: skip
    assert technologies.points[0].url == "/learners?q=Django"
    assert [(p.label, p.value) for p in concepts.points] == [("Caching", 1)]


def test_contracts_by_status_is_none_on_an_empty_board_then_counts_each_column(app, cast):
    with app.app_context(), app.test_request_context():
        assert charts.contracts_by_status() is None
        post(cast["ada"], path="/a")
        post(cast["ada"], path="/b", state="done", claimer_id=cast["gabriel"])
        chart = charts.contracts_by_status()
    assert [(p.label, p.value, p.key) for p in chart.points] == [
        ("Open", 1, "open"), ("Claimed", 0, "claimed"), ("In progress", 0, "in_progress"),
        ("Done", 1, "done"),
    ]  # fmt: skip


def test_done_per_week_counts_contracts_done_now_by_the_week_they_got_there(app, cast):
    today = datetime.now(UTC).date()
    with app.app_context(), app.test_request_context():
        assert charts.done_per_week(today) is None
        ids = [post(cast["ada"], path=f"/p{n}", state="done", claimer_id=cast["gabriel"])
               for n in range(3)]  # fmt: skip
        post(cast["ada"], path="/open")
        db.session.get(Contract, ids[0]).status_changed_at = datetime.now(UTC) - timedelta(weeks=2)
        db.session.get(Contract, ids[1]).status_changed_at = datetime.now(UTC) - timedelta(weeks=20)
        db.session.commit()
        chart = charts.done_per_week(today, weeks=4)
    assert [p.value for p in chart.points] == [0, 1, 0, 1]
    monday = today - timedelta(days=today.weekday())
    assert chart.points[-1].label == f"{monday:%-d %b}"


def test_the_charts_are_cached_until_the_board_or_profiles_change(app, cast, count_queries):
    with app.app_context(), app.test_request_context():
        post(cast["ada"], path="/a")
        first = charts.cohort_charts()
        with count_queries() as statements:
            assert charts.cohort_charts() == first
        assert statements == []
        post(cast["ada"], path="/b")  # a board write retires them
        again = charts.cohort_charts()
    statuses = next(chart for chart in again if chart.key == "statuses")
    assert statuses.points[0].value == 2


def test_the_four_charts_take_one_statement_and_match_the_charts_read_one_by_one(
    app, cast, count_queries
):
    today = datetime.now(UTC).date()
    with app.app_context():
        for name, topics in {"ada": ["Django", "Redis"], "brian": ["django"]}.items():
            for topic in topics:
                profiles.add_learning(db.session.get(User, cast[name]), kind="technology",
                                      name=topic)  # fmt: skip
        profiles.add_learning(db.session.get(User, cast["ada"]), kind="concept", name="Caching")
        db.session.commit()
        with app.test_request_context():
            post(cast["ada"], path="/a")
            post(cast["ada"], path="/b", state="done", claimer_id=cast["gabriel"])
            with count_queries() as statements:
                together = charts._compute(today)
            apart = [
                charts.most_learned(LearningKind.TECHNOLOGY, charts.TOP),
                charts.most_learned(LearningKind.CONCEPT, charts.TOP),
                charts.contracts_by_status(),
                charts.done_per_week(today),
            ]
    assert len(statements) == 1
    assert together == apart
    assert [chart.key for chart in together] == [
        "technologies", "concepts", "statuses", "done-per-week"
    ]  # fmt: skip


def test_the_board_charts_show_while_no_learner_lists_a_topic(app, cast):
    # The counts come outer-joined to the topics: none of those still leaves their row.
    today = datetime.now(UTC).date()
    with app.app_context(), app.test_request_context():
        post(cast["ada"], path="/b", state="done", claimer_id=cast["gabriel"])
        found = charts._compute(today)
    assert [chart.key for chart in found] == ["statuses", "done-per-week"]
    assert found[0].total == 1
