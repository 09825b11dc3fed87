// Waves of a streamed import being staged, looked up by (importId, id) for survey responses.
CREATE INDEX staged_wave_import_id IF NOT EXISTS FOR (w:StagedWave) ON (w.importId, w.id)
