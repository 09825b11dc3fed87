// Eigenvector centrality by power iteration, L2-normalized at every step (GDS's default scaler).
// Parameters: $graph, $concurrency, $tolerance, $maxIterations. Returns: id, value.
CALL gds.eigenvector.stream($graph, {tolerance: $tolerance, maxIterations: $maxIterations,
                                     concurrency: $concurrency})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score AS value
