"""`verify --fuzz N`: schemathesis from the project's exported OpenAPI against the backend.

At most N generated requests per operation and mode (valid data, then invalid data), each
checked for status conformance, response schema conformance and, for invalid data, that the
backend refuses it. Each failure is kept with the curl line that reproduces it. Command line
only, like the rest of `verify`: the web server never calls an address a user gave.
"""

import logging
from dataclasses import dataclass, field

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup  # a BaseExceptionGroup of failed checks
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

log = logging.getLogger(__name__)
CHECKS = {
    GenerationMode.POSITIVE: [status_code_conformance, response_schema_conformance],
    GenerationMode.NEGATIVE: [negative_data_rejection],
}
SHOWN_MESSAGE = 300


@dataclass
class Finding:
    message: str
    curl: str


@dataclass
class OperationReport:
    contract_id: int | None
    endpoint: str  # "GET /api/v1/products/{id}"
    cases: int = 0
    findings: list[Finding] = field(default_factory=list)


def fuzz(document: dict, base_url: str, examples: int, headers: dict) -> list[OperationReport]:
    """One report per operation of `document` (our export: each names its contract)."""
    schema = schemathesis.openapi.from_dict(document)
    schema.config.update(base_url=base_url)
    reports = []
    for result in schema.get_all_operations():
        operation = result.ok()
        ours = operation.definition.raw.get("x-nexus-board") or {}
        report = OperationReport(
            ours.get("contract"), f"{operation.method.upper()} {operation.path}"
        )
        for mode, checks in CHECKS.items():
            _run(operation, mode, checks, examples, base_url, headers, report)
        reports.append(report)
    return reports


def _run(operation, mode, checks, examples: int, base_url: str, headers: dict,
         report: OperationReport) -> None:  # fmt: skip
    seen: set[str] = set()

    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def call(case):
        report.cases += 1
        try:
            case.call_and_validate(base_url=base_url, headers=headers, checks=checks)
        except (Exception, FailureGroup) as error:  # a failed check or no answer: keep, go on
            message = " ".join(str(error).split())[:SHOWN_MESSAGE] or type(error).__name__
            kind = message.split(".")[0]
            if kind not in seen:  # one finding per kind of failure is enough to act on
                seen.add(kind)
                report.findings.append(
                    Finding(message, case.as_curl_command(headers=headers, base_url=base_url))
                )

    try:
        call()
    except Exception as error:  # schemathesis could not generate for this operation
        log.info("fuzzing %s stopped: %r", report.endpoint, error)
