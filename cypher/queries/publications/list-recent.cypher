// Latest public releases first. Parameters: $limit. Returns: id, at, by, counts.
MATCH (p:Publication)
RETURN p.id AS id, toString(p.at) AS at, p.by AS by, p.counts AS counts
ORDER BY p.at DESC
LIMIT $limit
