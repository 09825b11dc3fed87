// Eigenvector centrality by power iteration; the scores come back L2-normalized, or all zero when
// the iterates overflowed (gds-wave-measures.ts checks, and then computes it locally).
// Parameters: $graph, $concurrency, $tolerance, $maxIterations. Returns: id, value.
CALL gds.eigenvector.stream($graph, {tolerance: $tolerance, maxIterations: $maxIterations,
                                     concurrency: $concurrency})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score AS value
