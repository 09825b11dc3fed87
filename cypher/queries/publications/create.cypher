// The record of one public release, for the analysts' list; the release itself is a file.
// Parameters: $id, $at (ISO datetime), $by (who published, or null), $counts (JSON string). Returns: id.
CREATE (p:Publication {id: $id, at: datetime($at), by: $by, counts: $counts})
RETURN p.id AS id
