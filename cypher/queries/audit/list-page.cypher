// One page of the audit log, newest first. Parameters: $offset, $limit.
// Returns: id, at, actor, action, details (JSON string).
MATCH (a:AuditEvent)
RETURN a.id AS id, toString(a.at) AS at, a.actor AS actor, a.action AS action, a.details AS details
ORDER BY a.at DESC, a.id DESC
SKIP $offset
LIMIT $limit
