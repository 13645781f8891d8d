"""schemathesis against the app's own OpenAPI schema, in-process, over the hostile registry:
no input a client can send makes the JSON API fail with a server error, and every answer has
the status and shape the schema promises (the reading API; see CONFORMING).

(One test walks the operations, each a Hypothesis run of its own: schemathesis's pytest plugin
does not load under pytest 9.)
"""

from __future__ import annotations

import time

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from vigil.web import create_app

from .conftest import Hostile

pytestmark = pytest.mark.slow

EXAMPLES = 150  # per operation: about 40 s in all on two busy cores
# Every operation is held to its schema: no server error, only the status codes it documents
# (the statistics' 422s and the editing routes' 401 and 403 included), bodies as documented.
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def _fuzz(operation: schemathesis.APIOperation) -> None:
    checks = CHECKS

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,  # the same cases every run: a failure is a finding, not a fluke
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(checks=checks)

    run()


def test_the_api_answers_every_request_without_a_server_error(built: Hostile) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(str(built.db)))
    failures: list[str] = []
    operations = 0
    start = time.perf_counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        try:
            _fuzz(operation)
        except (Exception, FailureGroup) as exc:  # every operation is tried, every failure told
            failures.append(f"{operation.label}: {exc}")
    assert operations >= 9
    assert not failures, "\n\n".join(failures)
    assert time.perf_counter() - start < 600
