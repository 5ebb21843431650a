"""The Telegram application: wiring only. Handlers live in `bot/handlers.py`.

`run_bot` loads the engine once (before the first update), then long-polls or serves a webhook.
"""

from __future__ import annotations

import logging
import re
import secrets
from urllib.parse import urlparse

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    PersistenceInput,
    PicklePersistence,
    filters,
)
from telegram.request import BaseRequest

from bot import handlers, replies
from bot.errors import ConfigError
from bot.handlers import SERVICES_KEY, AnswerEngine, Services
from bot.ratelimit import SlidingWindowLimiter
from bot.settings import Settings

log = logging.getLogger(__name__)

MAX_CONCURRENT_UPDATES = 64
FLOOD_RETRIES = 3  # AIORateLimiter retries a request Telegram answered with RetryAfter
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


def file_base_url(base_url: str) -> str:
    """The Bot API file URL that goes with `base_url` (`.../bot` -> `.../file/bot`)."""
    head, sep, tail = base_url.rpartition("/bot")
    return f"{head}/file/bot{tail}" if sep else base_url


def bot_token(settings: Settings) -> str:
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set")
    return token


def add_handlers(app: Application) -> None:  # type: ignore[type-arg]
    """Register every handler and the error handler."""
    new = filters.UpdateType.MESSAGE  # edits of old messages are not re-answered
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    app.add_handler(CommandHandler(["start", "help"], handlers.start, filters=new))
    app.add_handler(CommandHandler("tanya", handlers.tanya, filters=new))
    app.add_handler(CommandHandler("sumber", handlers.sumber, filters=new))
    app.add_handler(CommandHandler("reindex", handlers.reindex, filters=new))
    app.add_handler(CallbackQueryHandler(handlers.sources_button, handlers.SOURCES_CALLBACK))
    text = filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(new & private & text, handlers.ask_private))
    app.add_handler(MessageHandler(new & groups & text, handlers.ask_group))
    app.add_handler(MessageHandler(new & private & filters.COMMAND, handlers.unknown_command))
    no_text = ~filters.TEXT & ~filters.StatusUpdate.ALL
    app.add_handler(MessageHandler(new & private & no_text, handlers.not_text))
    app.add_error_handler(handlers.on_error)


async def post_init(app: Application) -> None:  # type: ignore[type-arg]
    """Publish the command menu; a failure is logged and does not stop the start-up."""
    try:
        await app.bot.set_my_commands([BotCommand(c, d) for c, d in replies.COMMANDS])
    except TelegramError as exc:
        log.warning("setMyCommands failed, continuing without a command menu: %s", exc)
    log.info("bot @%s ready", app.bot.username)


def build_application(
    settings: Settings, engine: AnswerEngine, request: BaseRequest | None = None
) -> Application:  # type: ignore[type-arg]
    """The configured application around a loaded `engine`; `request` replaces HTTP in tests."""
    builder = (
        Application.builder()
        .token(bot_token(settings))
        .base_url(settings.telegram_api_base_url)
        .base_file_url(file_base_url(settings.telegram_api_base_url))
        .concurrent_updates(MAX_CONCURRENT_UPDATES)
        .rate_limiter(AIORateLimiter(max_retries=FLOOD_RETRIES))
        .defaults(
            Defaults(
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,  # the question may be deleted meanwhile
            )
        )
        .post_init(post_init)
    )
    if settings.bot_persistence:
        settings.state_path.parent.mkdir(parents=True, exist_ok=True)
        keep = PersistenceInput(bot_data=False, user_data=False, callback_data=False)
        builder = builder.persistence(PicklePersistence(settings.state_path, store_data=keep))
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    limiter = SlidingWindowLimiter(settings.rate_limit_per_minute, window=60.0)
    app.bot_data[SERVICES_KEY] = Services(settings, engine, limiter)
    add_handlers(app)
    return app


def webhook_secret(settings: Settings) -> str:
    """The configured webhook secret token, or a fresh random one."""
    secret = settings.webhook_secret_token
    value = secret.get_secret_value() if secret else secrets.token_urlsafe(32)
    if not _SECRET_TOKEN.match(value):
        raise ConfigError("WEBHOOK_SECRET_TOKEN must be 1-256 characters of A-Z, a-z, 0-9, _ or -")
    return value


def quiet_loggers() -> None:
    """httpx logs request URLs (they carry the token); PTB's debug logs carry message text."""
    logging.getLogger("httpx").setLevel(logging.WARNING)
    telegram_log = logging.getLogger("telegram")
    telegram_log.setLevel(max(logging.INFO, telegram_log.getEffectiveLevel()))


def run_bot(settings: Settings, webhook_url: str | None = None) -> None:
    """Load the engine, then run the bot until SIGINT/SIGTERM (long polling or webhook)."""
    from bot.engine import Engine  # heavy (torch): imported only when the bot really starts

    quiet_loggers()
    bot_token(settings)  # fail before the slow model load
    secret = webhook_secret(settings) if webhook_url else ""
    log.info("loading the model and the index")
    app = build_application(settings, Engine.load(settings))
    if webhook_url:
        url_path = urlparse(webhook_url).path.strip("/")
        where = f"{settings.webhook_listen}:{settings.webhook_port}/{url_path}"
        log.info("serving a webhook on %s", where)
        app.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=url_path,
            webhook_url=webhook_url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        log.info("long polling")
        app.run_polling(allowed_updates=ALLOWED_UPDATES)
    log.info("stopped")
