// One relationship per reported tie per wave, identified by (source, target, wave).
// Parameters: $rows [{source, target, wave, level, extra}]. Returns: count.
UNWIND $rows AS row
MATCH (a:Organization {id: row.source}), (b:Organization {id: row.target})
MERGE (a)-[r:COOPERATES_WITH {wave: row.wave}]->(b)
SET r.level = row.level, r.extra = row.extra
RETURN count(r) AS count
