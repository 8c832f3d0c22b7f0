"""The change classifier: what a new version of a contract does to clients of the old one.

Plain functions, no Flask, no database: `classify(old, new)` over two versions of one contract
(`Operation` values) and `classify_document(old, new)` over two OpenAPI documents. Each change
has a rule id, a severity (breaking, possibly breaking, safe), a location such as
`request.body.lines[].quantity` and a sentence a learner understands. The rule of thumb, as
oasdiff's: narrowing what a client may send, or widening what it may receive, breaks clients.
Every rule is documented, with an example, in docs/breaking-changes.md.
"""

from .contract_diff import classify
from .document_diff import classify_document, operations_of
from .operation import Operation, Parameter
from .rules import RULES, Change, Severity, most_severe

__all__ = [
    "RULES",
    "Change",
    "Operation",
    "Parameter",
    "Severity",
    "classify",
    "classify_document",
    "most_severe",
    "operations_of",
]
