"""Run one query under a deadline and a size cap, in a thread the request can abandon.

Oxigraph evaluates a query in Rust with Python's GIL released, but offers no
way to cancel it. So the query and the writing of its answer run in a query
thread (kept between requests), while the request thread waits for the
answer's chunks until the deadline. A query that misses it is answered with a clean 503, and the
abandoned thread is stopped at its next write (a long answer) or, when it
writes nothing (``COUNT`` over a cartesian product), by retiring the worker
process once the answer is sent: gunicorn then starts a fresh one, and the
other workers keep serving meanwhile.

Small answers are sent whole, with a ``Content-Length``; an answer larger
than the streaming threshold is streamed as Oxigraph writes it, still under
the same size cap and deadline (past which the stream is cut short).
"""

from __future__ import annotations

import io
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from werkzeug.exceptions import HTTPException

from .errors import QueryRejected, QueryTimeout
from .formats import QueryResult, write

logger = logging.getLogger(__name__)

#: Bytes collected before an answer is streamed rather than sent whole.
STREAM_THRESHOLD = 1024 * 1024

_DONE = object()


class _CancelledError(Exception):
    """Raised inside the writer to make Oxigraph stop writing an abandoned answer."""


@dataclass
class Limits:
    """How long a query may run and how large its answer may be."""

    timeout: float
    max_bytes: int
    stream_threshold: int = STREAM_THRESHOLD


class _Chunks(io.RawIOBase):
    """The channel between the query thread (which writes) and the request thread."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__()
        self.max_bytes = max_bytes
        self.items: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.cancelled = False  # set by the request thread, read by the query thread
        self.written = 0
        self.media_type: str | None = None
        self.on_abandon: Callable[[], None] | None = None

    def writable(self) -> bool:
        return True

    def write(self, chunk: bytes) -> int:  # type: ignore[override]
        if self.cancelled:
            raise _CancelledError
        self.written += len(chunk)
        if self.written > self.max_bytes:
            raise QueryRejected(
                f"The result is larger than the {self.max_bytes} bytes this endpoint returns at "
                "once; add LIMIT and OFFSET, or narrow the query."
            )
        self.items.put(bytes(chunk))
        return len(chunk)


class QueryThreads:
    """Threads that run queries, kept between requests (starting a thread costs
    more than a small query). A thread left with an abandoned query is not
    reused: it ends when its query does, and a new one takes its place."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._idle: list[_QueryThread] = []

    def run(self, work: Callable[[], None]) -> _QueryThread:
        """Run ``work`` on an idle thread (or a new one); return that thread."""
        with self._lock:
            thread = self._idle.pop() if self._idle else _QueryThread(self)
        thread.jobs.put(work)
        return thread

    def _done(self, thread: _QueryThread) -> None:
        with self._lock:
            self._idle.append(thread)


class _QueryThread:
    def __init__(self, pool: QueryThreads) -> None:
        self.pool = pool
        self.jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.abandoned = False
        threading.Thread(target=self._loop, name="sparql-query", daemon=True).start()

    def _loop(self) -> None:
        while True:
            self.jobs.get()()
            if self.abandoned:
                return
            self.pool._done(self)


@dataclass
class Answer:
    """A query's answer: its media type, then either the whole body or a stream."""

    media_type: str
    body: bytes | None
    stream: Iterator[bytes] | None


def execute(
    run: Callable[[], QueryResult],
    choose_media_type: Callable[[QueryResult], str],
    limits: Limits,
    threads: QueryThreads,
    on_abandon: Callable[[], None] | None = None,
) -> Answer:
    """Run ``run()`` and write its result, giving up at ``limits.timeout`` seconds.

    Args:
        run: evaluates the query (``store.run_query`` with its arguments bound).
        choose_media_type: the negotiated format for the kind of result obtained
            (raises an HTTP 406 if the client accepts none).
        limits: deadline and size cap.
        threads: where to run it.
        on_abandon: called when a query is given up while still running, to
            reclaim the CPU it burns (the server retires its worker).

    Raises:
        QueryTimeout: the query ran past the deadline.
        QueryRejected: the query was refused, or its answer is too large.
    """
    started = time.monotonic()
    deadline = started + limits.timeout
    chunks = _Chunks(limits.max_bytes)

    def work() -> None:
        try:
            result = run()
            chunks.media_type = choose_media_type(result)
            write(result, chunks.media_type, chunks)
        except _CancelledError:
            return
        except (QueryRejected, HTTPException) as error:
            chunks.items.put(_detached(error))
            return
        except Exception as error:  # a bug: logged here, with its trace, and reported as a 500
            logger.exception("Query failed")
            chunks.items.put(_detached(error))
            return
        chunks.items.put(_DONE)

    if limits.timeout <= 0:  # no deadline: run here, and spare the hand-over to a thread
        work()
        deadline = float("inf")
    else:
        chunks.on_abandon = _abandon(threads.run(work), on_abandon)
    body: list[bytes] = []
    size = 0
    while True:
        item = _next(chunks, deadline, limits.timeout)
        if item is _DONE:
            assert chunks.media_type is not None
            return Answer(chunks.media_type, b"".join(body), None)
        body.append(item)
        size += len(item)
        if size >= limits.stream_threshold:
            assert chunks.media_type is not None
            return Answer(chunks.media_type, None, _stream(body, chunks, deadline, limits))


def _detached(error: BaseException) -> BaseException:
    """Return ``error`` without its traces, which hold Oxigraph results: those may
    only be released by the thread that made them."""
    cause: BaseException | None = error
    while cause is not None:
        cause.__traceback__ = None
        cause = cause.__cause__ or cause.__context__
    return error


def _abandon(thread: _QueryThread, then: Callable[[], None] | None) -> Callable[[], None]:
    def abandon() -> None:
        thread.abandoned = True
        if then is not None:
            then()

    return abandon


def _next(chunks: _Chunks, deadline: float, timeout: float) -> Any:
    """Return the next chunk or ``_DONE``; raise the thread's error or a timeout."""
    try:
        wait = None if deadline == float("inf") else max(deadline - time.monotonic(), 0)
        item = chunks.items.get(timeout=wait)
    except queue.Empty:
        chunks.cancelled = True
        if chunks.on_abandon is not None:
            chunks.on_abandon()
        raise QueryTimeout(
            f"The query ran longer than the {timeout:g} s this endpoint allows and was "
            "stopped; narrow it (LIMIT, more specific patterns, bounded property paths)."
        ) from None
    if isinstance(item, BaseException):
        raise item
    return item


def _stream(
    head: list[bytes],
    chunks: _Chunks,
    deadline: float,
    limits: Limits,
) -> Iterator[bytes]:
    """Yield the chunks already collected, then the rest as Oxigraph writes them.

    Once the first bytes are sent the status cannot change: a deadline or size
    cap reached mid-stream ends the response with an error, so that the client
    sees a broken transfer rather than a truncated answer that looks whole.
    """
    yield from head
    try:
        while True:
            item = _next(chunks, deadline, limits.timeout)
            if item is _DONE:
                return
            yield item
    except (QueryTimeout, QueryRejected) as error:
        logger.warning("Streamed answer cut short: %s", error)
        raise
    finally:
        chunks.cancelled = True
