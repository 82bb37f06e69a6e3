"""The in-process background work: on the embedded default (no separate worker), the work a request queued runs in
the web process right after its commit (indexing, then alerts, then e-mail, before the response: the next page
finds them done), and the steps that wait on other servers (webhooks) right after, in a task of the app's own,
so that a slow receiver never holds a response. The same task runs every step on a timer, which retries what
failed and picks up what a crash left. Each step works off durable rows, so a step that fails is logged and its
rows wait for the next round or the worker: the request that made the change never fails for it.

The chain is put on `app.state.after_commit` by the composition root (app.main), which starts its timer in the
app's lifespan and stops it on shutdown; None there means no in-process work (`tradeleads worker` and
`tradeleads mail send` do it)."""

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from app.background.outbox import take_queued_work_flag

logger = logging.getLogger(__name__)
Step = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class GuardedStep:
    """One step, one drain at a time; a failure is logged with `on_failure`. `in_request` steps run before the
    response; the others in the chain's own task."""

    step: Step
    on_failure: str
    in_request: bool = True
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def __call__(self) -> None:
        async with self.lock:
            try:
                await self.step()
            except Exception:
                logger.exception(self.on_failure)


@dataclass
class AfterCommitChain:
    """Steps in the order they run (the alerts read the index, so indexing comes first; e-mails the alerts wrote
    leave last, in the same request; webhooks the alerts queued go next, from the chain's task)."""

    steps: list[GuardedStep] = field(default_factory=list)
    interval_seconds: float = 10.0
    _wake: asyncio.Event = field(default_factory=asyncio.Event)
    _task: "asyncio.Task[None] | None" = None

    def add(self, step: Step, on_failure: str, *, in_request: bool = True) -> None:
        self.steps.append(GuardedStep(step, on_failure, in_request))

    async def __call__(self) -> None:
        """After a commit that queued work: the request's steps now, then a nudge for the task's."""
        for step in self.steps:
            if step.in_request:
                await step()
        if any(not step.in_request for step in self.steps):
            self._wake.set()

    async def run_all(self) -> None:
        """One round of every step, in order."""
        for step in self.steps:
            await step()

    def start(self) -> None:
        """Starts the task that runs every step when nudged after a commit and every `interval_seconds`."""
        if self._task is None:
            self._wake.set()  # a first round at once: what a stop or a crash left waiting goes out now
            self._task = asyncio.create_task(self._rounds(), name="tradeleads-background")

    async def stop(self) -> None:
        """Stops the task; a round in progress is cancelled (its rows stay durable, the next start redoes them)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _rounds(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.interval_seconds)
            self._wake.clear()
            try:
                await self.run_all()
            except Exception:  # a step logs its own failures; this keeps the task alive whatever happens
                logger.exception("a background round failed")


async def run_after_commit(app: FastAPI, session: AsyncSession) -> None:
    """After a successful commit that queued durable work, the app's chain (if it has one)."""
    chain: Step | None = getattr(app.state, "after_commit", None)
    if chain is not None and take_queued_work_flag(session):
        await chain()
