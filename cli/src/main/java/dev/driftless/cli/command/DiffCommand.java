package dev.driftless.cli.command;

import dev.driftless.cli.Driftless;
import dev.driftless.cli.ExitCode;
import dev.driftless.generator.render.ChangeSet;
import dev.driftless.model.QualifiedName;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
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

    @Option(names = "--name", paramLabel = "TEXT", description = "Name for the new changelog file (default: from the changes).")
    String name;

    @Option(names = "--format", paramLabel = "sql|yaml", description = "Changelog format (default: sql, Liquibase formatted SQL).")
    String format;

    @Option(names = "--drop-unmapped", description = "Also drop tables, sequences and enum types that no entity maps (off by default; objects under 'ignore' in driftless.yaml are never touched).")
    Boolean dropUnmapped;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Driftless.DiffResult result = new Driftless(options.load(format, dropUnmapped), Clock.systemUTC(),
                Progress.to(spec.commandLine().getErr())).diff(name);
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
        for (QualifiedName type : result.diff().unmappedEnumTypes()) {
            out.println("note: enum type " + type + " exists only in the database; left alone (--drop-unmapped drops it)");
        }
        if (result.written() == null) {
            out.println("No changes: the entities and " + result.target() + " agree.");
            return ExitCode.OK.code();
        }
        out.println("Wrote " + result.written().file() + " with " + result.written().changeSets().size() + " changeset(s):");
        for (ChangeSet set : result.written().changeSets()) {
            out.println("  " + (set.destructive() ? "! " : "  ") + set.comment());
        }
        out.println("Review it, then run: driftless apply");
        return ExitCode.OK.code();
    }
}
