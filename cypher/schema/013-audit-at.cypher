// The audit log is read newest first.
CREATE INDEX audit_event_at IF NOT EXISTS FOR (a:AuditEvent) ON (a.at)
