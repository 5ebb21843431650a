"""The Telegram application: wiring and the process's life. Handlers live in
`bot/tgbot/handlers.py`.

`run_bot` loads the engine once, connects to Telegram (retrying with backoff while there is
no network), then long-polls or serves a webhook until SIGINT/SIGTERM, which also cancels a
running rebuild.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import secrets
import signal
from collections.abc import Callable
from contextlib import suppress
from typing import Any
from urllib.parse import urlparse

from telegram import BotCommand, LinkPreviewOptions, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.settings import Settings
from bot.tgbot import admin, admin_add, admin_list, handlers, replies, sources
from bot.tgbot.errors import ConfigError
from bot.tgbot.frontdoor import FrontDoor, guard
from bot.tgbot.services import CONTEXT_TYPES, AnswerEngine, BotApp, Services
from bot.tgbot.state import StateStore
from bot.tgbot.usage import Statistics

log = logging.getLogger(__name__)

MAX_CONCURRENT_UPDATES = 64
FLOOD_RETRIES = 3  # AIORateLimiter retries a request Telegram answered with RetryAfter
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
MAX_WEBHOOK_BODY = 1_000_000  # bytes; Telegram's updates are far smaller
RETRY_MAX_SECONDS = 60.0
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


def add_handlers(app: BotApp, door: FrontDoor, admins: frozenset[int]) -> None:
    """Register the front door, every handler and the error handler."""
    app.add_handler(TypeHandler(Update, guard(door)), group=-1)
    new = filters.UpdateType.MESSAGE  # edits of old messages are not re-answered
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    app.add_handler(CommandHandler(["start", "help"], handlers.start, filters=new))
    app.add_handler(CommandHandler("tanya", handlers.tanya, filters=new))
    app.add_handler(CommandHandler("sumber", sources.sumber, filters=new))
    app.add_handler(CommandHandler("reindex", admin.reindex, filters=new))
    app.add_handler(CommandHandler("tambah", admin_add.tambah, filters=new))
    app.add_handler(CommandHandler("artikel", admin_list.artikel, filters=new))
    app.add_handler(CommandHandler("hapus", admin_list.hapus, filters=new))
    app.add_handler(CommandHandler("statistik", admin.statistik, filters=new))
    document = filters.Document.ALL & filters.CaptionRegex(r"^/tambah(@\w+)?(\s|$)")
    app.add_handler(MessageHandler(new & document, admin_add.tambah))
    forwarded = new & private & filters.FORWARDED & filters.TEXT & filters.User(admins)
    app.add_handler(MessageHandler(forwarded, admin_add.remember_forwarded))
    app.add_handler(CallbackQueryHandler(sources.sources_button, sources.SOURCES_CALLBACK))
    app.add_handler(CallbackQueryHandler(admin_add.add_button, admin_add.ADD_CALLBACK))
    app.add_handler(CallbackQueryHandler(admin_list.delete_button, admin_list.DELETE_CALLBACK))
    app.add_handler(CallbackQueryHandler(admin_list.list_button, admin_list.LIST_CALLBACK))
    app.add_handler(CallbackQueryHandler(sources.vote_button, sources.VOTE_CALLBACK))
    text = filters.TEXT & ~filters.COMMAND
    app.add_handler(MessageHandler(new & private & text, handlers.ask_private))
    app.add_handler(MessageHandler(new & groups & text, handlers.ask_group))
    app.add_handler(MessageHandler(new & private & filters.COMMAND, handlers.unknown_command))
    no_text = ~filters.TEXT & ~filters.StatusUpdate.ALL
    app.add_handler(MessageHandler(new & private & no_text, handlers.not_text))
    app.add_error_handler(handlers.on_error)


async def post_init(app: BotApp) -> None:
    """Publish the command menu; a failure is logged and does not stop the start-up."""
    try:
        await app.bot.set_my_commands([BotCommand(c, d) for c, d in replies.COMMANDS])
    except TelegramError as exc:
        log.warning("setMyCommands failed, continuing without a command menu: %s", exc)
    log.info("bot @%s ready", app.bot.username)


def build_application(
    settings: Settings, engine: AnswerEngine | None, request: BaseRequest | None = None
) -> BotApp:
    """The configured application around `engine` (None: `serve` loads it once connected);
    `request` replaces HTTP in tests."""
    builder = (
        Application.builder()
        .token(bot_token(settings))
        .base_url(settings.telegram_api_base_url)
        .base_file_url(file_base_url(settings.telegram_api_base_url))
        .context_types(CONTEXT_TYPES)
        .concurrent_updates(MAX_CONCURRENT_UPDATES)
        .rate_limiter(AIORateLimiter(max_retries=FLOOD_RETRIES))
        .defaults(
            Defaults(
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                allow_sending_without_reply=True,  # the question may be deleted meanwhile
            )
        )
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    svc: Services = app.bot_data
    svc.settings, svc.engine = settings, engine
    svc.door = FrontDoor(settings.rate_limit_per_minute, settings.bot_admin_ids)
    svc.store = StateStore(settings.state_path if settings.bot_persistence else None)
    svc.usage = Statistics(svc.store, settings.question_text_days)
    add_handlers(app, svc.door, settings.bot_admin_ids)
    return app


def webhook_secret(settings: Settings) -> str:
    """The configured webhook secret token, or a fresh random one."""
    secret = settings.webhook_secret_token
    value = secret.get_secret_value() if secret else secrets.token_urlsafe(32)
    if not _SECRET_TOKEN.match(value):
        raise ConfigError("WEBHOOK_SECRET_TOKEN must be 1-256 characters of A-Z, a-z, 0-9, _ or -")
    return value


class RedactToken(logging.Filter):
    """Replaces the bot token in every log record (messages, arguments and tracebacks)."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = message.replace(self.token, "<token>"), ()
        if record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, "<token>")
        record.exc_info = None if record.exc_text else record.exc_info
        return True


async def connect(app: BotApp, stop: asyncio.Event, first_delay: float = 1.0) -> bool:
    """Initialize the application (it calls getMe), retrying with backoff (from `first_delay`
    seconds, doubling) while Telegram cannot be reached; False when stopped first. A rejected
    token or a wrong API URL is a `ConfigError` whose message never shows the token."""
    delay = first_delay
    while not stop.is_set():
        try:
            await app.initialize()
            return True
        except InvalidToken:
            raise ConfigError(
                "Telegram rejected the token, or TELEGRAM_API_BASE_URL is wrong (it must end "
                "in /bot, e.g. https://api.telegram.org/bot)"
            ) from None
        except NetworkError as exc:
            log.warning("cannot reach Telegram (%s); retrying in %g s", type(exc).__name__, delay)
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            delay = min(delay * 2, RETRY_MAX_SECONDS)
    return False


async def serve(
    app: BotApp,
    settings: Settings,
    webhook_url: str | None = None,
    secret: str = "",
    stop: asyncio.Event | None = None,
    load: Callable[[], AnswerEngine] | None = None,
) -> None:
    """Run until SIGINT/SIGTERM (or `stop`): connect, load the engine (`load`, after the
    token is known to work: a bad token fails in a second, not after the model load), then
    poll or serve the webhook; at the end, cancel a running rebuild and stop cleanly."""
    if stop is None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
    svc: Services = app.bot_data
    server = None
    try:
        if not await connect(app, stop):
            return
        if load is not None:
            log.info("loading the model and the index")
            svc.engine = await asyncio.to_thread(load)
        await post_init(app)
        if webhook_url:
            server = await start_webhook(app, settings, webhook_url, secret)
        else:
            assert app.updater is not None
            await app.updater.start_polling(allowed_updates=ALLOWED_UPDATES)
            log.info("long polling")
        await app.start()
        await stop.wait()
        log.info("stopping")
    finally:
        svc.stopping.set()  # a running rebuild stops at its next batch; nothing is swapped
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if server is not None:
            server.stop()
            await server.close_all_connections()
        if app.running:
            await app.stop()
        if app._initialized:  # noqa: SLF001 (shutdown only what was initialized)
            await app.shutdown()
        svc.store.close()


async def start_webhook(
    app: BotApp,
    settings: Settings,
    webhook_url: str,
    secret: str,
) -> Any:
    """Serve `webhook_url`'s path on WEBHOOK_LISTEN:WEBHOOK_PORT and register it. A request
    larger than `MAX_WEBHOOK_BODY` is refused before its body is read, and one without the
    secret token before it is parsed."""
    import tornado.httpserver
    import tornado.web

    path = "/" + urlparse(webhook_url).path.strip("/")

    class Receive(tornado.web.RequestHandler):
        SUPPORTED_METHODS = ("POST",)  # type: ignore[assignment]

        async def post(self) -> None:
            if self.request.headers.get("X-Telegram-Bot-Api-Secret-Token") != secret:
                raise tornado.web.HTTPError(403)
            try:
                update = Update.de_json(json.loads(self.request.body), app.bot)
            except (ValueError, TypeError, KeyError) as exc:
                raise tornado.web.HTTPError(400) from exc
            if update is not None:
                await app.update_queue.put(update)

        def log_exception(self, *args: Any) -> None:  # no request content in logs
            pass

    web = tornado.web.Application([(rf"{re.escape(path.rstrip('/'))}/?", Receive)])
    server = tornado.httpserver.HTTPServer(web, max_body_size=MAX_WEBHOOK_BODY)
    server.listen(settings.webhook_port, address=settings.webhook_listen)
    await app.bot.set_webhook(webhook_url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
    log.info("serving a webhook on %s:%s%s", settings.webhook_listen, settings.webhook_port, path)
    return server


def run_bot(
    settings: Settings, load: Callable[[], AnswerEngine], webhook_url: str | None = None
) -> None:
    """Run the bot until SIGINT/SIGTERM (long polling or webhook); `load` gives the engine,
    once Telegram has accepted the token."""
    bot_token(settings)  # fails before the slow model load without a token
    secret = webhook_secret(settings) if webhook_url else ""
    app = build_application(settings, None)
    asyncio.run(serve(app, settings, webhook_url, secret, load=load))
    log.info("stopped")
