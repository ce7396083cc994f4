"""Persistence of the user's bookmarks and reading positions. Never imports Textual."""
