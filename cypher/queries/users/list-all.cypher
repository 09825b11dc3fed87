// Every account, by name, without password hashes.
// Parameters: none. Returns: name, role, created, lockedUntil, failedLogins.
MATCH (u:User)
RETURN u.name AS name, u.role AS role, toString(u.created) AS created,
       toString(u.lockedUntil) AS lockedUntil, u.failedLogins AS failedLogins
ORDER BY u.name
