// PageRank, damping 0.85, run to a tight tolerance. GDS does not renormalize: scores sum to about n
// and an isolate keeps its teleport share; gds-wave-measures.ts divides by the sum, which gives
// NetworkX's values (the dangling mass NetworkX spreads evenly only rescales the solution).
// Parameters: $graph, $concurrency, $tolerance, $maxIterations. Returns: id, value.
CALL gds.pageRank.stream($graph, {dampingFactor: 0.85, tolerance: $tolerance, maxIterations: $maxIterations,
                                  concurrency: $concurrency})
YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score AS value
