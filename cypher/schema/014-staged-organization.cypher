// Organizations of a streamed import being staged (server/neo4j/repositories/staged-import.ts),
// looked up by (importId, id) while its attendance and responses are loaded.
CREATE INDEX staged_organization_import_id IF NOT EXISTS FOR (o:StagedOrganization) ON (o.importId, o.id)
