// Stores a new session. Only the SHA-256 hash of the session id is kept, never the id itself.
// Parameters: $idHash, $user, $csrf, $at, $expires (ISO datetimes). Returns: idHash.
CREATE (s:Session {idHash: $idHash, user: $user, csrf: $csrf, created: datetime($at), lastSeen: datetime($at),
                   expires: datetime($expires)})
RETURN s.idHash AS idHash
