// Ends one session. Parameters: $idHash. Returns: deleted (0 or 1).
MATCH (s:Session {idHash: $idHash})
DELETE s
RETURN count(s) AS deleted
