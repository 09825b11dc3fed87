// Survey response status per organization and wave.
// Parameters: $rows [{organization, wave, status}]. Returns: count.
UNWIND $rows AS row
MATCH (o:Organization {id: row.organization}), (w:Wave {id: row.wave})
MERGE (o)-[r:RESPONDED]->(w)
SET r.status = row.status
RETURN count(r) AS count
