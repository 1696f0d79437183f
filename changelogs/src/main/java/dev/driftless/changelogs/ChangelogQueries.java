package dev.driftless.changelogs;

import dev.driftless.generator.cache.DerivedCache;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;

/** The read-only questions: status, pending, what the changelog index says is unrecorded, and history. */
final class ChangelogQueries {

    private final LiquibaseSession session;

    ChangelogQueries(LiquibaseSession session) {
        this.session = session;
    }

    /** See {@link ChangelogRunner#status()}. */
    List<ChangesetStatus> status() {
        if (!session.hasMasterChangelog()) {
            return List.of();
        }
        ChangesetSelection selection = new ChangesetSelection(session.filter());
        return markReapplied(session.withLiquibase("read changelog status", (database, changelog, parameters, holding) -> {
            Map<String, List<RanChangeSet>> ran = byIdAndAuthor(LiquibaseSession.ranChangesets(database));
            Set<ChangeSet> toRun = new HashSet<>(selection.pending(database, changelog, ApplyOptions.defaults()));
            List<ChangesetStatus> statuses = new ArrayList<>();
            for (ChangeSet changeSet : changelog.getChangeSets()) {
                if (!selection.selected(changeSet, database)) {
                    continue; // another context's or label's: not this run's to apply, as in Liquibase's status
                }
                ChangesetRef ref = ChangesetSelection.ref(changeSet);
                if (toRun.contains(changeSet)) {
                    statuses.add(ChangesetStatus.notApplied(ref)); // never run, or runOnChange and changed
                    continue;
                }
                statuses.add(ran.getOrDefault(idAndAuthor(changeSet.getId(), changeSet.getAuthor()), List.of()).stream()
                        .filter(r -> r.isSameAs(changeSet))
                        .findFirst()
                        .map(r -> new ChangesetStatus(ref, true,
                                r.getDateExecuted() == null ? null : r.getDateExecuted().toInstant(), r.getTag()))
                        .orElseGet(() -> ChangesetStatus.notApplied(ref)));
            }
            return List.copyOf(statuses);
        }));
    }

    /**
     * The applied changesets grouped by id and author, the first two things {@link RanChangeSet#isSameAs} compares:
     * matching every changeset against every applied one made status quadratic (minutes at 10 000 changesets).
     */
    private static Map<String, List<RanChangeSet>> byIdAndAuthor(List<RanChangeSet> ran) {
        Map<String, List<RanChangeSet>> grouped = new HashMap<>();
        ran.forEach(r -> grouped.computeIfAbsent(idAndAuthor(r.getId(), r.getAuthor()), k -> new ArrayList<>()).add(r));
        return grouped;
    }

    /** Liquibase compares ids and authors with {@code equalsIgnoreCase}; this key is equal exactly when that is. */
    private static String idAndAuthor(String id, String author) {
        return caseFolded(String.valueOf(id)) + '\u0000' + caseFolded(String.valueOf(author));
    }

    /** Per character, as {@link String#equalsIgnoreCase} compares (a whole-string toLowerCase differs for some scripts). */
    private static String caseFolded(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.chars().forEach(c -> folded.append(Character.toLowerCase(Character.toUpperCase((char) c))));
        return folded.toString();
    }

    /** See {@link ChangelogRunner#pending(DerivedCache)}. */
    List<ChangesetRef> pending(DerivedCache cache) {
        Recorded recorded = recorded(cache);
        return recorded != null && recorded.unrecorded().isEmpty() ? List.of()
                : status().stream().filter(ChangesetStatus::pending).map(ChangesetStatus::changeset).toList();
    }

    /** See {@link ChangelogRunner#status(DerivedCache)}. */
    List<ChangesetStatus> status(DerivedCache cache) {
        Recorded recorded = recorded(cache);
        if (recorded == null || !recorded.unrecorded().isEmpty()) {
            return status();
        }
        return markReapplied(recorded.index().entries().stream()
                .map(e -> new ChangesetStatus(e.changeset(), true, null, null)).toList());
    }

    /** See {@link ChangelogRunner#unrecorded(DerivedCache)}. */
    List<ChangelogIndex.Entry> unrecorded(DerivedCache cache) {
        Recorded recorded = recorded(cache);
        return recorded == null ? null : recorded.unrecorded();
    }

    /** The changelog's index and its changesets {@code DATABASECHANGELOG} does not record exactly. */
    private record Recorded(ChangelogIndex index, List<ChangelogIndex.Entry> unrecorded) {
    }

    /** {@code null} when it cannot be told without Liquibase, whose own answer (or error) then follows. */
    private Recorded recorded(DerivedCache cache) {
        if (!session.hasMasterChangelog()) {
            return new Recorded(new ChangelogIndex(List.of()), List.of());
        }
        try {
            ChangelogIndex index = ChangelogIndex.of(session.changelogDirectory(), session.masterFile(), session.filter(),
                    session.extensions(), session.connection(), cache);
            return new Recorded(index, index.unrecorded(ChangelogIndex.applied(session.connection(), session.bookkeeping())));
        } catch (SQLException | ChangelogException e) {
            return null;
        }
    }

    /** See {@link ChangelogRunner#history()}. */
    List<HistoryEntry> history() {
        return session.withLiquibase("read the history", false, (database, changelog, parameters, holding) -> {
            Map<ChangesetRef, AuditEntry> applies = AuditLog.lastApplies(audit().entries());
            List<HistoryEntry> entries = new ArrayList<>();
            for (RanChangeSet r : LiquibaseSession.ranChangesets(database)) {
                ChangesetRef ref = new ChangesetRef(r.getChangeLog(), r.getId(), r.getAuthor());
                AuditEntry applied = applies.get(ref);
                entries.add(new HistoryEntry(ref, r.getDateExecuted() == null ? null : r.getDateExecuted().toInstant(),
                        applied == null ? null : applied.took(), r.getTag(), r.getExecType() == null ? null : r.getExecType().name(),
                        r.getOrderExecuted() == null ? 0 : r.getOrderExecuted(), r.getComments(),
                        applied == null ? null : applied.osUser(), applied == null ? null : applied.reason()));
            }
            return List.copyOf(entries);
        });
    }

    /** See {@link ChangelogRunner#attempts()}. */
    List<AuditEntry> attempts() {
        try {
            return List.copyOf(audit().entries());
        } catch (SQLException e) {
            throw new ChangelogException("Cannot read the history: " + Failures.describe(e), e);
        }
    }

    /** {@code statuses} with every applied changeset that was rolled back before (so applied again since) marked. */
    private List<ChangesetStatus> markReapplied(List<ChangesetStatus> statuses) {
        if (statuses.stream().noneMatch(ChangesetStatus::applied)) {
            return statuses;
        }
        Set<ChangesetRef> rolledBack;
        try {
            rolledBack = audit().rolledBack();
        } catch (SQLException e) {
            throw new ChangelogException("Cannot read the history: " + Failures.describe(e), e);
        }
        return statuses.stream().map(s -> s.applied() && rolledBack.contains(s.changeset()) ? s.withReapplied(true) : s).toList();
    }

    private AuditLog audit() {
        return new AuditLog(session.connection(), Attribution.of(null), session.bookkeeping());
    }
}
