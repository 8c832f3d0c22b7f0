"""A curl line that calls a contract's mock: what a frontend learner pastes into a terminal."""

import json
import re
import shlex

from . import bp

PARAMETER = re.compile(r"\{[^{}/]*\}")


@bp.app_template_global()
def mock_curl(method: str, url: str, example: str | None = None) -> str:
    """`curl` for `method url`, path parameters filled with 1, the example as its JSON body."""
    parts = ["curl"]
    if method != "GET":
        parts += ["-X", method]
    parts.append(shlex.quote(PARAMETER.sub("1", url)))
    if example:
        try:
            body = json.dumps(json.loads(example), separators=(",", ":"), ensure_ascii=False)
        except ValueError:
            body = example
        parts += ["-H", shlex.quote("Content-Type: application/json"), "-d", shlex.quote(body)]
    return " ".join(parts)
