// Whether eigenvector centrality converged with the settings of gds/eigenvector (the stream mode
// does not say): the result's network.eigenvectorConverged.
// Parameters: $graph, $concurrency, $tolerance, $maxIterations. Returns: converged, iterations.
CALL gds.eigenvector.stats($graph, {tolerance: $tolerance, maxIterations: $maxIterations,
                                    concurrency: $concurrency})
YIELD didConverge, ranIterations
RETURN didConverge AS converged, ranIterations AS iterations
