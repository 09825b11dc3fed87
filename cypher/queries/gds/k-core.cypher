// Core number (k-core decomposition) of every node, undirected projection.
// Parameters: $graph, $concurrency. Returns: id, value.
CALL gds.kcore.stream($graph, {concurrency: $concurrency}) YIELD nodeId, coreValue
RETURN gds.util.asNode(nodeId).id AS id, coreValue AS value
