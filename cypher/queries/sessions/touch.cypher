// Marks a session as used now (the idle timeout counts from here). Parameters: $idHash, $at. Returns: idHash.
MATCH (s:Session {idHash: $idHash})
SET s.lastSeen = datetime($at)
RETURN s.idHash AS idHash
