"""HS classification: the Harmonized System table shipped with the package (table.py, data/), BM25 over it
(index.py, keywords.json), suggestions for free text (suggest.py) and their offline accuracy (evaluation.py)."""
