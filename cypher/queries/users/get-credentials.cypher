// One account with what signing in needs. Parameters: $name.
// Returns: name, role, passwordHash, failedLogins, lockedUntil (epoch milliseconds or null).
MATCH (u:User {name: $name})
RETURN u.name AS name, u.role AS role, u.passwordHash AS passwordHash, u.failedLogins AS failedLogins,
       CASE WHEN u.lockedUntil IS NULL THEN null ELSE u.lockedUntil.epochMillis END AS lockedUntil
