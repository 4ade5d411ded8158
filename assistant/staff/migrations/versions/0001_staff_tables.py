"""The question log, feedback and API keys, as the SQLite-only versions made them: a file those
versions wrote keeps its tables and rows (only what is missing is created).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    present = set(sa.inspect(op.get_bind()).get_table_names())
    if "questions" not in present:
        op.create_table(
            "questions",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("created", sa.String(19), nullable=False),
            sa.Column("question", sa.Text, nullable=False),
            sa.Column("kind", sa.String(20), nullable=False),
            sa.Column("relevance", sa.Float),
            sa.Column("notices", sa.Text, nullable=False),
            sa.Column("latency_ms", sa.Float, nullable=False),
            sa.Column("channel", sa.String(20), nullable=False),
            sa.Column("weak", sa.Integer, nullable=False, server_default="0"),
            sa.Column("rating", sa.Integer),
        )
    if "feedback" not in present:
        op.create_table(
            "feedback",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("created", sa.String(19), nullable=False),
            sa.Column("question", sa.Text, nullable=False),
            sa.Column("answer", sa.Text, nullable=False),
            sa.Column("kind", sa.String(20), nullable=False),
            sa.Column("citations", sa.Text, nullable=False),
            sa.Column("rating", sa.Integer, nullable=False),
            sa.Column("comment", sa.Text, nullable=False, server_default=""),
        )
    if "api_keys" not in present:
        op.create_table(
            "api_keys",
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("name", sa.String(80), nullable=False),
            sa.Column("prefix", sa.String(16), nullable=False),
            sa.Column("digest", sa.String(64), nullable=False, unique=True),
            sa.Column("created", sa.String(19), nullable=False),
            sa.Column("expires", sa.String(10)),
            sa.Column("rate", sa.Integer, nullable=False),
            sa.Column("revoked", sa.String(19)),
            sa.Column("requests", sa.Integer, nullable=False, server_default="0"),
            sa.Column("last_used", sa.String(19)),
        )
    indexes = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("questions")}
    if "ix_questions_created" not in indexes:  # the retention purge and the since-filter read by date
        op.create_index("ix_questions_created", "questions", ["created"])


def downgrade() -> None:
    op.drop_table("api_keys")
    op.drop_table("feedback")
    op.drop_table("questions")
