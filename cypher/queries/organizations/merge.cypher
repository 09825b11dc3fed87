// Creates or updates organizations by id.
// Parameters: $rows [{id, name, kind, type, city, district, focus, refugeeLed, founded, extra, searchName, searchCity}].
// Returns: count.
UNWIND $rows AS row
MERGE (o:Organization {id: row.id})
SET o.name = row.name, o.kind = row.kind, o.type = row.type, o.city = row.city,
    o.district = row.district, o.focus = row.focus, o.refugeeLed = row.refugeeLed,
    o.founded = row.founded, o.extra = row.extra, o.searchName = row.searchName,
    o.searchCity = row.searchCity
RETURN count(o) AS count
