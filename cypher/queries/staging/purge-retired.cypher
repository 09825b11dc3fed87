// Deletes what earlier publishes retired, in small transactions, after the publish committed;
// must run in an auto-commit transaction (session.run). Parameters: none. Returns: none.
MATCH (n:Retired)
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
