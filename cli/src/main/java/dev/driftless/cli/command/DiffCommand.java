package dev.driftless.cli.command;

import dev.driftless.api.Config;
import dev.driftless.api.Driftless;
import dev.driftless.api.RenameSettings;
import dev.driftless.generator.render.ChangelogWriter;
import dev.driftless.model.Change;
import dev.driftless.model.ChangeRisk;
import dev.driftless.model.KeptObject;
import dev.driftless.model.KeptProperty;
import dev.driftless.model.UnownedObject;
import dev.driftless.model.Renames;
import java.io.Console;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.driftless.api.ExitCode;
import dev.driftless.generator.render.ChangeSet;
import dev.driftless.model.QualifiedName;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true, description = {
        "Compare the entity classes with the database and write a changelog of the differences.",
        "Writes nothing when they agree. Stops when the database has changesets that are not applied yet."})
public final class DiffCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Mixin
    ChangesetFilterOptions filter;

    @Option(names = "--name", paramLabel = "TEXT", description = "Name for the new changelog file (default: from the changes).")
    String name;

    @Option(names = "--format", paramLabel = "sql|yaml", description = "Changelog format (default: sql, Liquibase formatted SQL).")
    String format;

    @Option(names = "--drop-unmapped", description = "Also drop tables, sequences and enum types that no entity maps (off by default; objects under 'ignore' in driftless.yaml are never touched).")
    Boolean dropUnmapped;

    @Option(names = "--rename", paramLabel = "SCHEMA.TABLE.OLD=NEW",
            description = "A column renamed: rename it instead of dropping and adding it (repeatable).")
    List<String> renames = new ArrayList<>();

    @Option(names = "--rename-table", paramLabel = "SCHEMA.OLD=SCHEMA.NEW",
            description = "A table renamed or moved to another schema: rename or move it instead of creating a new one (repeatable).")
    List<String> tableRenames = new ArrayList<>();

    @Option(names = "--since", paramLabel = "REV",
            description = "Compare the entity sources with this git revision to find renames (default: HEAD).")
    String since;

    @Option(names = "--no-rename-history", description = "Do not look for renames in the entity sources' git history.")
    Boolean noRenameHistory;

    @Option(names = "--accept-probable-renames",
            description = "Without a terminal to ask: take each probable rename (a dropped and an added column of compatible type) as a rename. Default: keep the drop and the add, and warn.")
    Boolean acceptProbableRenames;

    @Option(names = "--simple-ddl",
            description = "Write plain DDL on existing tables: no concurrent index builds, no NOT VALID + VALIDATE, no timeouts. For throwaway databases; also 'simple-ddl: true' in driftless.yaml.")
    boolean simpleDdl;

    @Option(names = "--report", paramLabel = "text|json",
            description = "How to report what was found and written (default: text). json: one object with every change's risk, lock and table size (docs/safety.md).")
    String report = "text";

    @ArgGroup(exclusive = true)
    Output output = new Output();

    static final class Output {
        @Option(names = "--print", description = "Write nothing: print the changelog diff would write.")
        boolean print;

        @Option(names = "--replace", description = "Regenerate the newest changelog, which must not be applied: it is"
                + " set aside in .driftless/replaced/ with its include, and the new one takes its place.")
        boolean replace;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Config loaded = filter.applyTo(options.load(format, dropUnmapped, new RenameSettings.Overrides(renames, tableRenames,
                null, since, acceptProbableRenames, noRenameHistory)));
        Config config = simpleDdl ? loaded.withSimpleDdl() : loaded;
        Console console = System.console();
        Driftless.RenameQuestion question = console == null || acceptProbableRenames != null
                ? probable -> config.renames().acceptProbable()
                : probable -> ask(console, probable);
        if (!report.equals("text") && !report.equals("json")) {
            spec.commandLine().getErr().println("error: --report must be text or json, not '" + report + "'");
            return ExitCode.USAGE.code();
        }
        Driftless.DiffResult result = new Driftless(config, Clock.systemUTC(), Progress.to(spec.commandLine().getErr()))
                .diff(name, question, output.print ? Driftless.DiffMode.PRINT
                        : output.replace ? Driftless.DiffMode.REPLACE : Driftless.DiffMode.WRITE);
        if (report.equals("json")) {
            out.println(dev.driftless.api.Reports.json(result, config.ddl().online()));
            return result.blockedByPending() ? ExitCode.FAILURE.code() : ExitCode.OK.code();
        }
        if (result.blockedByPending()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(result.pendingFirst().size() + " changeset(s) in the changelogs are not applied to "
                    + result.target() + " yet:");
            result.pendingFirst().forEach(c -> err.println("  " + c.file() + " :: " + c.id()));
            err.println("Apply them first (driftless apply), then run diff again; otherwise they would be generated twice.");
            return ExitCode.FAILURE.code();
        }
        for (QualifiedName table : result.diff().unmappedTables()) {
            out.println("note: table " + table + " exists only in the database; left alone (--drop-unmapped drops it)");
        }
        for (QualifiedName sequence : result.diff().unmappedSequences()) {
            out.println("note: sequence " + sequence + " exists only in the database; left alone (--drop-unmapped drops it)");
        }
        for (Renames.Request done : result.renames().alreadyApplied()) {
            out.println("note: " + done.rename().describe() + " (" + done.why() + ") is already done in the database;"
                    + " the hint can go");
        }
        result.renames().applied().forEach((rename, request) ->
                out.println("rename: " + rename.describe() + " (" + request.why() + ")"));
        for (QualifiedName type : result.diff().unmappedEnumTypes()) {
            out.println("note: enum type " + type + " exists only in the database; left alone (--drop-unmapped drops it)");
        }
        for (KeptObject kept : result.diff() == null ? List.<KeptObject>of() : result.diff().kept()) {
            out.println("note: " + kept.describe() + " exists only in the database; kept"
                    + (kept.why().equals(KeptObject.IGNORED) ? " (an ignore rule names it)" : " (--drop-unmapped drops it)"));
        }
        for (UnownedObject object : result.diff() == null ? List.<UnownedObject>of() : result.diff().unmappedObjects()) {
            out.println("note: " + object.describe() + " exists only in the database; kept (--drop-unmapped drops it)");
        }
        for (KeptProperty kept : result.diff() == null ? List.<KeptProperty>of() : result.diff().keptProperties()) {
            out.println("note: " + kept.describe() + "; kept (JPA cannot state it)");
        }
        if (result.setAside() != null) {
            out.println("Set aside " + result.setAside().getFileName() + " (it is in " + result.setAside().getParent()
                    + ") and removed its include.");
        }
        if (result.written() == null) {
            out.println("No changes: the entities and " + result.target() + " agree.");
            return ExitCode.OK.code();
        }
        if (!result.written().written()) {
            out.println("Would write " + result.written().file() + " with " + result.written().changeSets().size()
                    + " changeset(s); nothing was written:");
            out.println();
            out.print(result.written().text());
            return ExitCode.OK.code();
        }
        out.println("Wrote " + result.written().file() + " with " + result.written().changeSets().size() + " changeset(s):");
        for (ChangeSet set : result.written().changeSets()) {
            out.println("  " + (set.destructive() ? "! " : "  ") + set.comment());
        }
        for (Change.RenameColumn probable : result.renames().probable()) {
            out.println("warning: PROBABLE RENAME: " + probable.table() + "." + probable.from() + " is dropped and "
                    + probable.table() + "." + probable.to() + " added; the changelog drops the column and its data.");
            out.println("  If it is a rename, run diff again with --replace --rename " + Driftless.renameHint(probable)
                    + " (or --replace --accept-probable-renames): it regenerates " + result.written().file().getFileName()
                    + ".");
        }
        printRisks(out, result.risks(config.ddl().online()));
        for (String problem : result.dataProblems()) {
            out.println("warning: " + problem);
        }
        out.println("Review it, then run: driftless apply");
        return ExitCode.OK.code();
    }

    /** Asks at the terminal; anything but yes is no, as Django does. */
    private static boolean ask(Console console, Change.RenameColumn probable) {
        String answer = console.readLine("Is %s.%s renamed to %s.%s? [y/N] ", probable.table(), probable.from(),
                probable.table(), probable.to());
        return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
    }

    /** Every change that is not safe on a live table, with the lock it takes: the reviewer's list. */
    private static void printRisks(PrintWriter out, List<Driftless.RiskedChange> changes) {
        for (Driftless.RiskedChange risked : changes) {
            if (risked.risk().level() != ChangeRisk.Level.SAFE) {
                out.println("risk: " + risked.change().describe() + " — " + risked.risk().describe()
                        + (risked.tableSize() == null ? "" : "; " + risked.change().table() + " holds " + risked.tableSize().describe()));
            }
        }
    }
}
