// A session with its account's current role (a role change applies at once; a deleted account has
// no session). Parameters: $idHash.
// Returns: user, role, csrf, created, lastSeen, expires (epoch milliseconds).
MATCH (s:Session {idHash: $idHash})
MATCH (u:User {name: s.user})
RETURN u.name AS user, u.role AS role, s.csrf AS csrf, s.created.epochMillis AS created,
       s.lastSeen.epochMillis AS lastSeen, s.expires.epochMillis AS expires
