"""Deciding a large file on several cores, with the same output as one core.

A person's running totals depend only on that person's earlier claims, so each person's claims
go, in file order, to one worker process (chosen by a stable hash of ``person_id``). The main
process reads only the ids of each line to route it (:meth:`ClaimIds.identify`, as one process
does), answers unreadable lines and repeated claim ids itself, and writes the decisions back in
file order.
"""

from __future__ import annotations

import multiprocessing
import queue
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from typing import Any

from refusjon.rules.batch import (
    BatchAssessor,
    ClaimIds,
    decision_to_json,
    dumps,
    tune_garbage_collector,
)
from refusjon.rules.explain import Renderer
from refusjon.rules.model import ClaimOutcome
from refusjon.rules.rates import ExchangeRates

BATCH = 256  # lines sent to a worker at a time
IN_FLIGHT = 4  # batches a worker may have waiting, so memory stays flat
WAIT_SECONDS = 1.0

Line = tuple[bytes, bool]  # a decision as a line of JSON, and whether it is invalid


@dataclass(frozen=True)
class Settings:
    rates: ExchangeRates | None
    lang: str
    with_sources: bool


class WorkerFailed(RuntimeError):
    """A worker process stopped before the file was decided."""


def _work(settings: Settings, inbox: Queue[Any], outbox: Queue[Any]) -> None:
    assessor = BatchAssessor(rates=settings.rates)
    renderer = Renderer(settings.lang, settings.with_sources)
    tune_garbage_collector()
    while (batch := inbox.get()) is not None:
        decided = []
        for number, text in batch:
            decision = assessor.assess_text(text).decision
            record = dumps(decision_to_json(decision, renderer))
            decided.append((number, record, decision.outcome is ClaimOutcome.INVALID))
        outbox.put(decided)


class ParallelAssessor:
    """Decides JSON Lines on ``jobs`` worker processes; yields the decisions in file order."""

    def __init__(self, jobs: int, settings: Settings) -> None:
        self.jobs = jobs
        self.settings = settings
        self.renderer = Renderer(settings.lang, settings.with_sources)
        self.claim_ids = ClaimIds()
        self._ready: dict[int, Line] = {}
        self._next = 0
        self._in_flight = 0

    def run(self, lines: Iterable[str]) -> Iterator[Line]:
        context = multiprocessing.get_context("fork")
        inboxes: list[Queue[Any]] = [context.Queue() for _ in range(self.jobs)]
        self._outbox: Queue[Any] = context.Queue()
        self._workers: list[BaseProcess] = [
            context.Process(target=_work, args=(self.settings, inbox, self._outbox), daemon=True)
            for inbox in inboxes
        ]
        for worker in self._workers:
            worker.start()
        try:
            yield from self._route_all(lines, inboxes)
        finally:
            for worker in self._workers:
                if worker.is_alive():
                    worker.terminate()
                worker.join()

    def _route_all(self, lines: Iterable[str], inboxes: list[Queue[Any]]) -> Iterator[Line]:
        batches: list[list[tuple[int, str]]] = [[] for _ in inboxes]
        number = 0
        for text in lines:
            if not text.strip():
                continue
            identified = self.claim_ids.identify(text)
            if identified.answer is not None:
                answer = identified.answer.decision
                self._ready[number] = (dumps(decision_to_json(answer, self.renderer)), True)
            else:
                worker = zlib.crc32((identified.person_id or "").encode()) % self.jobs
                batches[worker].append((number, text))
            number += 1
            for worker, batch in enumerate(batches):
                # A batch is sent when full, or when it holds up the output for too long.
                if batch and (len(batch) >= BATCH or number - batch[0][0] > BATCH * self.jobs):
                    self._send(inboxes[worker], batch)
                    batches[worker] = []
            while self._in_flight > IN_FLIGHT * self.jobs:
                self._collect()
            yield from self._in_order()
        for inbox, batch in zip(inboxes, batches, strict=True):
            if batch:
                self._send(inbox, batch)
            inbox.put(None)
        while self._in_flight:
            self._collect()
            yield from self._in_order()
        yield from self._in_order()

    def _send(self, inbox: Queue[Any], batch: list[tuple[int, str]]) -> None:
        inbox.put(batch)
        self._in_flight += 1

    def _collect(self) -> None:
        while True:
            try:
                decided = self._outbox.get(timeout=WAIT_SECONDS)
                break
            except queue.Empty:
                stopped = [w for w in self._workers if w.exitcode not in (None, 0)]
                if stopped:
                    raise WorkerFailed(
                        f"a worker stopped (exit code {stopped[0].exitcode})"
                    ) from None
        self._in_flight -= 1
        for number, record, is_invalid in decided:
            self._ready[number] = (record, is_invalid)

    def _in_order(self) -> Iterator[Line]:
        while self._next in self._ready:
            yield self._ready.pop(self._next)
            self._next += 1
