// Closeness with the Wasserman–Faust correction for disconnected graphs (NetworkX wf_improved=True):
// (r − 1)/Σd · (r − 1)/(n − 1), r the size of the node's component; 0 for an isolate.
// Parameters: $graph, $concurrency. Returns: id, value.
CALL gds.closeness.stream($graph, {useWassermanFaust: true, concurrency: $concurrency}) YIELD nodeId, score
RETURN gds.util.asNode(nodeId).id AS id, score AS value
