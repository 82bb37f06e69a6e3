"""The after-commit chain: on the embedded default (no separate worker), the work a request queued (indexing, then
alerts, then e-mail) runs in the web process right after its commit. Each step works off durable rows, so a step
that fails is logged and its rows wait for the next drain or the worker: the request that made the change never
fails for it.

The chain is put on `app.state.after_commit` by the composition root (app.main); None there means no in-process
work (a separate `tradeleads worker` does it)."""

import asyncio
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
    """One step, one drain at a time; a failure is logged with `on_failure`."""

    step: Step
    on_failure: str
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def __call__(self) -> None:
        async with self.lock:
            try:
                await self.step()
            except Exception:
                logger.exception(self.on_failure)


@dataclass(frozen=True)
class AfterCommitChain:
    """Steps in the order they run (the alerts read the index, so indexing comes first; e-mails the alerts wrote
    leave last, in the same request)."""

    steps: list[GuardedStep] = field(default_factory=list)

    def add(self, step: Step, on_failure: str) -> None:
        self.steps.append(GuardedStep(step, on_failure))

    async def __call__(self) -> None:
        for step in self.steps:
            await step()


async def run_after_commit(app: FastAPI, session: AsyncSession) -> None:
    """After a successful commit that queued durable work, the app's chain (if it has one)."""
    chain: Step | None = getattr(app.state, "after_commit", None)
    if chain is not None and take_queued_work_flag(session):
        await chain()
