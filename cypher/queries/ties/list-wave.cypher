// The ties reported in one wave, streamed to build that wave's graph (server/neo4j/wave-reader.ts);
// ordered like ties/list-all so the graph is built in the same order as from the whole dataset.
// Parameters: $wave. Returns: source, target, level.
MATCH (a:Organization)-[r:COOPERATES_WITH {wave: $wave}]->(b:Organization)
RETURN a.id AS source, b.id AS target, r.level AS level
ORDER BY a.id, b.id
