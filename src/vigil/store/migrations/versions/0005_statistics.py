"""statistics: indexes on the event's category and authority with its dates, so the timeline by
either is read in index order instead of sorting every event

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_category_date", "event", ["category", "date_lower", "date_upper"])
    op.create_index("ix_event_authority_date", "event", ["authority", "date_lower", "date_upper"])


def downgrade() -> None:
    op.drop_index("ix_event_authority_date", table_name="event")
    op.drop_index("ix_event_category_date", table_name="event")
