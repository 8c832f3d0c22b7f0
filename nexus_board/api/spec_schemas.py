"""JSON Schemas of what the API reads and returns (components of its OpenAPI document)."""

from ..models import ContractStatus, HttpMethod, Track

STRING = {"type": "string"}
TIME = {"type": "string", "format": "date-time"}
URL = {"type": "string", "format": "uri"}
ANY = {}  # an example: any JSON value


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict, required=None, **extra) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        **extra,
    }


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def page_of(item: str, **extra) -> dict:
    return obj(
        {
            "items": {"type": "array", "items": ref(item)},
            "next_cursor": nullable(STRING),
            "next": nullable(URL),
            **extra,
        }
    )


SCHEMA = {"type": ["object", "null"], "description": "A JSON Schema (2020-12); null: none."}
NAMED = {
    "type": ["object", "null"],
    "description": 'More named examples for the mock: {"missing": {...}}; null: none.',
}
DISPATCH = {
    "type": ["array", "null"],
    "items": {"type": "object"},
    "description": 'The mock\'s rules: [{"in": "path", "name": "id", "equals": "0", '
    '"status": 404, "example": "missing"}]; null: none.',
}
RESPONSE = obj(
    {
        "status_code": {"type": "integer", "minimum": 100, "maximum": 599},
        "description": STRING,
        "example": ANY,
        "schema": SCHEMA,
        "examples": NAMED,
    }
)
PARAMETERS = {
    "type": ["array", "null"],
    "items": obj(
        {"name": STRING, "in": {"enum": ["path", "query", "header"]},
         "required": {"type": "boolean"}, "schema": {"type": "object"}, "description": STRING},
        required=["name", "in"],
    ),
}  # fmt: skip
COMPONENTS = {
    "type": ["object", "null"],
    "additionalProperties": {"type": "object"},
    "description": 'Named schemas, referred to as {"$ref": "#/components/schemas/Name"}.',
}
CHANGE = obj(
    {"rule": STRING, "severity": {"enum": ["breaking", "possibly_breaking", "safe"]},
     "location": STRING, "sentence": STRING},
)  # fmt: skip

CONTRACT = obj(
    {
        "id": {"type": "integer"},
        "url": URL,
        "html_url": URL,
        "mock_url": {
            "type": "string",
            "format": "uri-template",
            "description": "The mock of this endpoint; fill in its {parameters}.",
        },
        "project": obj({"slug": STRING, "name": STRING}),
        "method": {"enum": [m.value for m in HttpMethod]},
        "path": STRING,
        "summary": STRING,
        "description": STRING,
        "auth_required": {"type": "boolean"},
        "request_example": ANY,
        "request_schema": SCHEMA,
        "parameters": PARAMETERS,
        "components": COMPONENTS,
        "dispatch": DISPATCH,
        "schema_source": nullable({"enum": ["imported", "authored"]}),
        "responses": {"type": "array", "items": ref("Response")},
        "deprecated": {"type": "boolean"},
        "sunset": nullable({"type": "string", "format": "date"}),
        "deprecation_note": nullable(STRING),
        "tags": {"type": "array", "items": STRING},
        "status": {"enum": [s.value for s in ContractStatus]},
        "author": ref("Person"),
        "claimer": nullable(ref("Person")),
        "version": {"type": "integer"},
        "implemented_at": nullable(TIME),
        "created_at": TIME,
        "updated_at": TIME,
        "verification": nullable(ref("Verification")),
    }
)

REVISION = obj(
    {
        "version": {"type": "integer"},
        "editor": ref("Person"),
        "created_at": TIME,
        "breaking": {"type": "boolean"},
        "breaking_reasons": {"type": "array", "items": STRING},
        "severity": nullable({"enum": ["breaking", "possibly_breaking", "safe"]}),
        "classified": {"type": "array", "items": CHANGE},
        "changes": {
            "type": "array",
            "items": obj(
                {"field": STRING, "label": STRING, "old": nullable(STRING), "new": nullable(STRING)}
            ),
        },
    }
)

INPUT_PROPERTIES = {
    "project": {**STRING, "description": "A project's name; a new name starts a project."},
    "method": {"enum": [m.value for m in HttpMethod]},
    "path": {**STRING, "description": "Starts with /, parameters in braces: /items/{id}"},
    "summary": STRING,
    "description": {**STRING, "description": "Markdown."},
    "auth_required": {"type": "boolean"},
    "request_example": {**ANY, "description": "Required for POST, PUT and PATCH."},
    "request_schema": SCHEMA,
    "parameters": PARAMETERS,
    "components": COMPONENTS,
    "dispatch": DISPATCH,
    "deprecated": {"type": "boolean"},
    "sunset": {**nullable({"type": "string", "format": "date"}), "description": "2027-06-30"},
    "deprecation_note": nullable(STRING),
    "tags": {"type": "array", "items": STRING},
    "responses": {
        "type": "array",
        "items": obj(
            {
                "status_code": {"type": "integer", "minimum": 100, "maximum": 599},
                "description": STRING,
                "example": ANY,
                "schema": SCHEMA,
                "examples": NAMED,
            },
            required=["status_code"],
        ),
    },
}

SCHEMAS = {
    "Error": obj(
        {
            "error": STRING,
            "message": STRING,
            "status": {"type": "integer"},
            "errors": {"type": "object", "additionalProperties": STRING},
        },
        required=["error", "message", "status"],
    ),
    "Person": obj({"username": STRING, "display_name": STRING}),
    "Learner": obj(
        {
            "username": STRING,
            "display_name": STRING,
            "track": {"enum": [t.value for t in Track]},
            "admin": {"type": "boolean"},
            "joined_at": TIME,
            "learnings": {"type": "array", "items": STRING, "description": "The first few."},
            "url": URL,
            "html_url": URL,
            "readme_url": URL,
        },
        description="A learner as listed.",
    ),
    "LearnerProfile": {
        "allOf": [ref("Learner"), obj({"profile": ref("Profile")})],
        "description": "A learner with their whole public profile.",
    },
    "Profile": obj(
        {
            **dict.fromkeys(
                ("headline", "overview", "project_focus", "discord_handle", "github_url"), STRING
            ),
            "technologies": {"type": "array", "items": ref("Learning")},
            "concepts": {"type": "array", "items": ref("Learning")},
            "challenges": {
                "type": "array",
                "items": obj(
                    {
                        "title": STRING,
                        "solution": STRING,
                        "tags": {"type": "array", "items": STRING},
                    }
                ),
            },
            "takeaways": {"type": "array", "items": STRING},
            "sections": {"type": "array", "items": obj({"title": STRING, "body": STRING})},
        },
        description="Markdown fields (overview, solutions, section bodies) are raw Markdown.",
    ),
    "Learning": obj({"name": STRING, "note": STRING}),
    "Project": obj(
        {
            "slug": STRING,
            "name": STRING,
            "contracts": {"type": "integer"},
            "openapi_url": URL,
            "mock_url": URL,
            "html_url": URL,
        }
    ),
    "Response": RESPONSE,
    "Verification": obj(
        {
            "passed": {"type": "boolean"},
            "status_code": nullable({"type": "integer"}),
            "detail": STRING,
            "contract_version": {"type": "integer"},
            "checked_at": TIME,
        }
    ),
    "Contract": CONTRACT,
    "Revision": REVISION,
    "ContractWithHistory": {
        "allOf": [ref("Contract")],
        "type": "object",
        "properties": {"history": {"type": "array", "items": ref("Revision")}},
        "required": ["history"],
    },
    "ContractSaved": {
        "allOf": [ref("Contract")],
        "type": "object",
        "properties": {"revision": nullable(ref("Revision"))},
        "required": ["revision"],
    },
    "ContractInput": obj(
        INPUT_PROPERTIES, required=["project", "method", "path", "summary", "responses"]
    ),
    "ContractChanges": obj(
        {
            "version": {"type": "integer", "description": "The version you edited."},
            **INPUT_PROPERTIES,
        },
        required=["version"],
    ),  # fmt: skip
    "Update": obj(
        {
            "id": {"type": "integer"},
            "url": URL,
            "author": ref("Person"),
            "body": {**STRING, "description": "Markdown with #tags and @mentions."},
            "tags": {"type": "array", "items": STRING},
            "mentions": {"type": "array", "items": STRING},
            "announcement": {"type": "boolean"},
            "pinned": {"type": "boolean"},
            "contract_id": nullable({"type": "integer"}),
            "created_at": TIME,
        }
    ),
    "ContractPage": page_of("Contract"),
    "LearnerPage": page_of("Learner"),
    "UpdatePage": page_of("Update", pinned={"type": "array", "items": ref("Update")}),
    "ProjectList": obj({"items": {"type": "array", "items": ref("Project")}}),
    "Index": obj(
        dict.fromkeys(("openapi", "docs", "contracts", "projects", "learners", "updates"), URL)
    ),
}
