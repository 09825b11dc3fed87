// Projects one wave into a GDS in-memory graph, undirected (server/neo4j/gds/gds-wave-measures.ts):
// every organization is a node (isolates included), and every pair of organizations is one tie when
// either side reported it in the wave, or, with $reciprocatedOnly, when both did (analysis modes
// `undirected` and `reciprocated`, DATA-FORMAT.md §2). o.id < t.id keeps each pair once, so a tie both
// sides reported does not become two parallel relationships.
// Parameters: $graph (in-memory graph name), $wave, $reciprocatedOnly (boolean).
// Returns: nodeCount, relationshipCount (each undirected tie counts twice, once per direction).
MATCH (o:Organization)
OPTIONAL MATCH (o)-[r:COOPERATES_WITH {wave: $wave}]-(t:Organization)
WHERE o.id < t.id
WITH o, t, count(r) AS reports
WITH o, CASE WHEN t IS NOT NULL AND (NOT $reciprocatedOnly OR reports = 2) THEN t END AS t
WITH gds.graph.project($graph, o, t, {}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount
