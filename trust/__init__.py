"""Trust engine: how far the platform can trust a company or a lead (lead quality, verification validity; supplier
credit next). Imports app.core and app.models only, like every engine."""
