// Stages one batch of ties of import $importId between its staged organizations, found by the
// element ids staging/organizations returned (a direct lookup, faster than an index seek); rows
// are [sourceElementId, targetElementId, wave, level, extra] lists (smaller on the wire than maps).
// Parameters: $importId, $rows [[sourceElementId, targetElementId, wave, level, extra]]. Returns: count.
MATCH (p:PendingImport {id: $importId})
SET p.heartbeat = datetime()
WITH p
UNWIND $rows AS row
MATCH (a:StagedOrganization) WHERE elementId(a) = row[0]
MATCH (b:StagedOrganization) WHERE elementId(b) = row[1]
CREATE (a)-[r:COOPERATES_WITH {wave: row[2], level: row[3], extra: row[4]}]->(b)
RETURN count(r) AS count
