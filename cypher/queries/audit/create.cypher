// Appends one audit event. Parameters: $id, $at (ISO datetime), $actor, $action, $details (JSON string).
// Returns: id.
CREATE (a:AuditEvent {id: $id, at: datetime($at), actor: $actor, action: $action, details: $details})
RETURN a.id AS id
