"""teacher tools: question confidence, archived classes, deleted articles

Questions get the generator's confidence (nullable: older questions and a teacher's
own have none). Classes can be archived (``archived_at``). Articles can be deleted
(``deleted_at``): the row stays as a tombstone for the retired questions and the
quizzes that still refer to it.

Revision ID: 0004_teacher_tools
Revises: 3b7e2c91d5a4 (article jobs)
Create Date: 2026-12-02 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
import quizapp.types  # noqa: F401  (custom column types)


# revision identifiers, used by Alembic.
revision = '0004_teacher_tools'
down_revision = '3b7e2c91d5a4'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('question', schema=None, recreate='never') as batch_op:
        batch_op.add_column(sa.Column('confidence', sa.Double(), nullable=True))
    with op.batch_alter_table('classroom', schema=None, recreate='never') as batch_op:
        batch_op.add_column(
            sa.Column('archived_at', quizapp.types.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table('article', schema=None, recreate='never') as batch_op:
        batch_op.add_column(
            sa.Column('deleted_at', quizapp.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade():
    # ALTER TABLE ... DROP COLUMN, not a copy of the table (other rows refer to these)
    with op.batch_alter_table('article', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('deleted_at')
    with op.batch_alter_table('classroom', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('archived_at')
    with op.batch_alter_table('question', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('confidence')
