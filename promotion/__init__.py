"""The promotion engine: the rules of paid placement (see ../shared/ARCHITECTURE.md). Today: showcase slots."""
