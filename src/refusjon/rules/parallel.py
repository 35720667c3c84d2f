"""Deciding a large file on several cores, with the same output as one core.

A person's running totals depend only on that person's earlier claims, so each person's claims
go, in file order, to one worker process (chosen by a stable hash of ``person_id``). The main
process reads only the ids of each line to route it (:meth:`ClaimIds.identify`, as one process
does), answers unreadable lines and repeated claim ids itself, and writes the decisions back in
file order.
"""

from __future__ import annotations

import multiprocessing
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from typing import Any, cast

from refusjon.rules.batch import (
    BatchAssessor,
    ClaimIds,
    Tidy,
    decision_to_json,
    dumps,
    tune_garbage_collector,
)
from refusjon.rules.explain import Renderer
from refusjon.rules.model import ClaimOutcome
from refusjon.rules.rates import ExchangeRates

# Lines sent to a worker at a time, and batches a worker may have waiting. Small, so that the
# decisions held back for an earlier one (written in file order) take little memory.
BATCH = 64
IN_FLIGHT = 4
WAIT_SECONDS = 1.0

Line = tuple[bytes, bool]  # a decision as a line of JSON, and whether it is invalid


@dataclass(frozen=True)
class Settings:
    rates: ExchangeRates | None
    lang: str
    with_sources: bool


class WorkerFailed(RuntimeError):
    """A worker process stopped before the file was decided."""


def _work(settings: Settings, inbox: Queue[Any], results: Connection) -> None:
    assessor = BatchAssessor(rates=settings.rates)
    renderer = Renderer(settings.lang, settings.with_sources)
    tune_garbage_collector()
    while (batch := inbox.get()) is not None:
        decided = []
        for number, text in batch:
            decision = assessor.assess_text(text).decision
            record = dumps(decision_to_json(decision, renderer))
            decided.append((number, record, decision.outcome is ClaimOutcome.INVALID))
        # Sent from this thread, straight into the pipe: a queue's feeder thread would keep a
        # heap of its own, which grows over a long run.
        results.send(decided)


class ParallelAssessor:
    """Decides JSON Lines on ``jobs`` worker processes; yields the decisions in file order."""

    def __init__(self, jobs: int, settings: Settings) -> None:
        self.jobs = jobs
        self.settings = settings
        self.renderer = Renderer(settings.lang, settings.with_sources)
        self.claim_ids = ClaimIds()
        self._ready: dict[int, Line] = {}
        self._next = 0
        self._in_flight: list[int] = [0] * jobs  # batches sent to each worker, not yet back

    def run(self, lines: Iterable[str]) -> Iterator[Line]:
        context = multiprocessing.get_context("fork")
        self._inboxes: list[Queue[Any]] = [context.Queue() for _ in range(self.jobs)]
        pipes = [context.Pipe(duplex=False) for _ in range(self.jobs)]
        self._results: list[Connection] = [reader for reader, _ in pipes]
        self._workers: list[BaseProcess] = [
            context.Process(target=_work, args=(self.settings, inbox, writer), daemon=True)
            for inbox, (_, writer) in zip(self._inboxes, pipes, strict=True)
        ]
        for worker in self._workers:
            worker.start()
        for _, writer in pipes:
            writer.close()  # the workers hold them now: a worker that stops closes its pipe
        try:
            yield from self._route_all(lines)
        finally:
            for worker in self._workers:
                if worker.is_alive():
                    worker.terminate()
                worker.join()
            for reader in self._results:
                reader.close()

    def _route_all(self, lines: Iterable[str]) -> Iterator[Line]:
        batches: list[list[tuple[int, str]]] = [[] for _ in range(self.jobs)]
        number = 0
        tidy = Tidy()
        for text in lines:
            if not text.strip():
                continue
            tidy.count()
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
                    self._send(worker, batch)
                    batches[worker] = []
            while sum(self._in_flight) > IN_FLIGHT * self.jobs:
                self._collect()
            yield from self._in_order()
        for worker, batch in enumerate(batches):
            if batch:
                self._send(worker, batch)
            self._inboxes[worker].put(None)
        while any(self._in_flight):
            self._collect()
            yield from self._in_order()
        yield from self._in_order()

    def _send(self, worker: int, batch: list[tuple[int, str]]) -> None:
        self._inboxes[worker].put(batch)
        self._in_flight[worker] += 1

    def _collect(self) -> None:
        """Take the decided batches that are ready (waiting for at least one). Only the pipes
        of workers with batches out are watched: a worker that has finished closes its own."""
        waiting = [
            reader for reader, out in zip(self._results, self._in_flight, strict=True) if out
        ]
        while not (ready := wait(waiting, timeout=WAIT_SECONDS)):
            self._check_workers()
        for reader in cast(list[Connection], ready):
            try:
                decided = reader.recv()
            except EOFError:
                self._check_workers()
                raise WorkerFailed("a worker stopped") from None
            self._in_flight[self._results.index(reader)] -= 1
            for number, record, is_invalid in decided:
                self._ready[number] = (record, is_invalid)

    def _check_workers(self) -> None:
        for worker in self._workers:
            worker.join(timeout=0.1 if worker.exitcode is None else 0)
            if worker.exitcode not in (None, 0):
                raise WorkerFailed(f"a worker stopped (exit code {worker.exitcode})")

    def _in_order(self) -> Iterator[Line]:
        while self._next in self._ready:
            yield self._ready.pop(self._next)
            self._next += 1
