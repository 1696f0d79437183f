// What each build did: the changelog diff wrote, the embedded database through apply, tag, status, rollback and
// history, check's verdict in verify, and the build results.
def changelogs = new File(basedir, 'src/main/resources/db/changelog')
def master = new File(changelogs, 'db.changelog-master.yaml')
assert master.isFile() : "no master changelog in ${changelogs}"
def generated = changelogs.listFiles().findAll { it.name.endsWith('-initial-schema.sql') }
assert generated.size() == 1 : "expected one generated changelog, found ${changelogs.list()}"
def sql = generated[0].text
assert master.text.contains(generated[0].name) : 'the master does not include the generated changelog'
['customer', 'product', 'purchase_order'].each { table ->
    assert sql.contains("CREATE TABLE public.${table} (") : "no CREATE TABLE public.${table} in ${generated[0]}"
}
assert sql.contains('-- rollback DROP TABLE public.purchase_order') : 'the changeset has no rollback'
assert sql =~ /FOREIGN KEY \(customer_id\) REFERENCES public\.customer/ : 'no foreign key to customer'
def handWritten = changelogs.listFiles().findAll { it.name.endsWith('-backfill-prices.sql') }
assert handWritten.size() == 1 && master.text.contains(handWritten[0].name) : 'driftless:new wrote no included changeset'
// the embedded database lives at the project root
assert new File(basedir, '.driftless/pgdata').isDirectory()

def runs = new File(basedir, 'build.log').text.split(/(?m)^\[INFO\] Scanning for projects\.\.\./).findAll { !it.isBlank() }
assert runs.size() == 8 : "expected eight builds in build.log, found ${runs.size()}"
def (unchecked, diff, apply, verify, noRange, rollback, added, skipped) = runs
// before any changelog, check in verify fails the build and says what the entities have that no changelog does
assert unchecked =~ /--- driftless:[^:]+:check \(default\) @ shop ---/
assert unchecked.contains('BUILD FAILURE')
assert unchecked.contains('change(s) with no changelog; run driftless:diff to generate one')
assert unchecked =~ /Customer\.java:\d+ class Customer → table public\.customer/
def name = java.util.regex.Pattern.quote(generated[0].name)
assert diff =~ /Wrote .*${name} with 7 changeset\(s\):/
assert diff.contains('BUILD SUCCESS')

assert apply.contains('Applied 7 changeset(s).')
assert apply.contains('Tagged the database release-1.')
assert apply =~ /applied  ${name} :: \S+-7  \(.*\)  \[tag release-1\]/ : 'status does not show the applied, tagged changelog'
assert apply.contains('7 applied, 0 pending.')
assert apply.contains('No changes: the entities and the embedded database (.driftless/) agree.')
assert apply.contains('BUILD SUCCESS')

assert verify =~ /--- driftless:[^:]+:check \(default\) @ shop ---/ : 'check did not run in verify'
assert verify =~ /OK: the changelogs \(7 changeset\(s\), every rollback verified\) and the entities agree/
assert verify.contains('BUILD SUCCESS')

assert noRange.contains('BUILD FAILURE')
assert noRange.contains('say how far to roll back with exactly one of -Ddriftless.count=N')
assert !noRange.contains('Rolled back')

assert rollback.contains('Rolled back 1 changeset(s).')
assert rollback.contains('6 changeset(s) applied.')
assert rollback =~ /Linted 1 changeset\(s\) \(the changesets pending on the embedded database \(\.driftless\/\)\): highest risk \w+\./
assert rollback.contains('BUILD SUCCESS')

assert added =~ /Wrote .*-backfill-prices\.sql and included it/
assert added.contains('6 applied, 2 pending.')

assert skipped.contains('driftless: skipped (driftless.skip)')
assert !skipped.contains('Applied ')
['diff', 'apply', 'rollback', 'tag', 'status', 'history', 'validate', 'check', 'lint', 'baseline', 'new'].each { goal ->
    assert skipped.contains("driftless:${goal}\n") : "help does not list driftless:${goal}"
}
return true
