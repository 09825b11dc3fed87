// Stores per-wave node metrics as properties `<metric>_<wave>` (e.g. betweenness_post) on organizations.
// Parameters: $rows [{id, props}] (props: a map of property name → number/string/null). Returns: count.
UNWIND $rows AS row
MATCH (o:Organization {id: row.id})
SET o += row.props
RETURN count(o) AS count
