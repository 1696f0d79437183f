// Zero set-up: the changelog lands in changelogs/ of the project, the entities read with the project's class path
// (the enum type of Toolchain.ties lives in commons-math3, which driftless does not carry), the embedded database at the project's root.
def changelogs = new File(basedir, 'changelogs')
def written = changelogs.listFiles()?.findAll { it.name.endsWith('-initial-schema.sql') }
assert written?.size() == 1 : "expected one generated changelog in ${changelogs}"
def sql = written[0].text
assert sql.contains('CREATE TABLE public.toolchain (')
assert sql =~ /ties character varying\(\d+\)/
assert sql.contains("'AVERAGE'") : 'the enum check constraint does not list the values of commons-math3 TiesStrategy'
assert new File(changelogs, 'db.changelog-master.yaml').text.contains(written[0].name)
assert new File(basedir, '.driftless/pgdata').isDirectory()
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
return true
