// Streamed imports that stopped without publishing (their process died, or Neo4j did): pending
// records whose heartbeat is older than $staleSeconds, plus staged nodes whose import has no record.
// Parameters: $staleSeconds. Returns: importId.
MATCH (p:PendingImport)
WHERE p.heartbeat < datetime() - duration({seconds: $staleSeconds})
RETURN p.id AS importId
UNION
MATCH (n)
WHERE (n:StagedOrganization OR n:StagedWave OR n:StagedEvent)
  AND NOT EXISTS { MATCH (:PendingImport {id: n.importId}) }
RETURN DISTINCT n.importId AS importId
