// Stages attendance of import $importId. Parameters: $importId, $rows [{organization, event}]. Returns: count.
MATCH (p:PendingImport {id: $importId})
SET p.heartbeat = datetime()
WITH p
UNWIND $rows AS row
MATCH (o:StagedOrganization {importId: $importId, id: row.organization})
MATCH (e:StagedEvent {importId: $importId, id: row.event})
CREATE (o)-[a:ATTENDED]->(e)
RETURN count(a) AS count
