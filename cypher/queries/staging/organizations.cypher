// Stages one batch of organizations of import $importId (labelled :StagedOrganization, not read by
// any query) and returns their element ids, which the tie batches then use to find them.
// The pending record is only read, not locked (no SET): batches run two at a time, and a SET would
// make the second wait for the first's commit; staging/begin has just set its heartbeat.
// A cancelled import has no pending record, so the batch writes nothing and returns no row.
// Parameters: $importId, $rows [{id, name, kind, type, city, district, focus, refugeeLed, founded, extra, searchName, searchCity}].
// Returns: id, elementId (one row per organization).
MATCH (p:PendingImport {id: $importId})
WITH p
UNWIND $rows AS row
CREATE (o:StagedOrganization {importId: $importId, id: row.id, name: row.name, kind: row.kind, type: row.type,
        city: row.city, district: row.district, focus: row.focus, refugeeLed: row.refugeeLed,
        founded: row.founded, extra: row.extra, searchName: row.searchName, searchCity: row.searchCity})
RETURN o.id AS id, elementId(o) AS elementId
