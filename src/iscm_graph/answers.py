"""A bounded cache of whole serialized answers, kept by each worker process.

The served build never changes under a query: a build is immutable once
published, and a new one is a new directory. So the bytes written for a
request (the query, its dataset, the negotiated format) can be sent again
while the same build is served, sparing the query, its serialization and the
hand-over to the query thread. On a small graph these are most of a
request's cost. Only answers sent whole (not streamed) are kept, the total
is bounded in bytes, and the least recently used go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True)
class CachedAnswer:
    """What is needed to send an answer again."""

    media_type: str
    body: bytes


class AnswerCache:
    """Answers of one build, keyed by request, at most ``max_bytes`` in all (0 keeps none).

    Safe to share between a worker's threads.
    """

    #: One answer may take at most this share of the cache, so that a single
    #: large answer cannot push out all the small ones.
    LARGEST_SHARE = 4

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, CachedAnswer] = OrderedDict()
        self._build = ""
        self.size = 0

    def get(self, build: str, key: str) -> CachedAnswer | None:
        """Return the answer kept for ``key`` under ``build``, or None."""
        if self.max_bytes <= 0:
            return None
        with self._lock:
            if build != self._build:
                self._forget_all(build)
                return None
            answer = self._entries.get(key)
            if answer is not None:
                self._entries.move_to_end(key)
            return answer

    def put(self, build: str, key: str, answer: CachedAnswer) -> None:
        """Keep ``answer`` for ``key`` under ``build``, evicting the least recently used."""
        cost = _cost(key, answer)
        if cost > self.max_bytes // self.LARGEST_SHARE:
            return
        with self._lock:
            if build != self._build:
                self._forget_all(build)
            previous = self._entries.pop(key, None)
            if previous is not None:
                self.size -= _cost(key, previous)
            self._entries[key] = answer
            self.size += cost
            while self.size > self.max_bytes:
                old_key, old = self._entries.popitem(last=False)
                self.size -= _cost(old_key, old)

    def __len__(self) -> int:
        return len(self._entries)

    def _forget_all(self, build: str) -> None:
        """A new build is served: the answers of the old one are of no more use."""
        self._entries.clear()
        self.size = 0
        self._build = build


def _cost(key: str, answer: CachedAnswer) -> int:
    return len(key.encode()) + len(answer.body) + len(answer.media_type)
