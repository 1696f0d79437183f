CREATE OR REPLACE VIEW ${flyway:defaultSchema}.account_names AS SELECT name FROM ${flyway:defaultSchema}.account;
COMMENT ON VIEW ${flyway:defaultSchema}.account_names IS 'Flyway kept its history in ${flyway:table}';
