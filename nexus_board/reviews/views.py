"""The review board, asking for a review, one request's page and its buttons."""

from flask import redirect, request, url_for
from flask_login import current_user, login_required

from ..caching import cached_page
from ..errors import Forbidden, Invalid
from ..extensions import db, limiter
from ..forms import show_errors
from ..models import ReviewStatus
from ..ratelimits import rate
from ..rendering import done, render
from . import bp, lifecycle, policy, queries, services
from .filters import ReviewFilters
from .forms import FollowUpForm, RequestForm, ReviewForm
from .lookup import get_review
from .policy import Action

PAGE = "reviews/show.html"
SAID = {
    Action.CLAIM: "You are reviewing “{}”.",
    Action.UNCLAIM: "You gave “{}” back: it is open again.",
    Action.FINISH: "Your review of “{}” is posted and done.",
    Action.THANK: "You thanked for the review of “{}”.",
    Action.REOPEN: "“{}” is back in review, with your follow-up.",
}


@bp.get("/reviews")
@cached_page("reviews", "profiles")
def index():
    filters = ReviewFilters.from_args(request.args, signed_in=current_user.is_authenticated)
    viewer = current_user.id if current_user.is_authenticated else None
    status, before = request.args.get("status"), request.args.get("before")
    if status in {s.value for s in ReviewStatus} and before:  # "Load more" of one column
        more = queries.column(ReviewStatus(status), filters, viewer, before)
        return render("reviews/index.html", "more", col=more, filters=filters)
    columns = [queries.column(s, filters, viewer) for s in ReviewStatus]
    counts = queries.counts(filters, viewer)
    return render("reviews/index.html", "columns", columns=columns, counts=counts, filters=filters)


@bp.route("/reviews/new", methods=["GET", "POST"])
@login_required
@limiter.limit(
    rate("review_request"), methods=["POST"], key_func=lambda: f"reviewer/{current_user.id}"
)
def new():
    if not policy.may_request(current_user):
        raise Forbidden(policy.REQUEST_FORBIDDEN)
    form = RequestForm()
    if form.validate_on_submit():
        try:
            review = services.request_review(current_user, **_fields(form))
        except Invalid as error:
            show_errors(form, error)
        else:
            db.session.commit()
            return redirect(url_for("reviews.show", review_id=review.id), 303)
    return render("reviews/new.html", "form", form=form, status=422 if form.errors else 200)


@bp.get("/reviews/<int:review_id>")
@cached_page("reviews", "profiles")
def show(review_id):
    return render(PAGE, "panel", **_context(get_review(review_id, current_user)))


@bp.post("/reviews/<int:review_id>/<any(claim,unclaim,finish,thank,reopen):action>")
@login_required
@limiter.limit(rate("review_move"))
def act(review_id, action):
    action = Action(action)
    text = request.form.get("review") if action is Action.FINISH else request.form.get("follow_up")
    try:
        review = lifecycle.move(review_id, current_user, action, text)
    except lifecycle.MoveRefused as refused:
        return render(PAGE, "panel", status=409, notice=refused.message, **_context(refused.review))
    except Invalid as error:
        return _invalid(review_id, action, error)
    db.session.commit()
    back = url_for("reviews.show", review_id=review.id)
    return done(SAID[action].format(review.title), back=back, template=PAGE, block="panel",
                oob=["announce"], **_context(review))  # fmt: skip


def _invalid(review_id: int, action: Action, error: Invalid):
    """The panel again with the typed text and the reason next to it; nothing was saved."""
    form = ReviewForm() if action is Action.FINISH else FollowUpForm()
    show_errors(form, error, summary=False)
    key = "review_form" if action is Action.FINISH else "follow_up_form"
    review = get_review(review_id, current_user)
    return render(PAGE, "panel", status=422, **_context(review, **{key: form}))


def _context(review, **forms) -> dict:
    allowed = policy.allowed(current_user, review)
    fresh = {  # visitors get no form, so their page carries no CSRF token and can be cached
        "review_form": ReviewForm if Action.FINISH in allowed else None,
        "follow_up_form": FollowUpForm if Action.REOPEN in allowed else None,
    }
    made = {key: forms.get(key) or (form(formdata=None) if form else None)
            for key, form in fresh.items()}  # fmt: skip
    return {"review": review, "allowed": allowed, "Action": Action, **made}


def _fields(form: RequestForm) -> dict:
    return {name: form[name].data for name in ("title", "link", "focus", "tags")}
