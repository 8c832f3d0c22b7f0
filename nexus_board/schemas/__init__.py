"""JSON Schemas (2020-12, as OpenAPI 3.1 uses) that contracts hold: reading them from text,
checking them, validating values with them, 3.0 to 3.1, and showing them.

Schemas are user input. Each is bounded (`limits.SCHEMA_*`) before anything recursive walks it,
`$ref` points only inside the contract (never fetched from anywhere), every `pattern` runs on
RE2 (linear time), and validating one value stops after a fixed number of steps.
"""

COMPONENTS_PREFIX = "#/components/schemas/"


def component_ref(name: str) -> dict:
    return {"$ref": COMPONENTS_PREFIX + name.replace("~", "~0").replace("/", "~1")}
