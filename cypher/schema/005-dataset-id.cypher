// The singleton (:Dataset {id: 'current'}) holds the dataset's name, synthetic flag and version.
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (d:Dataset) REQUIRE d.id IS UNIQUE
