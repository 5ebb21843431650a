"""The sliding-window rate limiter, driven by a fake clock."""

from __future__ import annotations

import pytest

from bot.tgbot.ratelimit import SlidingWindowLimiter, Verdict


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_allows_up_to_the_limit_then_tells_once_then_stays_quiet(clock: FakeClock) -> None:
    limiter = SlidingWindowLimiter(3, 60, clock)
    assert [limiter.hit("u") for _ in range(3)] == [Verdict.ALLOW] * 3
    assert limiter.hit("u") is Verdict.REFUSE_AND_TELL
    assert [limiter.hit("u") for _ in range(50)] == [Verdict.REFUSE_QUIETLY] * 50


def test_window_slides_rather_than_resets(clock: FakeClock) -> None:
    limiter = SlidingWindowLimiter(2, 60, clock)
    assert limiter.hit("u") is Verdict.ALLOW  # t=0
    clock.advance(30)
    assert limiter.hit("u") is Verdict.ALLOW  # t=30
    clock.advance(29.9)
    assert limiter.hit("u") is Verdict.REFUSE_AND_TELL  # t=59.9: both still in the window
    assert limiter.retry_after("u") == pytest.approx(0.1)
    clock.advance(0.1)
    assert limiter.hit("u") is Verdict.ALLOW  # t=60: the first one left the window
    assert limiter.hit("u") is Verdict.REFUSE_AND_TELL  # a new full window: told again
    clock.advance(30)
    assert limiter.hit("u") is Verdict.ALLOW


def test_refusals_do_not_extend_the_wait(clock: FakeClock) -> None:
    limiter = SlidingWindowLimiter(1, 60, clock)
    assert limiter.hit("u") is Verdict.ALLOW
    for _ in range(59):
        clock.advance(1)
        assert limiter.hit("u") is not Verdict.ALLOW
    clock.advance(1)
    assert limiter.hit("u") is Verdict.ALLOW


def test_users_are_independent(clock: FakeClock) -> None:
    limiter = SlidingWindowLimiter(1, 60, clock)
    assert limiter.hit(1) is Verdict.ALLOW
    assert limiter.hit(1) is Verdict.REFUSE_AND_TELL
    assert limiter.hit(2) is Verdict.ALLOW
    assert limiter.retry_after(2) == pytest.approx(60)
    assert limiter.retry_after(3) == 0.0


def test_idle_users_are_forgotten(clock: FakeClock) -> None:
    limiter = SlidingWindowLimiter(5, 60, clock)
    for user in range(limiter.SWEEP_EVERY - 1):
        limiter.hit(user)
    clock.advance(61)
    limiter.hit("last")  # the sweep runs on this call
    assert len(limiter) == 1


def test_rejects_nonsense_configuration() -> None:
    with pytest.raises(ValueError):
        SlidingWindowLimiter(0)
    with pytest.raises(ValueError):
        SlidingWindowLimiter(1, window=0)
