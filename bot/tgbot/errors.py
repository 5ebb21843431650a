"""Exceptions of the Telegram front end. Each docstring says whether its message is shown.

The index's own exceptions live in `index/errors.py`; `/reindex` shows their messages to admins.
"""

from __future__ import annotations


class BotError(Exception):
    """Base class of the bot's exceptions. Messages are written for operators, in English."""


class ConfigError(BotError, ValueError):
    """The bot cannot start with these settings (no token, bad webhook). Shown on the CLI."""
