// Indexes are built in the background; a streamed import waits for them (the staging lookups need
// them) rather than planning its lookups with label scans. Parameters: none. Returns: none.
CALL db.awaitIndexes(300)
