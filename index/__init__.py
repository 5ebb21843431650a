"""Everything about finding passages: load, clean, chunk, embed, build, store, search."""
