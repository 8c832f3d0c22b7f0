"""`Prefer: dynamic=true`: an answer generated from the response's schema, with jsf (Faker).

The same schema and seed give the same answer in every worker (jsf draws from `random` and
Faker, both seeded here under a lock), so `Prefer: seed=7` is repeatable. Work is bounded: a
schema is generated with arrays capped at `ARRAY_ITEMS` and recursion at `DEPTH`; what comes
out is checked against the schema with the bounded validator, and anything past
`DYNAMIC_SECONDS`, invalid, or from a schema jsf cannot read answers the stored example
instead (the `X-Mock-Dynamic` header says which). Answers are kept per process by (the
schemas' digest, status, seed), a pure function of them, so a repeated request costs a dict
look-up; without a seed, one of `DYNAMIC_SEEDS` variants is answered.
"""

import copy
import json
import logging
import random
import threading
import time
from collections import OrderedDict

from faker import Faker
from jsf import JSF

from .. import json_values
from ..limits import DYNAMIC_CACHED, DYNAMIC_SECONDS, DYNAMIC_SEEDS, SAMPLE_VALUES
from ..schemas import COMPONENTS_PREFIX
from ..schemas.validation import TooComplex, errors

log = logging.getLogger(__name__)
ARRAY_ITEMS = 5
DEPTH = 5
# Keywords jsf does not generate for: such a schema answers its example.
UNSUPPORTED = ("pattern", "patternProperties", "not", "if", "dependentSchemas", "$dynamicRef")
_lock = threading.Lock()  # jsf draws from the process's `random`: one generation at a time
_kept_lock = threading.Lock()
_answers: OrderedDict = OrderedDict()


def seed_for(wanted_seed: int | None) -> int:
    return wanted_seed if wanted_seed is not None else random.randrange(DYNAMIC_SEEDS)


def generated(key: tuple, schema: dict | None, components: dict, seed: int) -> str | None:
    """JSON text generated from `schema` with `seed`, or None when it cannot be (say why)."""
    if schema is None:
        return None
    with _kept_lock:
        found = _answers.get((*key, seed))
        if found is not None:
            _answers.move_to_end((*key, seed))
            return found or None
    text = _generate(schema, components, seed) or ""
    with _kept_lock:
        _answers[(*key, seed)] = text
        while len(_answers) > DYNAMIC_CACHED:
            _answers.popitem(last=False)
    return text or None


def _generate(schema: dict, components: dict, seed: int) -> str | None:
    whole = _capped({**schema, "$defs": components} if components else schema)
    if _uses(whole, UNSUPPORTED):
        return None
    started = time.monotonic()
    try:
        with _lock:
            kept = random.getstate()
            try:
                random.seed(seed)
                Faker.seed(seed)
                value = JSF(whole, allow_none_optionals=0.0, max_recursive_depth=DEPTH).generate()
            finally:
                random.setstate(kept)
        json_values.check(value, values=SAMPLE_VALUES)
        if time.monotonic() - started > DYNAMIC_SECONDS or errors(schema, value, components):
            return None
    except (TooComplex, ValueError, TypeError, KeyError, RecursionError, AttributeError) as error:
        log.info("no dynamic answer for a schema: %r", error)
        return None
    except Exception as error:  # jsf on an odd schema: the example answers instead
        log.info("no dynamic answer for a schema: %r", error)
        return None
    return json.dumps(value, indent=2, ensure_ascii=False)


def _capped(schema):
    """A copy for jsf: every array at most ARRAY_ITEMS long (or its minItems, when larger),
    and `$ref`s to named schemas pointing at `$defs`, where jsf looks."""
    schema = copy.deepcopy(schema)
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith(COMPONENTS_PREFIX):
                node["$ref"] = "#/$defs/" + ref.removeprefix(COMPONENTS_PREFIX)
            if node.get("type") == "array" or "items" in node:
                low = node.get("minItems", 0) if isinstance(node.get("minItems"), int) else 0
                high = node.get("maxItems")
                node["maxItems"] = max(low, min(high if isinstance(high, int) else 9, ARRAY_ITEMS))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return schema


def _uses(schema, keywords) -> bool:
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if any(keyword in node for keyword in keywords):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False
