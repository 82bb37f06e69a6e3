"""The viewer's site preferences that are not a domain's: the pages' language."""
