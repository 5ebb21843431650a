"""Talking to people: the answer engine (bot/answer), the Telegram adapter (bot/tgbot), the
terminal front end, offline evaluation (bot/evaluation), settings and the CLI that wires them."""
