"""session version and article fingerprint

Users get a session version (part of every session's login id: raising it ends every
session). Articles get the fingerprint of their normalised text, unique per owner; it
is computed here for the rows already stored. When one owner already has the same
article more than once, the oldest copy takes the fingerprint and the later copies
keep it empty, with their questions and history.

Revision ID: 62834274e9c6
Revises: 160af9b9e14f
Create Date: 2026-11-30 16:46:55.000000

"""
import hashlib
import re

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '62834274e9c6'
down_revision = '160af9b9e14f'
branch_labels = None
depends_on = None

_HEADER_LINE = re.compile(r"^\s*(title|date|source|url)\s*:", re.IGNORECASE)


def _fingerprint(text):
    """A frozen copy of quizapp.services.library.article_fingerprint, as of this revision."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = 0
    while start < len(lines) and (not lines[start].strip() or _HEADER_LINE.match(lines[start])):
        start += 1
    body = " ".join(" ".join(lines[start:]).split())
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def upgrade():
    with op.batch_alter_table('user', schema=None) as batch_op:
        batch_op.add_column(sa.Column('session_version', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fingerprint', sa.String(length=64), nullable=True))

    article = sa.table(
        'article',
        sa.column('id', sa.Integer()),
        sa.column('owner_id', sa.Integer()),
        sa.column('text', sa.Text()),
        sa.column('fingerprint', sa.String(length=64)),
    )
    conn = op.get_bind()
    seen = set()
    rows = conn.execute(
        sa.select(article.c.id, article.c.owner_id, article.c.text).order_by(article.c.id)
    ).all()
    for row in rows:
        fingerprint = _fingerprint(row.text)
        if (row.owner_id, fingerprint) in seen:
            continue  # a later copy: no fingerprint
        seen.add((row.owner_id, fingerprint))
        conn.execute(
            article.update().where(article.c.id == row.id).values(fingerprint=fingerprint)
        )

    # a unique index, not a constraint: SQLite adds it without rebuilding the table
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index('ix_article_owner_fingerprint', ['owner_id', 'fingerprint'], unique=True)


def downgrade():
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a copy of the table: dropping the
    # old table of a copy fails while other tables' rows refer to it
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_index('ix_article_owner_fingerprint')
    with op.batch_alter_table('article', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('fingerprint')

    with op.batch_alter_table('user', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('session_version')
