"""Curated answers: staff's answer to a group of questions, and the notice passages it rests on.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "curated_answers",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("created", sa.String(19), nullable=False),
        sa.Column("updated", sa.String(19), nullable=False),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("variants", sa.Text, nullable=False, server_default="[]"),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="active"),
        sa.Column("review_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("author", sa.String(80), nullable=False, server_default=""),
    )
    op.create_table(
        "curated_quotes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("curated_id", sa.Integer, sa.ForeignKey("curated_answers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("notice", sa.String(255), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("section", sa.Text, nullable=False, server_default=""),
        sa.Column("start_at", sa.Integer, nullable=False),
        sa.Column("end_at", sa.Integer, nullable=False),
        sa.Column("quote", sa.Text, nullable=False),
    )
    op.create_index("ix_curated_quotes_curated_id", "curated_quotes", ["curated_id"])


def downgrade() -> None:
    op.drop_table("curated_quotes")
    op.drop_table("curated_answers")
