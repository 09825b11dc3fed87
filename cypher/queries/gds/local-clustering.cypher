// Local clustering coefficient of every node (0 for degree < 2), undirected projection.
// Parameters: $graph, $concurrency. Returns: id, value.
CALL gds.localClusteringCoefficient.stream($graph, {concurrency: $concurrency})
YIELD nodeId, localClusteringCoefficient
RETURN gds.util.asNode(nodeId).id AS id, localClusteringCoefficient AS value
