// Degree (number of neighbours) of every node of an undirected projection.
// Parameters: $graph. Returns: id (organization id), value.
CALL gds.degree.stream($graph) YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score AS value
