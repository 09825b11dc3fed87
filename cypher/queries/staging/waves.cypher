// Stages the waves of import $importId. Parameters: $importId, $rows [{id, label, date, description, position}].
// Returns: count.
MATCH (p:PendingImport {id: $importId})
SET p.heartbeat = datetime()
WITH p
UNWIND $rows AS row
CREATE (w:StagedWave {importId: $importId, id: row.id, label: row.label,
        date: CASE WHEN row.date = '' THEN null ELSE date(row.date) END,
        description: row.description, position: row.position})
RETURN count(w) AS count
