"""Small functions that draw repeated pieces of the pages: charts, cards, provenance, downloads."""
