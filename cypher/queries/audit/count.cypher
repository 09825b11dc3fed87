// How many audit events there are. Parameters: none. Returns: total.
MATCH (a:AuditEvent)
RETURN count(a) AS total
