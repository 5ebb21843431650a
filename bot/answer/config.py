"""What the answer engine needs to know: where the knowledge and the index live, which model
embeds, and how retrieval is tuned. A small record the CLI builds from the settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from index.chunking import CHUNK_MAX_TOKENS
from index.fusion import DENSE_WEIGHT, FUSION

MAX_QUESTION_CHARS = 1000  # a longer message is refused politely, not read


@dataclass(frozen=True)
class EngineConfig:
    """The engine's configuration (`Settings.engine_config()` builds it from the environment)."""

    knowledge_dir: Path
    data_dir: Path
    embedding_model: str
    fusion: str = FUSION
    dense_weight: float = DENSE_WEIGHT
    chunk_max_tokens: int = CHUNK_MAX_TOKENS
    max_question_chars: int = MAX_QUESTION_CHARS

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def embed_cache_path(self) -> Path:
        return self.data_dir / "embed-cache.sqlite"
