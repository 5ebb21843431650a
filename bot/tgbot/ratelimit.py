"""Per-user sliding-window rate limit for questions; pure, with an injectable clock."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Hashable
from enum import Enum


class Verdict(Enum):
    """What to do with one question."""

    ALLOW = "allow"
    REFUSE_AND_TELL = "refuse_and_tell"  # first refusal while the window is full: say so once
    REFUSE_QUIETLY = "refuse_quietly"  # later refusals in the same full window: stay silent


class SlidingWindowLimiter:
    """At most `limit` allowed events per key in any `window` seconds.

    Refused events do not count, so a flood does not extend the wait. After a refusal has been
    told, further refusals are quiet until the key is allowed again.
    """

    SWEEP_EVERY = 1000

    def __init__(
        self, limit: int, window: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("limit must be >= 1 and window > 0")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._events: dict[Hashable, deque[float]] = {}
        self._told: set[Hashable] = set()
        self._calls = 0

    def hit(self, key: Hashable) -> Verdict:
        """Record an attempt by `key` and say whether it is allowed."""
        now = self._clock()
        self._calls += 1
        if self._calls % self.SWEEP_EVERY == 0:
            self._sweep(now)
        events = self._events.setdefault(key, deque())
        self._expire(events, now)
        if len(events) < self.limit:
            events.append(now)
            self._told.discard(key)
            return Verdict.ALLOW
        if key in self._told:
            return Verdict.REFUSE_QUIETLY
        self._told.add(key)
        return Verdict.REFUSE_AND_TELL

    def retry_after(self, key: Hashable) -> float:
        """Seconds until `key` may ask again (0 when it may now)."""
        now = self._clock()
        events = self._events.get(key)
        if not events:
            return 0.0
        self._expire(events, now)
        if len(events) < self.limit:
            return 0.0
        return max(0.0, events[0] + self.window - now)

    def _expire(self, events: deque[float], now: float) -> None:
        while events and events[0] <= now - self.window:
            events.popleft()

    def _sweep(self, now: float) -> None:
        """Forget keys with no event left in the window (bounds memory)."""
        for key in list(self._events):
            self._expire(self._events[key], now)
            if not self._events[key]:
                del self._events[key]
                self._told.discard(key)

    def __len__(self) -> int:
        return len(self._events)
