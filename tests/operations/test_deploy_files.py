"""Dockerfile and compose.yaml mirror docs/deploy.md: the same commands, the same variables.

They cannot be built here, so this is what keeps them true: a command or setting added to one
and not the others fails, and so does one that no code reads or no CLI knows.
"""

import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
DOCS = (ROOT / "docs" / "deploy.md").read_text()
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
DOCKERFILE = (ROOT / "Dockerfile").read_text()
VENV = "/srv/nexus-board/.venv/bin/"


def name(command: str) -> str:
    """A command without its arguments: the words before the first option, path or value."""
    words = []
    for word in shlex.split(command.removeprefix(VENV)):
        if word.startswith(("-", "/", "$")) or "=" in word or word.isdigit():
            break
        words.append(word)
    return " ".join(words)


def documented_commands() -> set[str]:
    """What the systemd units of docs/deploy.md run."""
    return {name(line.split("=", 1)[1]) for line in re.findall(r"^ExecStart(?:Pre)?=.+$",
            DOCS, re.M) if VENV in line}  # fmt: skip


def documented_variables() -> set[str]:
    block = re.search(r"```env\n(.*?)```", DOCS, re.S).group(1)
    return {line.split("=", 1)[0] for line in block.splitlines() if "=" in line}


def compose_apps() -> dict[str, dict]:
    return {n: s for n, s in COMPOSE["services"].items() if s.get("image") == "nexus-board"}


def test_compose_runs_the_documented_commands():
    commands = {name(service["command"]) for service in compose_apps().values()}
    assert commands == documented_commands()
    assert documented_commands() >= {"gunicorn wsgi:app", "flask db upgrade",
                                     "flask nexus worker", "flask nexus backup"}  # fmt: skip


def test_the_image_starts_the_documented_web_command():
    command = re.search(r"^CMD (\[.*\])$", DOCKERFILE, re.M).group(1)
    assert name(" ".join(yaml.safe_load(command))) == "gunicorn wsgi:app"
    assert 'pip install --no-cache-dir -e ".[production]"' in DOCKERFILE
    assert '.venv/bin/pip install -e ".[production]"' in DOCS
    assert "RUN make vendor" in DOCKERFILE and "\nmake vendor\n" in DOCS


@pytest.mark.parametrize("service", sorted(compose_apps()))
def test_every_app_container_has_the_documented_variables(service):
    assert set(compose_apps()[service]["environment"]) == documented_variables()


def test_the_image_sets_only_documented_variables():
    block = re.search(r"^ENV (.*?)(?=^\w)", DOCKERFILE, re.M | re.S).group(1)
    names = set(re.findall(r"(\w+)=", block)) - {"PATH"}
    assert names and names <= documented_variables()


def test_every_documented_variable_is_read_by_the_code():
    code = "".join(
        path.read_text()
        for path in [ROOT / "gunicorn.conf.py", *(ROOT / "nexus_board").rglob("*.py")]
    )
    unread = {v for v in documented_variables() if f'"{v}"' not in code}
    assert unread == set()


def test_every_documented_command_exists(app):
    runner = app.test_cli_runner()
    for command in documented_commands():
        if command.startswith("flask "):
            result = runner.invoke(args=[*command.split()[1:], "--help"])
            assert result.exit_code == 0, f"`{command}` is no command: {result.output}"


def test_the_readme_points_at_the_deployment_guide():
    readme = (ROOT / "README.md").read_text()
    assert "docs/deploy.md" in readme
    assert readme.count("```sh") == 2  # still exactly two set-up commands: make run, make test
