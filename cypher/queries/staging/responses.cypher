// Stages survey responses of import $importId; the organization is found by the element id its
// staging batch returned (staged organizations have no index). Parameters: $importId,
// $rows [{organization (element id), wave, status}]. Returns: count.
MATCH (p:PendingImport {id: $importId})
SET p.heartbeat = datetime()
WITH p
UNWIND $rows AS row
MATCH (o:StagedOrganization) WHERE elementId(o) = row.organization
MATCH (w:StagedWave {importId: $importId, id: row.wave})
CREATE (o)-[r:RESPONDED {status: row.status}]->(w)
RETURN count(r) AS count
