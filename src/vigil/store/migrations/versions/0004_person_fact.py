"""person facts: each person's life and counts, kept by `vigil link`, so search need not
aggregate every matching person's records on each request

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_fact",
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("person.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("latest_birth", sa.String(10)),
        sa.Column("earliest_event", sa.String(10)),
        sa.Column("died", sa.Boolean, nullable=False),
        sa.Column("first_record", sa.Integer, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
    )
    from vigil.store.facts import refresh_person_facts

    refresh_person_facts(op.get_bind(), None)


def downgrade() -> None:
    op.drop_table("person_fact")
