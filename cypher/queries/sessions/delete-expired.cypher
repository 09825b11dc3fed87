// Removes sessions past their absolute expiry or idle since before $idleSince.
// Parameters: $now, $idleSince (ISO datetimes). Returns: deleted.
MATCH (s:Session)
WHERE s.expires <= datetime($now) OR s.lastSeen <= datetime($idleSince)
DELETE s
RETURN count(s) AS deleted
