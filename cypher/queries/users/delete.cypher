// Deletes an account (its sessions are deleted in the same transaction by sessions/delete-for-user).
// Parameters: $name. Returns: deleted (0 or 1).
MATCH (u:User {name: $name})
DETACH DELETE u
RETURN count(u) AS deleted
