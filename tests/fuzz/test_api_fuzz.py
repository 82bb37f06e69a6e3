"""Fuzzes the JSON API with schemathesis, from the app's own OpenAPI document, over real HTTP.

Four callers: anonymous, a supplier, a buyer and a platform admin (each signed in by a personal access token, renewed
when the fuzzer revokes it). The budget is TRADELEADS_FUZZ_CASES requests in all (default 2,000), a quarter per
caller. Half of a caller's share goes to workflows: chains of valid requests where a response's values (the id of a
listing just created, ...) feed later requests along the links schemathesis infers from the document. The other
half calls every operation on its own, valid and invalid requests alike, the share split over the operations (each
at least once; one whose inputs run out leaves the rest to the next). Generation is seeded, so a failure reproduces.

A response fails when it is a 5xx, when its status is not one the document declares for the operation, or when its
body does not match the declared schema. Every distinct failure (caller, operation, check) is reported once, with a
curl command that reproduces it (the workflow's earlier steps too) and the response."""

import asyncio
import math
import os
import tempfile
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Hypothesis caches what it learns (Unicode tables, the schema's constants) outside the work tree.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "tradeleads-hypothesis"))

import pytest
import requests
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, Verbosity, assume, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Flaky
from schemathesis import APIOperation, Case, Response
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.core.result import Ok
from schemathesis.generation.stateful import run_state_machine_as_test
from schemathesis.generation.stateful.state_machine import APIStateMachine, StepInput, StepOutput
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from app.core.config import Settings
from app.main import create_app
from tests.conftest import ActorFactory, serving

BUDGET = int(os.environ.get("TRADELEADS_FUZZ_CASES", "2000"))
ROLES = ("anonymous", "supplier", "buyer", "admin")
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
REQUEST_TIMEOUT = 30
ME = "/api/v1/me"
SHOWN_BODY = 800  # characters of a failing response kept in the report
WORKFLOW_SHARE = 50  # percent of a role's cases sent as steps of workflows
WORKFLOW_STEPS = 10  # at most, per workflow
WORKFLOW_SUITES = 20  # at most, per role (see Fuzzer.run_workflows)
# Deterministic (a failure reproduces), and no shrinking: failures are collected, not raised.
SETTINGS = settings(derandomize=True, database=None, deadline=None, phases=[Phase.explicit, Phase.generate],
                    suppress_health_check=list(HealthCheck), verbosity=Verbosity.quiet)

Operation = APIOperation[Any, Any, Any, Any]
FuzzCase = Case[Any]

# Operations ("METHOD /path") left out, each with the reason why; every other one is fuzzed by every caller. None
# at present: /metrics answers text (its body is not checked against a schema, its status is), and the card
# gateway's webhook is fuzzed with a secret configured (see `fuzzed_server`).
EXCLUDED: set[str] = set()


@dataclass(frozen=True)
class Caller:
    role: str
    headers: dict[str, str]


@dataclass
class Finding:
    role: str
    operation: str
    checks: str
    reproduction: str
    status: int | None
    response: str
    after: list[str]  # the earlier steps of its workflow, if any
    times: int = 1

    def render(self) -> str:
        steps = f"\n  after: {', '.join(self.after)}" if self.after else ""
        return (f"[{self.role}] {self.operation}: {self.checks} (x{self.times})\n  response {self.status}: "
                f"{self.response}{steps}\n  {self.reproduction}")


@dataclass
class Report:
    findings: dict[tuple[str, str, str], Finding] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    statuses: Counter[str] = field(default_factory=Counter)  # "role status": how deep the cases got

    def add(self, finding: Finding) -> None:
        key = (finding.role, finding.operation, finding.checks)
        if key in self.findings:
            self.findings[key].times += 1
        else:
            self.findings[key] = finding

    def counted(self, role: str, cases: int) -> None:
        self.cases[role] = self.cases.get(role, 0) + cases

    def render(self) -> str:
        lines = [f"{len(self.findings)} distinct failures; cases sent per role: {self.cases}",
                 f"answers: {dict(sorted(self.statuses.items()))}"]
        lines += [finding.render() for finding in self.findings.values()]
        return "\n\n".join(lines)


@pytest.fixture
async def fuzzed_server(app: FastAPI, settings: Settings) -> AsyncIterator[str]:
    """Like `live_server`, but without the in-process background work: the fuzzer creates webhook endpoints and
    e-mail addresses at random, and nothing may be sent to them. The card gateway is configured, so that its
    webhook checks (and refuses) the fuzzer's signatures instead of answering 503 to everything. Depends on `app`
    so that its table cleanup runs after the server stopped."""
    fuzzed = settings.model_copy(update={"background_in_process": False, "card_webhook_secret": "fuzz-secret"})
    async with serving(create_app(fuzzed)) as base_url:
        yield base_url


def load_schema(app: FastAPI, *, valid_only: bool = False) -> schemathesis.BaseSchema:
    """The app's document; with `valid_only`, only valid requests are generated, and no NUL characters (which
    every field refuses): workflows then get further. Invalid requests are the single cases' half."""
    schema = schemathesis.openapi.from_dict(app.openapi())
    # The fuzzer sends each role's own token; it does not invent credentials.
    schema.config.generation.update(with_security_parameters=False)
    if valid_only:
        schema.config.generation.update(modes=[schemathesis.GenerationMode.POSITIVE], allow_x00=False)
    return schema


def operations(schema: schemathesis.BaseSchema) -> list[Operation]:
    """Every operation but the excluded ones, those with the fewest inputs first (see the module's docstring)."""
    found = [result.ok() for result in schema.get_all_operations() if isinstance(result, Ok)]
    assert len(found) == sum(len(methods) for methods in schema.raw_schema["paths"].values()), "an invalid operation"
    kept = [operation for operation in found if operation.label not in EXCLUDED]
    assert len(found) - len(kept) == len(EXCLUDED), "an excluded operation is no longer in the document"
    return sorted(kept, key=lambda operation: (_inputs(operation), operation.label))


def _inputs(operation: Operation) -> int:
    return len(list(operation.iter_parameters())) + len(operation.body)


def strategy(operation: Operation) -> st.SearchStrategy[FuzzCase]:
    modes = [schemathesis.GenerationMode.POSITIVE]
    if _inputs(operation):
        modes.append(schemathesis.GenerationMode.NEGATIVE)
    return st.one_of([operation.as_strategy(generation_mode=mode) for mode in modes])


class Fuzzer:
    """Sends one caller's cases to the server and records what fails."""

    def __init__(self, base_url: str, caller: Caller, renew: Callable[[], Caller], report: Report) -> None:
        self.base_url = base_url
        self.caller = caller
        self.renew = renew
        self.report = report
        self.session = requests.Session()
        self.trail: list[str] = []  # the workflow's steps so far, when the case is one step of a workflow

    def signed_in(self) -> bool:
        try:
            response = self.session.get(self.base_url + ME, headers=self.caller.headers, timeout=REQUEST_TIMEOUT)
        except requests.RequestException:
            return False
        return response.status_code == 200

    def run(self, operation: Operation, examples: int) -> int:
        """Up to `examples` cases of one operation, each on its own; returns how many were sent."""
        sent = 0

        @settings(SETTINGS, max_examples=examples)
        @given(case=strategy(operation))
        def send(case: FuzzCase) -> None:
            nonlocal sent
            sent += 1
            self.send(case)

        send()
        return sent

    def run_workflows(self, schema: schemathesis.BaseSchema, budget: int) -> int:
        """About `budget` cases as steps of workflows of at most WORKFLOW_STEPS, where a response's values (the id
        of a listing just created, ...) feed a later request as the document's inferred links say; returns how
        many were sent. Each suite of workflows starts from its own seed; a suite ends early when the server's state
        makes Hypothesis's replay of a scenario go another way (Flaky), and the next seed carries on."""
        sent = 0

        def step(case: FuzzCase) -> Response | None:
            nonlocal sent
            if sent >= budget:
                raise BudgetSpent
            sent += 1
            response = self.send(case)
            if response is not None:
                self.trail.append(f"{case.method} {case.formatted_path} -> {response.status_code}")
            return response

        for suite in range(WORKFLOW_SUITES):
            workflow = seed(suite)(workflow_of(schema, step, self.trail))
            with suppress(BudgetSpent, Flaky):
                run_state_machine_as_test(workflow, settings=settings(
                    SETTINGS, derandomize=False, max_examples=max(1, (budget - sent) // WORKFLOW_STEPS),
                    stateful_step_count=WORKFLOW_STEPS))
            if sent >= budget:
                break
        self.trail.clear()
        return sent

    def send(self, case: FuzzCase) -> Response | None:
        headers = self.caller.headers
        try:
            response = case.call(self.base_url, self.session, headers, timeout=REQUEST_TIMEOUT)
        except requests.RequestException as error:
            self._record(case, type(error).__name__, None, str(error))
            return None
        self.report.statuses[f"{self.caller.role} {response.status_code}"] += 1
        if response.status_code == 401 and headers and not self.signed_in():
            self.caller = self.renew()  # the fuzzer revoked its token (logged out everywhere, deleted it, ...)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers,
                                   transport_kwargs={"base_url": self.base_url, "session": self.session,
                                                     "headers": headers})
        except FailureGroup as group:
            titles = "; ".join(sorted({failure.title for failure in group.exceptions}))
            self._record(case, titles, response.status_code, response.content.decode(errors="replace"))
        return response

    def _record(self, case: FuzzCase, checks: str, status: int | None, body: str) -> None:
        self.report.add(Finding(self.caller.role, case.operation.label, checks,
                                case.as_curl_command(self.caller.headers, base_url=self.base_url), status,
                                body[:SHOWN_BODY], after=list(self.trail)))


class BudgetSpent(Exception):
    """Ends a suite of workflows once their share of the role's budget is sent."""


def workflow_of(schema: schemathesis.BaseSchema, step: Callable[[FuzzCase], Response | None],
                trail: list[str]) -> type[APIStateMachine]:
    """A state machine over the document's (inferred) links whose every step goes through `step`."""

    class Workflow(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            trail.clear()

        def step(self, input: StepInput) -> StepOutput:
            response = step(input.case)
            assume(response is not None)  # no answer (recorded as a failure): this scenario cannot go on
            assert response is not None
            return StepOutput(response, input.case)

    return Workflow


async def caller_of(make_actor: ActorFactory, role: str) -> Caller:
    """A newly registered owner of an organization of `role` (the admin's both buys and sells), with a bearer
    token. Registered through the API, so the password the fuzzer may change is a real one."""
    if role == "anonymous":
        return Caller(role, {})
    actor = await make_actor("both" if role == "admin" else role, admin=role == "admin")
    return Caller(role, {"Authorization": actor.client.headers["Authorization"]})


def shares(total: int, parts: int) -> Iterator[int]:
    """Splits `total` into `parts` near-equal whole shares."""
    for index in range(parts):
        yield total * (index + 1) // parts - total * index // parts


async def fuzz_role(app: FastAPI, make_actor: ActorFactory, base_url: str, role: str, budget: int,
                    report: Report) -> None:
    """Workflows first (they leave objects behind, which the single cases then may hit), then every operation on
    its own with what is left of the role's budget."""
    loop = asyncio.get_running_loop()

    def renew() -> Caller:  # called from the fuzzer's thread; registering runs on the test's loop
        return asyncio.run_coroutine_threadsafe(caller_of(make_actor, role), loop).result(REQUEST_TIMEOUT)

    fuzzer = Fuzzer(base_url, await caller_of(make_actor, role), renew, report)
    remaining = budget - await asyncio.to_thread(fuzzer.run_workflows, load_schema(app, valid_only=True),
                                                 budget * WORKFLOW_SHARE // 100)
    schema_operations = operations(load_schema(app))
    for index, operation in enumerate(schema_operations):
        share = max(1, math.ceil(remaining / (len(schema_operations) - index)))  # every operation, at least once
        remaining -= await asyncio.to_thread(fuzzer.run, operation, share)
    fuzzer.session.close()
    report.counted(role, budget - remaining)


async def test_the_api_answers_every_fuzzed_request_as_documented(app: FastAPI, make_actor: ActorFactory,
                                                                 fuzzed_server: str) -> None:
    report = Report()
    for role, budget in zip(ROLES, shares(BUDGET, len(ROLES)), strict=True):
        await fuzz_role(app, make_actor, fuzzed_server, role, budget, report)
    print(report.render())
    assert sum(report.cases.values()) >= BUDGET, report.render()
    assert not report.findings, report.render()

