// Ends every session of an account (password change). Parameters: $user. Returns: deleted.
MATCH (s:Session {user: $user})
DELETE s
RETURN count(s) AS deleted
