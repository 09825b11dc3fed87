// Creates an account; the unique constraint on :User(name) refuses a taken name.
// Parameters: $name, $role, $passwordHash, $at (ISO datetime). Returns: name.
CREATE (u:User {name: $name, role: $role, passwordHash: $passwordHash, failedLogins: 0, lockedUntil: null,
                created: datetime($at)})
RETURN u.name AS name
