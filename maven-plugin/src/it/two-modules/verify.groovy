// The entities sit in lib; the plugin runs in app, with lib's classes from the reactor and app's own configuration.
def changelogs = new File(basedir, 'app/src/main/resources/db/changelog')
def written = changelogs.listFiles().findAll { it.name.endsWith('.sql') }
assert written.size() == 1 : "expected one generated changelog in ${changelogs}, found ${written*.name}"
def sql = written[0].text
// app's application.properties gives the schema; Spring Boot's naming (its default) gives the snake_case names
assert sql.contains('CREATE SCHEMA billing')
assert sql.contains('CREATE TABLE billing.account (')
assert sql.contains('CREATE TABLE billing.invoice (')
assert sql.contains('display_name ') && sql.contains('total_amount numeric(12,2) NOT NULL')
assert sql.contains('billed_account_id bigint NOT NULL')
// nothing in the library module, nor at the root: the root is an aggregator, the library sets driftless.skip
assert !new File(basedir, 'lib/changelogs').exists() && !new File(basedir, 'changelogs').exists()
// one embedded database, next to driftless.yaml (the project root, as for the command line)
assert new File(basedir, 'app/.driftless/pgdata').isDirectory()
assert !new File(basedir, '.driftless').exists() && !new File(basedir, 'lib/.driftless').exists()

def log = new File(basedir, 'build.log').text
def runs = log.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { !it.isBlank() }
assert runs.size() == 4 : "expected four builds in build.log, found ${runs.size()}"
def (diff, validate, verify, baseline) = runs
assert diff.contains('skipped billing: an aggregator') && diff.contains('driftless: skipped (driftless.skip)')
assert diff =~ /reading entities from \[.*app\/target\/classes, .*lib\/target\/classes\]/
assert diff.contains('default-schema billing (application.properties)')
assert diff.contains('BUILD SUCCESS')

// validate on the empty database: the build fails with the findings the command line prints, file and line included
assert validate.contains('BUILD FAILURE')
assert validate =~ /Drift: \d+ difference\(s\)/
assert validate =~ /\[ERROR\]   ✗ com\/acme\/domain\/Invoice\.java:10 class Invoice → table billing\.invoice: missing in the database/ :
        'the findings do not point at the entity source in the library module'
assert validate =~ /com\/acme\/domain\/Account\.java:7 class Account → table billing\.account: missing/

assert verify =~ /OK: the changelogs \(4 changeset\(s\), every rollback verified\) and the entities agree/
assert verify.contains('billing-domain-1.0.jar]') : 'check did not read the entities from the library jar'
assert verify.contains('Applied 4 changeset(s).')
assert verify.contains('OK: the entities and the embedded database (.driftless/) agree (2 tables).')
assert verify.contains('BUILD SUCCESS')
assert baseline =~ /Wrote .*app\/target\/adopted\/\S+-adopted\.sql with \d+ changeset\(s\) describing the embedded database/
def adopted = new File(basedir, 'app/target/adopted').listFiles().findAll { it.name.endsWith('-adopted.sql') }
assert adopted.size() == 1 && adopted[0].text.contains('CREATE TABLE billing.invoice (')
assert baseline.contains('BUILD SUCCESS')
return true
