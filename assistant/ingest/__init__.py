"""Build time: read notices, clean them with an offset map, chunk, extract facts, build the index."""
