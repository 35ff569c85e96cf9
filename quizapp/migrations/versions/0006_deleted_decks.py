"""deleted decks: a deck with quizzes stays as a tombstone (``deleted_at``)

Revision ID: 0006_deleted_decks
Revises: 0004_teacher_tools (the teacher tools)
Create Date: 2026-11-30 19:40:00.000000

"""
from alembic import op
import sqlalchemy as sa
import quizapp.types  # noqa: F401  (custom column types)


# revision identifiers, used by Alembic.
revision = '0006_deleted_decks'
down_revision = '0004_teacher_tools'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('deck', schema=None, recreate='never') as batch_op:
        batch_op.add_column(
            sa.Column('deleted_at', quizapp.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade():
    # the tombstones come back as empty decks of their teachers (quizzes still name them)
    with op.batch_alter_table('deck', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('deleted_at')
