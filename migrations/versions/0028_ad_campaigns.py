"""ad_campaigns, ad_campaign_listings, ad_keywords, ad_impressions, ad_clicks: keyword advertising (issue 12)

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-05 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0028'
down_revision: str | None = '0027'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('ad_campaigns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('daily_budget', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('paused', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_ad_campaigns_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ad_campaigns'))
    )
    with op.batch_alter_table('ad_campaigns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ad_campaigns_organization_id'), ['organization_id'], unique=False)

    op.create_table('ad_campaign_listings',
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('listing_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['ad_campaigns.id'], name=op.f('fk_ad_campaign_listings_campaign_id_ad_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_ad_campaign_listings_listing_id_listings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('campaign_id', 'listing_id', name=op.f('pk_ad_campaign_listings'))
    )
    with op.batch_alter_table('ad_campaign_listings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ad_campaign_listings_listing_id'), ['listing_id'], unique=False)

    op.create_table('ad_keywords',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=False),
    sa.Column('phrase', sa.String(length=100), nullable=False),
    sa.Column('terms', sa.String(length=200), nullable=False),
    sa.Column('term_set', sa.String(length=200), nullable=False),
    sa.Column('match', sa.Enum('exact', 'phrase', 'broad', name='keyword_match', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('max_cpc', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['ad_campaigns.id'], name=op.f('fk_ad_keywords_campaign_id_ad_campaigns'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ad_keywords')),
    sa.UniqueConstraint('campaign_id', 'terms', 'match', name=op.f('uq_ad_keywords_campaign_id_terms_match'))
    )
    with op.batch_alter_table('ad_keywords', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ad_keywords_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ad_keywords_term_set'), ['term_set'], unique=False)
        batch_op.create_index(batch_op.f('ix_ad_keywords_terms'), ['terms'], unique=False)

    op.create_table('ad_clicks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('impression', sa.String(length=32), nullable=False),
    sa.Column('campaign_id', sa.Integer(), nullable=True),
    sa.Column('keyword_id', sa.Integer(), nullable=True),
    sa.Column('listing_id', sa.Integer(), nullable=True),
    sa.Column('keyword', sa.String(length=100), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('price', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('charged', sa.Numeric(precision=18, scale=4), nullable=False),
    sa.Column('verdict', sa.Enum('charged', 'repeat', 'bot', 'own_organization', 'expired', 'forged', 'budget_spent', 'balance_too_low', 'campaign_stopped', name='click_verdict', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('client', sa.String(length=64), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.ForeignKeyConstraint(['campaign_id'], ['ad_campaigns.id'], name=op.f('fk_ad_clicks_campaign_id_ad_campaigns'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['keyword_id'], ['ad_keywords.id'], name=op.f('fk_ad_clicks_keyword_id_ad_keywords'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['listing_id'], ['listings.id'], name=op.f('fk_ad_clicks_listing_id_listings'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ad_clicks'))
    )
    with op.batch_alter_table('ad_clicks', schema=None) as batch_op:
        batch_op.create_index('ix_ad_clicks_campaign_day', ['campaign_id', 'day'], unique=False)
        batch_op.create_index('ix_ad_clicks_keyword_day', ['keyword_id', 'day'], unique=False)
        batch_op.create_index('ix_ad_clicks_client_at', ['client', 'at'], unique=False)

    op.create_table('ad_impressions',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('keyword_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['keyword_id'], ['ad_keywords.id'], name=op.f('fk_ad_impressions_keyword_id_ad_keywords'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('day', 'keyword_id', 'position', name=op.f('pk_ad_impressions'))
    )
    with op.batch_alter_table('ad_impressions', schema=None) as batch_op:
        batch_op.create_index('ix_ad_impressions_keyword_day', ['keyword_id', 'day'], unique=False)


def downgrade() -> None:
    op.drop_table('ad_impressions')
    with op.batch_alter_table('ad_clicks', schema=None) as batch_op:
        batch_op.drop_index('ix_ad_clicks_client_at')
        batch_op.drop_index('ix_ad_clicks_keyword_day')
        batch_op.drop_index('ix_ad_clicks_campaign_day')

    op.drop_table('ad_clicks')
    with op.batch_alter_table('ad_keywords', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ad_keywords_terms'))
        batch_op.drop_index(batch_op.f('ix_ad_keywords_term_set'))
        batch_op.drop_index(batch_op.f('ix_ad_keywords_campaign_id'))

    op.drop_table('ad_keywords')
    with op.batch_alter_table('ad_campaign_listings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ad_campaign_listings_listing_id'))

    op.drop_table('ad_campaign_listings')
    with op.batch_alter_table('ad_campaigns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ad_campaigns_organization_id'))

    op.drop_table('ad_campaigns')
