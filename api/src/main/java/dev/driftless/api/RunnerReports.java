package dev.driftless.api;

import dev.driftless.changelogs.AuditEntry;
import dev.driftless.changelogs.ChangesetRef;
import dev.driftless.changelogs.ChangesetStatus;
import dev.driftless.changelogs.ExecutedChangeset;
import dev.driftless.changelogs.MissingChangesets;
import dev.driftless.changelogs.PlannedChangeset;
import dev.driftless.changelogs.RollbackResult;
import dev.driftless.changelogs.ValidationResult;
import dev.driftless.changelogs.backup.BackupFile;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON reports of the runner's verbs (status, apply, rollback, validate-changelog, check, backups), in the
 * envelope every driftless JSON report shares: {@code format}, {@code command}, {@code ok}, then the verb's own keys
 * (docs/json.md). Only results: a failure that is an error (exit 2, a failed changeset) is a message on standard error.
 */
public final class RunnerReports {

    private RunnerReports() {
    }

    public static String status(List<ChangesetStatus> statuses, MissingChangesets missing) {
        Map<String, Object> root = envelope("status", true);
        root.put("applied", statuses.stream().filter(ChangesetStatus::applied).count());
        root.put("pending", statuses.stream().filter(ChangesetStatus::pending).count());
        root.put("missing", missing.missing().size());
        root.put("changesets", statuses.stream().map(s -> {
            Map<String, Object> changeset = ref(s.changeset());
            changeset.put("state", s.applied() ? "applied" : "pending");
            changeset.put("appliedAt", instant(s.appliedAt()));
            changeset.put("tag", s.tag());
            changeset.put("reapplied", s.reapplied());
            return changeset;
        }).toList());
        root.put("missingChangesets", missing.missing().stream().map(RunnerReports::ref).toList());
        root.put("otherChangelogRows", missing.otherChangelogs().size());
        return Reports.Json.write(root);
    }

    public static String apply(Driftless.ApplyOutcome outcome) {
        var result = outcome.result();
        Map<String, Object> root = envelope("apply", true);
        root.put("target", outcome.target());
        root.put("dryRun", result.dryRun());
        root.put("upToDate", result.upToDate());
        root.put("tag", result.tag());
        root.put("backup", outcome.backup() == null ? null : outcome.backup().path().toString());
        root.put("planned", result.planned().stream().map(RunnerReports::planned).toList());
        root.put("applied", result.applied().stream().map(RunnerReports::executed).toList());
        root.put("notes", result.notes());
        return Reports.Json.write(root);
    }

    public static String rollback(RollbackResult result) {
        Map<String, Object> root = envelope("rollback", true);
        root.put("dryRun", result.dryRun());
        root.put("planned", result.planned().stream().map(RunnerReports::planned).toList());
        root.put("rolledBack", result.rolledBack().stream().map(RunnerReports::executed).toList());
        return Reports.Json.write(root);
    }

    /**
     * The history: {@code applied} (as DATABASECHANGELOG records it), {@code failures} (failed apply attempts) and
     * {@code rollbacks}; {@code only} names the lists wanted ("failures", "rollbacks"), all three when empty.
     */
    public static String history(Driftless.HistoryResult history, java.util.Set<String> only) {
        Map<String, Object> root = envelope("history", true);
        root.put("target", history.target());
        if (only.isEmpty()) {
            root.put("applied", history.entries().stream().map(e -> {
                Map<String, Object> changeset = ref(e.changeset());
                changeset.put("appliedAt", instant(e.appliedAt()));
                changeset.put("executionTimeMillis", e.executionTime() == null ? null : e.executionTime().toMillis());
                changeset.put("tag", e.tag());
                changeset.put("execType", e.execType());
                changeset.put("comment", e.comment());
                changeset.put("appliedBy", e.appliedBy());
                changeset.put("reason", e.reason());
                return changeset;
            }).toList());
        }
        if (only.isEmpty() || only.contains("failures")) {
            root.put("failures", history.failures().stream().map(RunnerReports::attempt).toList());
        }
        if (only.isEmpty() || only.contains("rollbacks")) {
            root.put("rollbacks", history.rollbacks().stream().map(RunnerReports::attempt).toList());
        }
        return Reports.Json.write(root);
    }

    private static Map<String, Object> attempt(AuditEntry a) {
        Map<String, Object> attempt = ref(a.changeset());
        attempt.put("startedAt", instant(a.startedAt()));
        attempt.put("tookMillis", a.took() == null ? null : a.took().toMillis());
        attempt.put("outcome", a.outcome().name().toLowerCase(Locale.ROOT));
        attempt.put("error", a.error());
        attempt.put("user", a.osUser());
        attempt.put("reason", a.reason());
        attempt.put("driftlessVersion", a.version());
        return attempt;
    }

    public static String validateChangelog(ValidationResult result) {
        Map<String, Object> root = envelope("validate-changelog", result.ok());
        root.put("changesets", result.changesets());
        root.put("applied", result.applied());
        root.put("problems", result.problems().stream().map(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
            problem.put("changeset", p.changeset() == null ? null : ref(p.changeset()));
            problem.put("message", p.message());
            return problem;
        }).toList());
        root.put("notes", result.notes());
        return Reports.Json.write(root);
    }

    public static String check(Gate.CheckResult result) {
        Map<String, Object> root = envelope("check", result.passes());
        root.put("changesets", result.changesets());
        root.put("adopted", result.adopted());
        root.put("rollbacksVerified", result.rollbacksVerified() < 0 ? null : result.adopted() == 0
                ? result.changesets() : result.rollbacksVerified());
        root.put("cached", result.cached());
        root.put("verified", result.verified());
        root.put("tookMillis", result.took().toMillis());
        root.put("problems", result.problems().stream().map(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("kind", p.kind());
            problem.put("changeset", p.changeset());
            problem.put("message", p.message());
            return problem;
        }).toList());
        root.put("modelChanges", result.modelChanges().stream().map(Reports::findingJson).toList());
        return Reports.Json.write(root);
    }

    public static String backups(Driftless.BackupListing listing, Instant now) {
        Map<String, Object> root = envelope("backups", true);
        root.put("database", listing.target() == null ? null : listing.target().toString());
        root.put("backups", listing.backups().stream().map(b -> backup(b, listing, now)).toList());
        root.put("unfinished", listing.unfinished().stream().map(u -> {
            Map<String, Object> partial = new LinkedHashMap<>();
            partial.put("file", u.path().toString());
            partial.put("bytes", u.size());
            partial.put("stale", u.stale());
            return partial;
        }).toList());
        return Reports.Json.write(root);
    }

    private static Map<String, Object> backup(BackupFile b, Driftless.BackupListing listing, Instant now) {
        Map<String, Object> backup = new LinkedHashMap<>();
        backup.put("file", b.path().toString());
        backup.put("created", instant(b.created()));
        backup.put("ageSeconds", Math.max(0, now.getEpochSecond() - b.created().getEpochSecond()));
        backup.put("bytes", b.size());
        backup.put("kind", b.kind().name().toLowerCase(Locale.ROOT));
        backup.put("database", b.identity() == null ? null : b.identity().toString());
        backup.put("thisDatabase", b.of(listing.target()));
        return backup;
    }

    private static Map<String, Object> envelope(String command, boolean ok) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", Reports.JSON_FORMAT);
        root.put("command", command);
        root.put("ok", ok);
        return root;
    }

    private static Map<String, Object> ref(ChangesetRef ref) {
        Map<String, Object> changeset = new LinkedHashMap<>();
        changeset.put("file", ref.file());
        changeset.put("id", ref.id());
        changeset.put("author", ref.author());
        return changeset;
    }

    private static Map<String, Object> planned(PlannedChangeset planned) {
        Map<String, Object> changeset = ref(planned.changeset());
        changeset.put("comment", planned.comment());
        changeset.put("runInTransaction", planned.runInTransaction());
        changeset.put("destructive", planned.destructive());
        changeset.put("sql", planned.sql());
        return changeset;
    }

    private static Map<String, Object> executed(ExecutedChangeset executed) {
        Map<String, Object> changeset = ref(executed.changeset());
        changeset.put("executionTimeMillis", executed.executionTime().toMillis());
        return changeset;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
