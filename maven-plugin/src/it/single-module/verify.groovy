// The changelog diff wrote, what apply and status did to the embedded database, and check's verdict in verify.
def changelogs = new File(basedir, 'src/main/resources/db/changelog')
def master = new File(changelogs, 'db.changelog-master.yaml')
assert master.isFile() : "no master changelog in ${changelogs}"
def written = changelogs.listFiles().findAll { it.name.endsWith('.sql') }
assert written.size() == 1 : "expected one generated changelog, found ${written*.name}"
def sql = written[0].text
assert master.text.contains(written[0].name) : 'the master does not include the generated changelog'
['customer', 'product', 'purchase_order'].each { table ->
    assert sql.contains("CREATE TABLE public.${table} (") : "no CREATE TABLE public.${table} in ${written[0]}"
}
assert sql.contains('-- rollback DROP TABLE public.purchase_order') : 'the changeset has no rollback'
assert sql =~ /(?s)FOREIGN KEY \(customer_id\) REFERENCES public\.customer/ : 'no foreign key to customer'

def log = new File(basedir, 'build.log').text
assert log.contains('Wrote ') && log.contains(written[0].name)
assert log =~ /Applied \d+ changeset\(s\)\./
assert log =~ /applied  .*${java.util.regex.Pattern.quote(written[0].name)}/ : 'status does not list the changelog as applied'
assert log.contains('No changes: the entities and the embedded database (.driftless/) agree.')
assert log =~ /OK: the changelogs \(.*\) and the entities agree/ : 'check did not pass in verify'
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')
// the embedded database lives at the project root, not in ~ or the working directory of the outer build
assert new File(basedir, '.driftless/pgdata').isDirectory()
return true
