"""jobs: ingest jobs of the web application as rows, shared by every server process

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    ts = sa.DateTime(timezone=True)
    op.create_table(
        "ingest_job",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("filename", sa.Text, nullable=False),
        sa.Column("format", sa.String(32)),
        sa.Column("options", sa.JSON, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("folder", sa.Text, nullable=False),
        sa.Column("actor", sa.Text),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("runner", sa.String(160)),
        sa.Column("created_at", ts, nullable=False),
        sa.Column("started_at", ts),
        sa.Column("finished_at", ts),
        sa.Column("source_id", sa.Integer, sa.ForeignKey("source.id", ondelete="SET NULL")),
        sa.Column("result", sa.JSON),
        sa.Column("error", sa.Text),
        sa.Column("error_line", sa.Integer),
        sa.Column("error_reason", sa.Text),
    )
    op.create_index("ix_ingest_job_state", "ingest_job", ["state", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_ingest_job_state", "ingest_job")
    op.drop_table("ingest_job")
