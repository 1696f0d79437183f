package dev.driftless.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a person sees when they ask for help or mistype: whole sentences, the version, one line per mistake. */
class HelpTextTest {

    private static final Pattern COMMAND_ENTRY = Pattern.compile("(?m)^  ([a-z-]+) {2,}(.*(?:\\n {24}.*)*)");

    @Test
    void everyCommandInTheListIsSummedUpInAWholeSentence() {
        CliRun help = CliRun.of("--help");
        String commands = help.out().substring(help.out().indexOf("Commands:"), help.out().indexOf("Exit codes:"));
        Matcher entry = COMMAND_ENTRY.matcher(commands);
        int seen = 0;
        while (entry.find()) {
            seen++;
            String summary = entry.group(2).replaceAll("\\s+", " ").strip();
            assertTrue(summary.endsWith("."), entry.group(1) + "'s summary is cut off: " + summary);
        }
        int subcommands = new CommandLine(new Main()).getSubcommands().size();
        assertEquals(subcommands, seen, commands);
    }

    @Test
    void everyCommandPrintsTheVersion() {
        for (String command : new CommandLine(new Main()).getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            CliRun version = CliRun.of(command, "-V");
            assertEquals(0, version.exitCode(), command + ": " + version);
            assertTrue(version.out().startsWith("driftless "), command + ": " + version);
        }
    }

    @Test
    void aMistypedOptionGetsOneLineAndTheNearestOptionNotTheWholeUsage() {
        CliRun run = CliRun.of("apply", "--dry-rn");
        assertEquals(2, run.exitCode(), run::toString);
        List<String> lines = run.err().lines().toList();
        assertEquals(List.of("error: Unknown option: '--dry-rn'", "Did you mean: --dry-run?",
                "Run 'driftless apply --help' for the options."), lines);
        assertFalse(run.out().contains("Usage:"), run::toString);
    }

    @Test
    void aMistypedCommandNamesTheNearestCommands() {
        CliRun run = CliRun.of("aply");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Did you mean: apply"), run::toString);
        assertFalse(run.err().contains("Usage:"), run::toString);
    }

    @Test
    void aMissingValueSaysWhichOptionAndWhereTheHelpIs() {
        CliRun run = CliRun.of("apply", "--tag");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals(List.of("error: Missing required parameter for option '--tag' (TAG)",
                "Run 'driftless apply --help' for the options."), run.err().lines().toList());
    }
}
