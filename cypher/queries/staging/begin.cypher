// Starts a streamed import: its staged data is invisible to readers until `staging/publish`.
// Parameters: $id, $source, $at (ISO datetime). Returns: id.
CREATE (p:PendingImport {id: $id, source: $source, startedAt: datetime($at), heartbeat: datetime($at)})
RETURN p.id AS id
