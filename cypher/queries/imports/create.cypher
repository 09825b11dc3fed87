// The record of one import, written in the same transaction as the data it describes.
// Parameters: $id, $at (ISO datetime), $source, $counts (JSON string), $replace, $datasetVersion. Returns: id.
CREATE (i:Import {id: $id, at: datetime($at), source: $source, counts: $counts, replace: $replace,
                  datasetVersion: $datasetVersion})
RETURN i.id AS id
