// Stores each wave's network metrics (density, modularity, …) as properties of the wave.
// Parameters: $rows [{id, props}]. Returns: count.
UNWIND $rows AS row
MATCH (w:Wave {id: row.id})
SET w += row.props
RETURN count(w) AS count
