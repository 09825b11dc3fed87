// Creates or updates waves by id. Parameters: $rows [{id, label, date, description}]. Returns: count.
UNWIND $rows AS row
MERGE (w:Wave {id: row.id})
SET w.label = row.label, w.date = CASE WHEN row.date = '' THEN null ELSE date(row.date) END,
    w.description = row.description, w.position = row.position
RETURN count(w) AS count
