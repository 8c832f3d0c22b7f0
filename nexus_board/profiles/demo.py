"""Demo profiles for the cohort in `nexus_board.demo`: both tracks, realistic learnings."""

from ..models import LearningKind, User
from . import services

T, C = LearningKind.TECHNOLOGY, LearningKind.CONCEPT
BACKEND = {
    "technologies": [
        ("Python", "type hints and dataclasses everywhere"),
        ("Django", "models, admin and the ORM"),
        ("REST APIs", "Django REST Framework viewsets and serializers"),
        ("PostgreSQL", "indexes, EXPLAIN ANALYZE"),
        ("Docker", "compose for the API, the database and Redis"),
        ("Celery", "background jobs with retries"),
        ("GraphQL", "Graphene schemas for the frontend team"),
        ("CI/CD", "GitHub Actions running tests on every push"),
    ],
    "concepts": [
        ("Database Design", "normal forms, then denormalize on purpose"),
        ("Caching Strategies", "Redis in front of slow queries"),
        ("Asynchronous Programming", ""),
        ("Authentication", "JWT and session auth side by side"),
    ],
    "challenges": [
        (
            "N+1 queries on the orders endpoint",
            "Used `select_related` and `prefetch_related`; a test now counts queries.",
            ["Django", "PostgreSQL"],
        ),
        (
            "Flaky payment webhooks",
            "Made the handler idempotent and let **Celery** retry with backoff.",
            ["Celery"],
        ),
        (
            "CI pipeline took 20 minutes",
            "Cached dependencies and ran tests in parallel in Docker.",
            ["CI/CD", "Docker"],
        ),
    ],
    "takeaways": [
        "Write **tests** early and continuously.",
        "Keep views thin; put rules in services.",
        "Document every endpoint for the frontend team.",
    ],
}
FRONTEND = {
    "technologies": [
        ("Next.js", "app router and server components"),
        ("TypeScript", "strict mode from day one"),
        ("Tailwind CSS", "design tokens in the config"),
        ("React Query", "server state, caching and retries"),
        ("GraphQL", "typed queries with codegen"),
        ("React", ""),
    ],
    "concepts": [
        ("State Management", "server state apart from UI state"),
        ("Accessibility", "keyboard first, then screen readers"),
        ("Testing", "Playwright for the flows that matter"),
    ],
    "challenges": [
        (
            "Hydration errors",
            "Moved browser-only code (`Date.now()`, `window`) into `useEffect`.",
            ["Next.js"],
        ),
        (
            "Stale lists after a mutation",
            "Invalidated the right **React Query** keys after each mutation.",
            ["React Query"],
        ),
        (
            "Waiting on backend endpoints",
            "Coded against the contract's mock until the API shipped.",
            ["TypeScript"],
        ),
    ],
    "takeaways": [
        "Agree on the API contract before writing UI.",
        "Ship small pull requests.",
        "Check every page with the keyboard.",
    ],
}
FOCUS = {
    "backend": "Building the **orders API** of a small shop: Django, PostgreSQL, Celery.",
    "frontend": "Building the **storefront** in Next.js against the backend team's contracts.",
}


def seed_profiles(learners: dict[str, User]) -> None:
    """Give every demo learner a profile; a different slice of the lists for each one."""
    for index, (username, user) in enumerate(learners.items()):
        if user.is_admin:
            continue
        data = BACKEND if user.is_backend else FRONTEND
        services.update_details(
            user,
            headline=f"{user.track.value.title()} learner, ProDev cohort",
            project_focus=FOCUS[user.track.value],
            overview=f"I am {user.display_name.split()[0]}; here is what I learn in the program.",
            discord_handle=f"{username}.nexus",
            github_url=f"https://github.com/{username}-nexus",
        )
        shift = index % 3
        picked = {}
        for name, note in data["technologies"][shift:] + data["technologies"][:shift]:
            picked[name] = services.add_learning(user, kind=T, name=name, note=note)
        for name, note in data["concepts"][: 2 + shift]:
            picked[name] = services.add_learning(user, kind=C, name=name, note=note)
        for title, solution, tags in data["challenges"][: 2 + (index % 2)]:
            ids = [picked[t].id for t in tags if t in picked]
            services.add_challenge(user, title=title, solution=solution, tag_ids=ids)
        for text in data["takeaways"]:
            services.add_takeaway(user, text=text)
