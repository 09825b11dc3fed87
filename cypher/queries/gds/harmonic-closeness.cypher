// Harmonic closeness, Σ 1/d(v, u) over reachable u, divided by n − 1 (as harmonic-closeness.ts does).
// Parameters: $graph, $concurrency. Returns: id, value.
CALL gds.closeness.harmonic.stream($graph, {concurrency: $concurrency}) YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score AS value
