"""Bulk contracts for the benchmark, in every column, with responses, tags, edits, comments."""

import random
from datetime import timedelta

from nexus_board.models import Comment, Contract, ContractResponse, ContractTag, Revision

from .rows import DESCRIPTION, RESOURCES, STATUSES, TAGS, insert_rows, next_id


def add_contracts(rng: random.Random, now, learners, projects, count: int) -> list[int]:
    """Contracts in every column, every column filled, with responses and tags; every third
    edited once (a revision), every other commented on twice."""
    backend = [u for u, track in learners if track == "backend"]
    frontend = [u for u, track in learners if track == "frontend"]
    first, comment = next_id(Contract), next_id(Comment)
    rows = {Contract: [], ContractResponse: [], ContractTag: [], Revision: [], Comment: []}
    for n in range(count):
        status, resource, method = (
            STATUSES[n % 4],
            RESOURCES[n % 10],
            rng.choice(["GET", "POST", "PATCH", "DELETE"]),
        )
        contract, edited, path = first + n, n % 3 == 0, f"/api/v1/{resource}/{n}/{{id}}"
        claimer = None if status == "open" else rng.choice(frontend)
        moved, author, summary = (
            now - timedelta(minutes=n),
            rng.choice(backend),
            f"{resource.title()} endpoint {n}",
        )
        rows[Contract].append(
            {
                "id": contract,
                "project_id": projects[n % len(projects)],
                "method": method,
                "path": path,
                "path_key": path.replace("{id}", "{}"),
                "summary": summary,
                "description": DESCRIPTION.format(resource=resource),
                "auth_required": n % 2 == 0,
                "request_example": '{"name": "Shoe", "price": "9.90"}' if method != "GET" else None,
                "status": status,
                "author_id": author,
                "claimer_id": claimer,
                "claimed_at": moved if claimer else None,
                "seen_version": 1 if claimer else None,
                "breaking_version": 2 if edited and claimer and n % 2 else None,
                "implemented_at": moved if status == "done" else None,
                "version": 2 if edited else 1,
                "created_at": moved - timedelta(days=3),
                "updated_at": moved,
                "status_changed_at": moved,
            }
        )
        rows[ContractResponse].append(
            {
                "contract_id": contract,
                "status_code": 200,
                "description": "OK",
                "example": '{"id": 1, "name": "Shoe", "price": "9.90"}',
            }
        )
        if n % 2:
            rows[ContractResponse].append(
                {
                    "contract_id": contract,
                    "status_code": 404,
                    "description": "Not found",
                    "example": '{"detail": "Not found."}',
                }
            )
        for tag in {resource, TAGS[n % len(TAGS)]}:
            rows[ContractTag].append({"contract_id": contract, "name": tag})
        if edited:
            change = {"field": "summary", "label": "Summary", "old": "Draft", "new": summary}
            rows[Revision].append(
                {
                    "contract_id": contract,
                    "version": 2,
                    "editor_id": author,
                    "created_at": moved,
                    "changes": [change],
                    "breaking": False,
                    "breaking_reasons": [],
                }
            )
        for k in range(2 if n % 2 == 0 else 0):
            rows[Comment].append(
                {
                    "id": comment + len(rows[Comment]),
                    "contract_id": contract,
                    "author_id": rng.choice(frontend),
                    "created_at": moved,
                    "body": f"Is `next` a full URL? (question {k + 1})",
                }
            )
    for target, values in rows.items():
        insert_rows(target, values)
    return [row["id"] for row in rows[Contract]]
