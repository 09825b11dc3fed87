// Last step of publishing: the pending record goes (its (:Import) is written in the same transaction).
// Parameters: $importId. Returns: finished.
MATCH (p:PendingImport {id: $importId})
DELETE p
RETURN count(p) AS finished
