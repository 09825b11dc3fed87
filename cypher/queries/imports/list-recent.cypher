// Latest imports first. Parameters: $limit. Returns: id, at, source, counts, replace, datasetVersion.
MATCH (i:Import)
RETURN i.id AS id, toString(i.at) AS at, i.source AS source, i.counts AS counts, i.replace AS replace,
       i.datasetVersion AS datasetVersion
ORDER BY i.at DESC
LIMIT $limit
