// Events of a streamed import being staged, looked up by (importId, id) for attendance.
CREATE INDEX staged_event_import_id IF NOT EXISTS FOR (e:StagedEvent) ON (e.importId, e.id)
