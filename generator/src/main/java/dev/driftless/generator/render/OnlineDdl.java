package dev.driftless.generator.render;

import static dev.driftless.generator.render.SqlRenderer.alter;
import static dev.driftless.generator.render.SqlRenderer.alterColumn;
import static dev.driftless.generator.render.SqlRenderer.columns;
import static dev.driftless.generator.render.SqlRenderer.dropConstraint;
import static dev.driftless.generator.render.SqlRenderer.name;

import dev.driftless.model.Change;
import dev.driftless.model.Index;
import dev.driftless.model.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * The forms of a change that keep an existing table usable while it runs (PostgreSQL 12+), each as one or more
 * changesets with their own rollback. A new table gets plain DDL: nobody reads it yet, and it holds no rows.
 *
 * <ul>
 *   <li>an index is built (and dropped) {@code CONCURRENTLY}, outside a transaction, {@code IF NOT EXISTS} so that a
 *       re-run after a kill picks up where it stopped (the runner drops an INVALID index a killed build left);</li>
 *   <li>a unique constraint or primary key is a unique index built concurrently, then attached {@code USING INDEX}
 *       under a brief lock;</li>
 *   <li>a foreign key or check is added {@code NOT VALID} (new rows are checked at once), then validated in a second
 *       changeset under a lock that lets reads and writes go on;</li>
 *   <li>NOT NULL is proven by a {@code CHECK (col IS NOT NULL)} added {@code NOT VALID} and validated, after which
 *       {@code SET NOT NULL} needs no scan, and the check goes;</li>
 *   <li>a type change is followed by {@code ANALYZE} of the column, whose statistics the rewrite threw away;</li>
 *   <li>every changeset on an existing table sets {@code lock_timeout} and {@code statement_timeout} first, so that
 *       a statement queued behind a long query gives up instead of blocking every query queued behind it.</li>
 * </ul>
 *
 * Every step's rollback returns the database to the state before that step exactly (catalog included), so
 * {@code check} proves each one.
 */
final class OnlineDdl {

    /** One changeset's worth of a change: its SQL, the SQL that undoes exactly this step, and how it runs. */
    record Step(String sql, String rollback, boolean runInTransaction, String note) {
    }

    private static final int MAX_IDENTIFIER_BYTES = 63;

    private final SqlRenderer plain;
    private final DdlSettings settings;

    OnlineDdl(SqlRenderer plain, DdlSettings settings) {
        this.plain = plain;
        this.settings = settings;
    }

    /** The steps of {@code change}; {@code existingTable} says whether it works on a table that may hold rows. */
    List<Step> steps(Change change, boolean existingTable) {
        if (!settings.online() || !existingTable) {
            return List.of(new Step(plain.render(change), plain.render(change.reverse()), plain.runsInTransaction(change), null));
        }
        if (change instanceof Change.CreateIndex c) {
            return List.of(concurrent(createConcurrently(c.table(), c.index()), dropConcurrently(c.table(), c.index()), null));
        }
        if (change instanceof Change.DropIndex c) {
            return List.of(concurrent(dropConcurrently(c.table(), c.index()), createConcurrently(c.table(), c.index()), null));
        }
        if (change instanceof Change.AddUniqueConstraint c) {
            return attachedKey(KeyChange.of(c));
        }
        if (change instanceof Change.AddPrimaryKey c) {
            return attachedKey(KeyChange.of(c));
        }
        if (change instanceof Change.AddForeignKey c) {
            return notValidThenValidate(c.table(), c.key().name(), SqlRenderer.foreignKey(c.key()));
        }
        if (change instanceof Change.AddCheckConstraint c) {
            return notValidThenValidate(c.table(), c.constraint().name(), SqlRenderer.check(c.constraint()));
        }
        if (change instanceof Change.AlterColumnNullability c && !c.nullable()) {
            return notNullThroughCheck(c);
        }
        if (change instanceof Change.AlterColumnType c) {
            String analyze = "\nANALYZE " + name(c.table()) + " " + columns(List.of(c.column())) + ";";
            return List.of(transactional(plain.render(c) + analyze, plain.render(c.reverse()) + analyze, null));
        }
        return List.of(plain.runsInTransaction(change)
                ? transactional(plain.render(change), plain.render(change.reverse()), null)
                : new Step(plain.render(change), plain.render(change.reverse()), false, null));
    }

    private Step transactional(String sql, String rollback, String note) {
        return new Step(localTimeouts() + sql, localTimeouts() + rollback, true, note);
    }

    private String localTimeouts() {
        return "SET LOCAL lock_timeout = " + DdlSettings.setting(settings.lockTimeout()) + ";\n"
                + "SET LOCAL statement_timeout = " + DdlSettings.setting(settings.statementTimeout()) + ";\n";
    }

    /** Outside a transaction a setting outlives the statement: set for the build, reset after. */
    private Step concurrent(String sql, String rollback, String note) {
        return new Step(sessionTimeouts(settings.concurrentTimeout()) + sql + "\n" + RESET,
                sessionTimeouts(settings.concurrentTimeout()) + rollback + "\n" + RESET, false, note);
    }

    private static final String RESET = "RESET lock_timeout;\nRESET statement_timeout;";

    private String sessionTimeouts(java.time.Duration both) {
        return "SET lock_timeout = " + DdlSettings.setting(both) + ";\n"
                + "SET statement_timeout = " + DdlSettings.setting(both) + ";\n";
    }

    private String briefLock() {
        return "SET lock_timeout = " + DdlSettings.setting(settings.lockTimeout()) + ";\n";
    }

    private static String createConcurrently(QualifiedName table, Index index) {
        return SqlRenderer.createIndex(table, index, true);
    }

    private static String dropConcurrently(QualifiedName table, Index index) {
        return "DROP INDEX CONCURRENTLY IF EXISTS " + name(new QualifiedName(table.schema(), index.name())) + ";";
    }

    /**
     * One changeset outside a transaction: the unique index is built without blocking writes, then becomes the
     * constraint's own index (PostgreSQL renames it to the constraint's name) under a brief lock. Its rollback drops the
     * constraint, and the index with it.
     */
    private List<Step> attachedKey(KeyChange key) {
        QualifiedName table = key.table();
        String constraint = key.name();
        Index index = key.index(constraint);
        String build = SqlRenderer.createIndex(table, index, true);
        String attach = alter(table) + "ADD CONSTRAINT " + Identifiers.quote(constraint) + " " + key.kind() + " USING INDEX "
                + Identifiers.quote(constraint) + key.deferrability().clause() + ";";
        String sql = sessionTimeouts(settings.concurrentTimeout()) + build + "\n" + briefLock() + attach + "\n" + RESET;
        String rollback = briefLock() + dropConstraint(table, constraint) + "\n" + RESET;
        return List.of(new Step(sql, rollback, false, "unique index built concurrently, then attached"));
    }

    /**
     * A primary key or unique constraint replaced in one statement, so that no moment and no stop of apply leaves the
     * table without it. Online, the new key's index is built concurrently first under a temporary name, and the swap
     * takes a brief lock.
     */
    List<Step> replaceKey(Change drop, Change add, boolean existingTable) {
        KeyChange from = KeyChange.of(drop);
        KeyChange to = KeyChange.of(add);
        String note = "replaces " + from.name() + " " + columns(from.columns()) + " in one statement";
        if (!settings.online() || !existingTable) {
            return List.of(new Step(swap(add.table(), from, to, null), swap(add.table(), to, from, null), true, note));
        }
        return List.of(new Step(concurrentSwap(add.table(), from, to), concurrentSwap(add.table(), to, from), false,
                note + ", its index built concurrently first"));
    }

    private String concurrentSwap(QualifiedName table, KeyChange from, KeyChange to) {
        String temporary = bounded(to.name() + "_replacement");
        Index index = to.index(temporary);
        return sessionTimeouts(settings.concurrentTimeout()) + SqlRenderer.createIndex(table, index, true) + "\n"
                + briefLock() + swap(table, from, to, temporary) + "\n" + RESET;
    }

    /** Drops {@code from} and adds {@code to} in one ALTER TABLE: atomic even outside a transaction. */
    private static String swap(QualifiedName table, KeyChange from, KeyChange to, String usingIndex) {
        return alter(table) + "DROP CONSTRAINT " + Identifiers.quote(from.name()) + ", ADD CONSTRAINT "
                + Identifiers.quote(to.name()) + " " + to.kind() + " "
                + (usingIndex == null ? to.columnsClause() : "USING INDEX " + Identifiers.quote(usingIndex))
                + to.deferrability().clause() + ";";
    }

    /** Added NOT VALID (brief lock, new rows checked), then validated in a second transaction without blocking writes. */
    private List<Step> notValidThenValidate(QualifiedName table, String constraint, String definition) {
        String addNotValid = alter(table) + "ADD " + definition + " NOT VALID;";
        String drop = dropConstraint(table, constraint);
        return List.of(
                transactional(addNotValid, drop, "step 1 of 2: added NOT VALID, new rows are checked"),
                transactional(alter(table) + "VALIDATE CONSTRAINT " + Identifiers.quote(constraint) + ";",
                        drop + "\n" + addNotValid, "step 2 of 2: existing rows validated without blocking writes"));
    }

    /**
     * A valid {@code CHECK (col IS NOT NULL)} lets {@code SET NOT NULL} skip its scan under ACCESS EXCLUSIVE: the check is
     * added NOT VALID, then validated, the column set NOT NULL and the check dropped in a second transaction.
     */
    private List<Step> notNullThroughCheck(Change.AlterColumnNullability change) {
        String check = Identifiers.quote(notNullCheckName(change.column()));
        String addNotValid = alter(change.table()) + "ADD CONSTRAINT " + check + " CHECK ("
                + Identifiers.quote(change.column()) + " IS NOT NULL) NOT VALID;";
        String validateAndSet = alter(change.table()) + "VALIDATE CONSTRAINT " + check + ";\n"
                + alterColumn(change.table(), change.column()) + "SET NOT NULL;\n"
                + alter(change.table()) + "DROP CONSTRAINT " + check + ";";
        String back = alterColumn(change.table(), change.column()) + "DROP NOT NULL;\n" + addNotValid;
        return List.of(
                transactional(addNotValid, alter(change.table()) + "DROP CONSTRAINT " + check + ";",
                        "step 1 of 2: CHECK (" + change.column() + " IS NOT NULL) added NOT VALID"),
                transactional(validateAndSet, back,
                        "step 2 of 2: validated without blocking writes, then SET NOT NULL without a scan"));
    }

    /** {@code <column>_not_null_check}, within PostgreSQL's 63 bytes. */
    static String notNullCheckName(String column) {
        return bounded(column + "_not_null_check");
    }

    /** {@code name} itself when it fits PostgreSQL's 63 bytes, else its start and a hash of it, so that it stays unique. */
    static String bounded(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        String suffix = "_" + HexFormat.of().formatHex(sha256(name)).substring(0, 8);
        StringBuilder prefix = new StringBuilder();
        for (int cp : name.codePoints().toArray()) {
            String next = prefix + new String(Character.toChars(cp));
            if ((next + suffix).getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
                break;
            }
            prefix.setLength(0);
            prefix.append(next);
        }
        return prefix + suffix;
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
