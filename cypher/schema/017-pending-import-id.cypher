// One (:PendingImport) per streamed import in progress; it becomes an (:Import) when published.
CREATE CONSTRAINT pending_import_id IF NOT EXISTS FOR (p:PendingImport) REQUIRE p.id IS UNIQUE
