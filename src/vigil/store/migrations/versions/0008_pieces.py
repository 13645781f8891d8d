"""pieces: a source's text stored in pieces of 32,768 characters instead of about a million,
so that a record's line is read from a small piece (PostgreSQL decompresses a whole value to
cut it, SQLite reads all of its pages)

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SIZE = 1 << 15  # characters; vigil.store.texts.PIECE when this was written


def upgrade() -> None:
    from vigil.store.texts import recut

    conn = op.get_bind()
    for source_id in conn.scalars(sa.text("SELECT id FROM source ORDER BY id")).all():
        recut(conn, source_id, SIZE)


def downgrade() -> None:
    from vigil.store.texts import recut

    conn = op.get_bind()
    for source_id in conn.scalars(sa.text("SELECT id FROM source ORDER BY id")).all():
        recut(conn, source_id, 1 << 20)
