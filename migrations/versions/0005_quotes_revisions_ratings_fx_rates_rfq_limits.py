"""quotes: samples, revisions, ratings, fx rates, rfq limits (with the platform default row: 10 a day, 25 open)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 10:05:55.381286
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('fx_rates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('base', sa.String(length=3), nullable=False),
    sa.Column('quote', sa.String(length=3), nullable=False),
    sa.Column('rate', sa.Numeric(precision=24, scale=10), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('rate > 0', name=op.f('ck_fx_rates_rate_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fx_rates')),
    sa.UniqueConstraint('base', 'quote', 'as_of', name=op.f('uq_fx_rates_base_quote_as_of'))
    )
    op.create_table('rfq_limits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('rfqs_per_day', sa.Integer(), nullable=False),
    sa.Column('open_rfqs', sa.Integer(), nullable=False),
    sa.CheckConstraint('rfqs_per_day >= 0 AND open_rfqs >= 0', name=op.f('ck_rfq_limits_limits_not_negative')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_rfq_limits_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rfq_limits')),
    sa.UniqueConstraint('organization_id', name=op.f('uq_rfq_limits_organization_id'))
    )
    op.bulk_insert(sa.table('rfq_limits', sa.column('organization_id', sa.Integer()),
                            sa.column('rfqs_per_day', sa.Integer()), sa.column('open_rfqs', sa.Integer())),
                   [{'organization_id': None, 'rfqs_per_day': 10, 'open_rfqs': 25}])
    op.create_table('quote_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quote_id', sa.Integer(), nullable=False),
    sa.Column('supplier_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('score BETWEEN 1 AND 5', name=op.f('ck_quote_ratings_score_range')),
    sa.ForeignKeyConstraint(['quote_id'], ['quotes.id'], name=op.f('fk_quote_ratings_quote_id_quotes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['supplier_id'], ['organizations.id'], name=op.f('fk_quote_ratings_supplier_id_organizations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_quote_ratings_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quote_ratings')),
    sa.UniqueConstraint('quote_id', name=op.f('uq_quote_ratings_quote_id'))
    )
    with op.batch_alter_table('quote_ratings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_ratings_supplier_id'), ['supplier_id'], unique=False)

    op.create_table('quote_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quote_id', sa.Integer(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('previous', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['quote_id'], ['quotes.id'], name=op.f('fk_quote_revisions_quote_id_quotes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_quote_revisions_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quote_revisions')),
    sa.UniqueConstraint('quote_id', 'revision', name=op.f('uq_quote_revisions_quote_id_revision'))
    )
    with op.batch_alter_table('quote_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quote_revisions_quote_id'), ['quote_id'], unique=False)

    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sample_offer', sa.Enum('none', 'free', 'paid', name='sample_offer', native_enum=False, create_constraint=True, length=32), server_default='none', nullable=False))
        batch_op.add_column(sa.Column('sample_price', sa.Numeric(precision=18, scale=4), nullable=True))
        batch_op.add_column(sa.Column('sample_days', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('response_seconds', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_quotes_sample_offer'), type_='check')
        batch_op.drop_column('withdrawn_at')
        batch_op.drop_column('revision')
        batch_op.drop_column('response_seconds')
        batch_op.drop_column('sample_days')
        batch_op.drop_column('sample_price')
        batch_op.drop_column('sample_offer')

    with op.batch_alter_table('quote_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_revisions_quote_id'))

    op.drop_table('quote_revisions')
    with op.batch_alter_table('quote_ratings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quote_ratings_supplier_id'))

    op.drop_table('quote_ratings')
    op.drop_table('rfq_limits')
    op.drop_table('fx_rates')
