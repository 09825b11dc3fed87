// Creates or updates events by id. Parameters: $rows [{id, name, type, date, endDate, city}]. Returns: count.
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e.name = row.name, e.type = row.type, e.date = date(row.date),
    e.endDate = CASE WHEN row.endDate IS NULL THEN null ELSE date(row.endDate) END, e.city = row.city
RETURN count(e) AS count
