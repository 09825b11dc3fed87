// No index on staged organizations, on purpose (an earlier version indexed them by (importId, id) for
// the attendance and responses of a streamed import; this removes it). Every staging statement finds
// them by the element ids their batch returned (server/neo4j/repositories/staged-import.ts), and the
// index cost an insert per organization when staged and a removal when published: a 1 000 000-tie,
// 50 000-organization import took 38.9–41.6 s without it against 41.3–46.1 s with it (same run).
DROP INDEX staged_organization_import_id IF EXISTS
