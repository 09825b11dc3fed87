// Replaces an account's password hash and lifts a lockout.
// Parameters: $name, $passwordHash. Returns: name.
MATCH (u:User {name: $name})
SET u.passwordHash = $passwordHash, u.failedLogins = 0, u.lockedUntil = null
RETURN u.name AS name
