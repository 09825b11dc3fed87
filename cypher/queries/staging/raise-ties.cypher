// Applies the later rows of repeated ties of import $importId (see server/files/stream-bundle.ts: a
// tie is staged from its first row; a later row with a higher level wins, with its extra columns).
// A staged tie takes the row's level and extra only where that level is above the one it has.
// A cancelled import has no pending record, so nothing changes and it returns 0.
// Parameters: $importId, $rows [[sourceElementId, targetElementId, wave, level, extra]]. Returns: count.
MATCH (p:PendingImport {id: $importId})
WITH p
UNWIND $rows AS row
MATCH (a:StagedOrganization) WHERE elementId(a) = row[0]
OPTIONAL MATCH (a)-[r:COOPERATES_WITH {wave: row[2]}]->(b:StagedOrganization)
  WHERE elementId(b) = row[1] AND r.level < row[3]
SET r.level = row[3], r.extra = row[4]
RETURN count(row) AS count
