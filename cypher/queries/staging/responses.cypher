// Stages survey responses of import $importId. Parameters: $importId, $rows [{organization, wave, status}].
// Returns: count.
MATCH (p:PendingImport {id: $importId})
SET p.heartbeat = datetime()
WITH p
UNWIND $rows AS row
MATCH (o:StagedOrganization {importId: $importId, id: row.organization})
MATCH (w:StagedWave {importId: $importId, id: row.wave})
CREATE (o)-[r:RESPONDED {status: row.status}]->(w)
RETURN count(r) AS count
