"""A GraphQL project's operations as one .graphql file, ready for graphql-codegen."""

from ..models import Project
from . import queries


def operations_file(project: Project) -> str:
    """Every published, shown operation of `project`, each headed by its summary."""
    parts = [f"# Operations of {project.name}, from Nexus Board.\n"]
    for contract in queries.operations_of(project.id):
        if contract.is_draft or contract.hidden_at is not None:
            continue
        summary = " ".join(contract.summary.split())
        parts.append(f"# {summary}\n{contract.document.strip()}\n")
    return "\n".join(parts)
