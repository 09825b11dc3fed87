// Deletes the staged nodes (and their relationships) of an unfinished import in small transactions;
// must run in an auto-commit transaction (session.run). Parameters: $importId. Returns: none.
MATCH (n)
WHERE (n:StagedOrganization OR n:StagedWave OR n:StagedEvent) AND n.importId = $importId
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
