"""Matching as users reach it: RFQ matches for buyers, the leads feed for suppliers, HS code suggestions and the
`eval matching` command. The ranking itself is the matching/ engine."""
