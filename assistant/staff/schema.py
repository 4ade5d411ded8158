"""The staff database's tables, as the stores read and write them (SQLAlchemy Core). Changes to
them are made by a new migration in migrations/versions/, never by editing an applied one."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Integer, MetaData, String, Table, Text

metadata = MetaData()

questions = Table(
    "questions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created", String(19), nullable=False),
    Column("question", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("relevance", Float),
    Column("notices", Text, nullable=False),  # JSON list of the cited notices' ids
    Column("latency_ms", Float, nullable=False),
    Column("channel", String(20), nullable=False),
    Column("weak", Integer, nullable=False, server_default="0"),  # the answer says the notices do not answer directly
    Column("rating", Integer),
)

feedback = Table(
    "feedback", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created", String(19), nullable=False),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("citations", Text, nullable=False),  # JSON
    Column("rating", Integer, nullable=False),  # 1 useful, -1 not useful
    Column("comment", Text, nullable=False, server_default=""),
)

api_keys = Table(
    "api_keys", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(80), nullable=False),
    Column("prefix", String(16), nullable=False),  # the key's first characters, to tell keys apart
    Column("digest", String(64), nullable=False, unique=True),  # sha256 of the whole key
    Column("created", String(19), nullable=False),
    Column("expires", String(10)),  # ISO date, the last day the key works; NULL: never
    Column("rate", Integer, nullable=False),  # requests per minute
    Column("revoked", String(19)),  # when it was revoked; NULL: live
    Column("requests", Integer, nullable=False, server_default="0"),
    Column("last_used", String(19)),
)

curated_answers = Table(
    "curated_answers", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created", String(19), nullable=False),
    Column("updated", String(19), nullable=False),
    Column("question", Text, nullable=False),  # the group's example question
    Column("variants", Text, nullable=False, server_default="[]"),  # JSON list: other wordings it answers
    Column("answer", Text, nullable=False),
    Column("status", String(10), nullable=False, server_default="active"),  # active | review
    Column("review_reason", Text, nullable=False, server_default=""),
    Column("author", String(80), nullable=False, server_default=""),
)

curated_quotes = Table(
    "curated_quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("curated_id", Integer, ForeignKey("curated_answers.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("notice", String(255), nullable=False),  # the notice's id (its file name)
    Column("sha256", String(64), nullable=False),  # of the notice's text when the quote was chosen
    Column("section", Text, nullable=False, server_default=""),
    Column("start_at", Integer, nullable=False),  # the quote's span in the notice's original text
    Column("end_at", Integer, nullable=False),
    Column("quote", Text, nullable=False),
)
