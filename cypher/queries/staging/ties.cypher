// Stages one batch of ties of import $importId between its staged organizations, found by the
// element ids staging/organizations returned (a direct lookup, faster than an index seek); rows
// are [sourceElementId, targetElementId, wave, level, extra] lists (smaller on the wire than maps).
// The pending record is only read, not locked (no SET): tie batches run two at a time, and a SET
// would make the second wait for the first's commit; staging/heartbeat keeps it fresh instead.
// A cancelled import has no pending record, so the batch writes nothing and returns 0.
// Parameters: $importId, $rows [[sourceElementId, targetElementId, wave, level, extra]]. Returns: count.
MATCH (p:PendingImport {id: $importId})
WITH p
UNWIND $rows AS row
MATCH (a:StagedOrganization) WHERE elementId(a) = row[0]
MATCH (b:StagedOrganization) WHERE elementId(b) = row[1]
CREATE (a)-[r:COOPERATES_WITH {wave: row[2], level: row[3], extra: row[4]}]->(b)
RETURN count(r) AS count
