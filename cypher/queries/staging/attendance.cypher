// Stages attendance of import $importId; the organization is found by the element id its staging
// batch returned (staged organizations have no index). Parameters: $importId,
// $rows [{organization (element id), event}]. Returns: count.
MATCH (p:PendingImport {id: $importId})
SET p.heartbeat = datetime()
WITH p
UNWIND $rows AS row
MATCH (o:StagedOrganization) WHERE elementId(o) = row.organization
MATCH (e:StagedEvent {importId: $importId, id: row.event})
CREATE (o)-[a:ATTENDED]->(e)
RETURN count(a) AS count
