"""Facts of a Document: figures, dates, people, organisations, places, works, terms."""
