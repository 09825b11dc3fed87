// Drops the record of an unfinished import once its staged data is gone. Parameters: $importId. Returns: removed.
MATCH (p:PendingImport {id: $importId})
DELETE p
RETURN count(p) AS removed
