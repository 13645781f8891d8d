"""search: an index on the phonetic surname key, for the web app's fallback search

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_name_key_phonetic", "name_key", ["surname_phonetic"])


def downgrade() -> None:
    op.drop_index("ix_name_key_phonetic", table_name="name_key")
