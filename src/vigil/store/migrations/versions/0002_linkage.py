"""linkage: name keys, persons and their records, scored pairs, decisions, link runs

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("record", sa.Column("document", sa.Text(), nullable=True))
    op.create_table(
        "name_key",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("surname_lemma", sa.Text(), nullable=True),
        sa.Column("surname_key", sa.Text(), nullable=True),
        sa.Column("surname_phonetic", sa.Text(), nullable=True),
        sa.Column("given_key", sa.Text(), nullable=True),
        sa.Column("given_initial", sa.String(length=1), nullable=True),
        sa.Column("patronymic_key", sa.Text(), nullable=True),
        sa.Column("patronymic_initial", sa.String(length=1), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=True),
        sa.ForeignKeyConstraint(["record_id"], ["record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("record_id"),
    )
    op.create_index("ix_name_key_surname", "name_key", ["surname_key"])
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_run", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "person_record",
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["record_id"], ["record.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("record_id"),
    )
    op.create_index("ix_person_record_person", "person_record", ["person_id"])
    op.create_table(
        "pair",
        sa.Column("record_a", sa.Integer(), nullable=False),
        sa.Column("record_b", sa.Integer(), nullable=False),
        sa.Column("match_weight", sa.Float(), nullable=False),
        sa.Column("probability", sa.Float(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["record_a"], ["record.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["record_b"], ["record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("record_a", "record_b"),
    )
    op.create_index("ix_pair_b", "pair", ["record_b"])
    op.create_index("ix_pair_probability", "pair", ["probability"])
    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_a", sa.Integer(), nullable=False),
        sa.Column("record_b", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["record_a"], ["record.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["record_b"], ["record.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_decision_pair", "decision", ["record_a", "record_b"])
    op.create_table(
        "link_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("pairs", sa.Integer(), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.Column("model", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    for name in ("link_run", "decision", "pair", "person_record", "person", "name_key"):
        op.drop_table(name)
    op.drop_column("record", "document")
