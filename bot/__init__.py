"""Everything about talking: compose answers, render them, the Telegram app, the CLI, settings."""
