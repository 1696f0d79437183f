-- Created by ${flyway:filename} for ${flyway:user}.
CREATE SCHEMA IF NOT EXISTS ${flyway:defaultSchema};
CREATE TABLE ${flyway:defaultSchema}.account (
    id bigint PRIMARY KEY,
    name text NOT NULL
);
ALTER TABLE ${flyway:defaultSchema}.account OWNER TO ${OWNER};
INSERT INTO ${flyway:defaultSchema}.account VALUES (1, 'house account of ${flyway:database}');
