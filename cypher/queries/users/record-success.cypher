// A successful sign-in resets the failure count and any expired lock. Parameters: $name. Returns: name.
MATCH (u:User {name: $name})
SET u.failedLogins = 0, u.lockedUntil = null
RETURN u.name AS name
