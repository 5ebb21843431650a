"""A fake Telegram Bot API for offline tests: in process (`FakeRequest`) or over HTTP.

`FakeBotAPI` behaves like the real server for the methods this bot uses: it serves queued
updates to `getUpdates` (long polling, offsets), creates message objects for `sendMessage`
(validating the HTML and the 4096-character limit like Telegram), and records every call.
Tests play users with `user_message`, `press_button`, ... and assert on `calls`; in process,
`say` and `press` hand what a user did to the application and return what it sent back.
"""

from __future__ import annotations

import html.parser
import itertools
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Callable, Set
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from telegram import Update
from telegram.request import BaseRequest, RequestData

from bot.settings import Settings
from bot.tgbot.services import BotApp

TOKEN = "123456:TEST-token-not-real"
BOT_USER = {
    "id": 7000001,
    "is_bot": True,
    "first_name": "BPJSTK Bot",
    "username": "bpjstk_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
STRING_PARAMS = {"text", "callback_query_id", "parse_mode", "action", "url", "secret_token"}
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre"}
TELEGRAM_TAGS |= {"blockquote", "tg-spoiler", "span", "tg-emoji"}


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    result: Any = None
    error: str | None = None
    at: float = field(default_factory=time.monotonic)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))


class ApiError(Exception):
    """An error answer of the Bot API (`{"ok": false, "error_code": ..., ...}`)."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


@dataclass
class _Failure:
    method: str
    error: ApiError
    when: Callable[[Call], bool] | None
    times: int | None

    def matches(self, call: Call) -> bool:
        return call.method == self.method and (self.when is None or self.when(call))


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _TelegramHTML(html.parser.HTMLParser):
    """Parses a message like Telegram's HTML mode; raises `ApiError` where Telegram would."""

    def __init__(self, tags: Set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.tags = tags
        self.stack: list[str] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.tags:
            raise ApiError(400, f"Bad Request: can't parse entities: Unsupported start tag {tag!r}")
        if tag in self.stack:  # pointless for Telegram, and never what the bot means
            raise ApiError(400, f"Bad Request: can't parse entities: {tag!r} inside {tag!r}")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise ApiError(400, f"Bad Request: can't parse entities: unexpected end tag {tag!r}")
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.visible.append(data)


def parse_html(text: str, tags: Set[str] = TELEGRAM_TAGS) -> str:
    """The visible text of an HTML message, or `ApiError` like Telegram's: an unknown entity,
    a bare `<`, a tag outside `tags`, unbalanced tags. The one HTML check of the tests."""
    for m in re.finditer(r"&[^;\s<]*;?", text):
        if not re.fullmatch(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);", m.group()):
            raise ApiError(400, "Bad Request: can't parse entities: unsupported entity")
    if "<" in re.sub(r"</?[a-zA-Z][\w-]*(\s[^<>]*)?>", "", text):
        raise ApiError(400, "Bad Request: can't parse entities: unexpected '<'")
    parser = _TelegramHTML(tags)
    parser.feed(text)
    parser.close()
    if parser.stack:
        raise ApiError(400, f"Bad Request: can't parse entities: unclosed {parser.stack[-1]!r}")
    return "".join(parser.visible)


class FakeBotAPI:
    """In-memory Bot API server state. Thread-safe: the HTTP server calls it from threads."""

    webhook: dict[str, Any] | None = None

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.commands: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._failures: list[_Failure] = []
        self.closed = False
        self.polls = 0  # getUpdates requests (not recorded in `calls`)
        self.files: dict[str, bytes] = {}  # file_path -> content, for getFile and downloads

    # -- the test's side: users ---------------------------------------------------------------

    def user(self, user_id: int) -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": f"Pekerja{user_id}",
            "language_code": "id",
        }

    def chat(self, chat_id: int, kind: str = "private") -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": kind}
        if kind == "private":
            chat["first_name"] = f"Pekerja{chat_id}"
        else:
            chat["title"] = f"Serikat Pekerja {abs(chat_id)}"
        with self._cond:
            self._chats.setdefault(chat_id, chat)
        return chat

    def user_message(
        self,
        user_id: int,
        text: str | None = None,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        reply_to: dict[str, Any] | None = None,
        sticker: bool = False,
        document: tuple[str, bytes] | None = None,
        forwarded: bool = False,
    ) -> dict[str, Any]:
        """Queue a message from a user (private chat by default) and return it. `document`
        (file name, bytes) attaches a file, with `text` as its caption; `forwarded` marks the
        message as forwarded from a channel."""
        chat = self.chat(chat_id if chat_id is not None else user_id, chat_type)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self.user(user_id),
        }
        if document is not None:
            name, data = document
            file_id = f"doc-{message['message_id']}"
            self.files[f"documents/{file_id}"] = data
            message["document"] = {
                "file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": name,
                "file_size": len(data),
            }  # fmt: skip
            if text is not None:
                message["caption"] = text
                entities = text_entities(text)
                if entities:
                    message["caption_entities"] = entities
        elif text is not None:
            message["text"] = text
            entities = text_entities(text)
            if entities:
                message["entities"] = entities
        if forwarded:
            message["forward_origin"] = {
                "type": "channel", "date": int(time.time()) - 60, "message_id": 77,
                "chat": {"id": -1001234, "type": "channel", "title": "Berita"},
            }  # fmt: skip
        if sticker:
            message["sticker"] = {
                "file_id": "CAACAgIAAxkBAAEBAAE", "file_unique_id": "AgADAQAD", "type": "regular",
                "width": 512, "height": 512, "is_animated": False, "is_video": False, "emoji": "😀",
            }  # fmt: skip
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        self._remember(message)
        self.push({"message": message})
        return message

    def press_button(self, user_id: int, bot_message: dict[str, Any], data: str) -> str:
        """Queue a callback query: `user_id` pressed the button `data` under `bot_message`."""
        query_id = str(next(self._callback_ids))
        self.push(
            {
                "callback_query": {
                    "id": query_id,
                    "from": self.user(user_id),
                    "message": bot_message,
                    "chat_instance": f"ci-{bot_message['chat']['id']}",
                    "data": data,
                }
            }
        )
        return query_id

    def push(self, update: dict[str, Any]) -> int:
        with self._cond:
            update = {"update_id": next(self._update_ids), **update}
            self._updates.append(update)
            self._cond.notify_all()
            return int(update["update_id"])

    def fail(
        self,
        method: str,
        error: ApiError,
        when: Callable[[Call], bool] | None = None,
        times: int | None = 1,
    ) -> None:
        """Make the next `times` calls of `method` (matching `when`) fail with `error`.

        `times=None` fails every matching call.
        """
        with self._cond:
            self._failures.append(_Failure(method, error, when, times))

    # -- the test's side: what the bot did ----------------------------------------------------

    def sent(self, chat_id: int | None = None, method: str = "sendMessage") -> list[Call]:
        with self._cond:
            return [
                c
                for c in self.calls
                if c.method == method and (chat_id is None or c.chat_id == chat_id)
            ]

    @staticmethod
    def message_of(call: Call) -> dict[str, Any]:
        """The message object the bot received back for a sendMessage call."""
        assert isinstance(call.result, dict), call.error
        return dict(call.result)

    def wait_for(self, predicate: Callable[[], bool], timeout: float = 20.0) -> None:
        """Block until `predicate()` holds (checked on every call); fail after `timeout` s."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    tail = [(c.method, c.chat_id, c.text[:60]) for c in self.calls[-12:]]
                    raise AssertionError(f"timed out after {timeout}s; last calls: {tail}")
                self._cond.wait(min(left, 0.5))

    def wait_sent(self, chat_id: int, count: int = 1, timeout: float = 20.0) -> list[Call]:
        """Wait until the bot has sent `count` messages to `chat_id` (failed sends excluded)."""
        self.wait_for(lambda: len(self.delivered(chat_id)) >= count, timeout)
        return self.delivered(chat_id)

    def delivered(self, chat_id: int | None = None) -> list[Call]:
        """Messages the bot sent that the API accepted."""
        return [c for c in self.sent(chat_id) if c.error is None]

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()

    # -- the bot's side ------------------------------------------------------------------------

    def handle(self, method: str, params: dict[str, Any], block: bool = True) -> dict[str, Any]:
        """Answer one Bot API request with the JSON body Telegram would send."""
        call = Call(method, params)
        with self._cond:
            if method == "getUpdates":
                self.polls += 1
            else:
                self.calls.append(call)
            try:
                for failure in self._failures:
                    if failure.matches(call):
                        failure.times = None if failure.times is None else failure.times - 1
                        if failure.times == 0:
                            self._failures.remove(failure)
                        raise failure.error
                if method == "getUpdates":
                    result: Any = self._get_updates(params, block)
                else:
                    handler = getattr(self, f"_api_{method}", None)
                    if handler is None:
                        raise ApiError(404, "Not Found")
                    result = handler(params)
            except ApiError as exc:
                call.error = exc.description
                self._cond.notify_all()
                body: dict[str, Any] = {
                    "ok": False, "error_code": exc.code, "description": exc.description,
                }  # fmt: skip
                if exc.parameters:
                    body["parameters"] = exc.parameters
                return body
            call.result = result
            self._cond.notify_all()
            return {"ok": True, "result": result}

    def _get_updates(self, params: dict[str, Any], block: bool) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        if offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + (float(params.get("timeout") or 0) if block else 0)
        while not self._updates and not self.closed and time.monotonic() < deadline:
            self._cond.wait(deadline - time.monotonic())
        limit = int(params.get("limit") or 100)
        return list(self._updates[:limit])

    def _remember(self, message: dict[str, Any]) -> None:
        with self._cond:
            self._messages[(message["chat"]["id"], message["message_id"])] = message

    def _chat_of(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chats.get(int(params["chat_id"]))
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return BOT_USER

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat_of(params)
        text = str(params.get("text", ""))
        visible = parse_html(text) if params.get("parse_mode") == "HTML" else text
        if not visible.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(visible) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": BOT_USER,
            "text": visible,
        }
        reply = params.get("reply_parameters")
        if reply:
            original = self._messages.get((chat["id"], int(reply["message_id"])))
            if original is None and not reply.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
            if original is not None:
                message["reply_to_message"] = original
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self._messages[(chat["id"], message["message_id"])] = message
        return message

    def _api_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        if key not in self._messages:
            raise ApiError(400, "Bad Request: message to edit not found")
        self._messages[key] = {**self._messages[key], "text": parse_html(str(params["text"]))}
        return self._messages[key]

    def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params["chat_id"]), int(params["message_id"]))
        if key not in self._messages:
            raise ApiError(400, "Bad Request: message to edit not found")
        return self._messages[key]

    def _api_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        path = f"documents/{params['file_id']}"
        if path not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": params["file_id"], "file_unique_id": f"u{params['file_id']}",
            "file_size": len(self.files[path]), "file_path": path,
        }  # fmt: skip

    def download(self, file_path: str) -> bytes | None:
        return self.files.get(file_path)

    def _api_sendChatAction(self, params: dict[str, Any]) -> bool:
        self._chat_of(params)
        return True

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        return True

    def _api_setMyCommands(self, params: dict[str, Any]) -> bool:
        self.commands = list(params.get("commands") or [])
        return True

    def _api_getMyCommands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return self.commands

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        url = str(params.get("url", ""))
        if not url.startswith("https://"):
            raise ApiError(
                400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        self.webhook = {"url": url, "secret_token": params.get("secret_token")}
        return True

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = None
        return True

    def _api_close(self, params: dict[str, Any]) -> bool:
        return True


def text_entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram would attach: a leading /command and @mentions (UTF-16 offsets)."""
    entities = []
    command = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command.group())})
    for m in re.finditer(r"(?<![\w@])@[A-Za-z0-9_]{5,32}", text):
        if command and m.start() < command.end():
            continue
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: m.start()]),
                "length": utf16_len(m.group()),
            }
        )
    return entities


def decode_params(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Form fields as PTB sends them: strings as-is, everything else JSON-encoded."""
    params: dict[str, Any] = {}
    for key, value in pairs:
        if key in STRING_PARAMS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


class FakeRequest(BaseRequest):
    """PTB request backend that talks to a `FakeBotAPI` in process: nothing leaves the test."""

    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        if "/file/bot" in url:
            data = self.api.download(url.split("/file/bot", 1)[1].split("/", 1)[1])
            return (200, data) if data is not None else (404, b"Not Found")
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        body = self.api.handle(api_method, params, block=False)
        status = 200 if body["ok"] else int(body["error_code"])
        return status, json.dumps(body).encode()


def bot_settings(tmp_path: Path, **kw: Any) -> Settings:
    """Settings of a bot with the test token, its state under `tmp_path`; `kw` adds or
    overrides settings. Its API URL is a port nothing listens on: only `FakeRequest` answers."""
    fields: dict[str, Any] = dict(
        telegram_bot_token=TOKEN,
        telegram_api_base_url="http://127.0.0.1:9/bot",
        data_dir=tmp_path / "var",
    )
    fields.update(kw)
    return Settings(_env_file=None, **fields)  # type: ignore[call-arg]


async def feed(app: BotApp, api: FakeBotAPI) -> None:
    """Hand every update queued in `api` to `app`, in order, as polling would."""
    for data in api.handle("getUpdates", {}, block=False)["result"]:
        api.handle("getUpdates", {"offset": data["update_id"] + 1}, block=False)
        await app.process_update(Update.de_json(data, app.bot))


async def say(app: BotApp, api: FakeBotAPI, user: int, text: str | None, **kw: Any) -> list[Call]:
    """`user` writes `text` (in their private chat, or `chat_id=`); the messages sent back to
    that chat."""
    chat = kw.get("chat_id", user)
    before = len(api.sent(chat))
    api.user_message(user, text, **kw)
    await feed(app, api)
    return api.sent(chat)[before:]


async def press(app: BotApp, api: FakeBotAPI, user: int, message: Call, data: str) -> list[Call]:
    """`user` presses the button `data` under the bot's `message`; the messages sent back to
    that user's private chat."""
    before = len(api.sent(user))
    api.press_button(user, api.message_of(message), data)
    await feed(app, api)
    return api.sent(user)[before:]


class FakeBotAPIServer:
    """`FakeBotAPI` over HTTP on 127.0.0.1 (a free port), in a background thread."""

    def __init__(self, api: FakeBotAPI) -> None:
        self.api = api
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                outer._serve(self)

            do_GET = do_POST  # noqa: N815

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.01,), daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}/bot"

    def __enter__(self) -> FakeBotAPIServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.api.close()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        path = urllib.parse.unquote(request.path.split("?", 1)[0])  # httpx sends ":" as %3A
        file = re.fullmatch(r"/file/bot([^/]+)/(.+)", path)
        if file is not None:
            data = self.api.download(file.group(2)) if file.group(1) == self.api.token else None
            request.send_response(200 if data is not None else 404)
            request.send_header("Content-Length", str(len(data or b"")))
            request.end_headers()
            request.wfile.write(data or b"")
            return
        m = re.fullmatch(r"/bot([^/]+)/(\w+)", request.path.split("?", 1)[0])
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length).decode() if length else ""
        if m is None or m.group(1) != self.api.token:
            body: dict[str, Any] = {"ok": False, "error_code": 401, "description": "Unauthorized"}
        else:
            if request.headers.get("Content-Type", "").startswith("application/json"):
                params = json.loads(raw or "{}")
            else:
                params = decode_params(parse_qsl(raw, keep_blank_values=True))
            body = self.api.handle(m.group(2), params)
        payload = json.dumps(body).encode()
        status = 200 if body["ok"] else int(body["error_code"])
        try:
            request.send_response(status)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(payload)))
            request.end_headers()
            request.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the bot hung up (it is shutting down): nothing to answer
