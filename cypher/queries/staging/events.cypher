// Stages the events of import $importId. Parameters: $importId, $rows [{id, name, type, date, endDate, city}].
// Returns: count.
MATCH (p:PendingImport {id: $importId})
SET p.heartbeat = datetime()
WITH p
UNWIND $rows AS row
CREATE (e:StagedEvent {importId: $importId, id: row.id, name: row.name, type: row.type, date: date(row.date),
        endDate: CASE WHEN row.endDate IS NULL THEN null ELSE date(row.endDate) END, city: row.city})
RETURN count(e) AS count
