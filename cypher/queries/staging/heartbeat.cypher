// Tells other imports' clean-up that import $importId is alive while its tie batches run (those
// batches only read the pending record, so that two of them can run at once without waiting for
// its lock). Parameters: $importId. Returns: alive (0 when the import was cancelled).
MATCH (p:PendingImport {id: $importId})
SET p.heartbeat = datetime()
RETURN count(p) AS alive
