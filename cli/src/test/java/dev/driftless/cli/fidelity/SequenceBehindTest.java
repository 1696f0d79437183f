package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.Gate;
import dev.driftless.generator.findings.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sequence the application takes ids from that is behind the ids its table holds (rows inserted with their ids, an
 * import, a serial's rows): structure and model agree, but the application's next insert takes an existing id.
 * {@code validate} reports it on the entity, with the setval that fixes it, and stops once it is fixed.
 */
class SequenceBehindTest {

    @Test
    void aSequenceBehindItsTablesIdsIsReportedUntilItIsMovedPastThem(@TempDir Path work) throws Exception {
        try (Fixture.Project project = project(work)) {
            project.execute("CREATE TABLE public.ticket (id bigint PRIMARY KEY, title varchar(255));"
                    + " INSERT INTO public.ticket VALUES (1, 'a'), (2, 'b'), (3, 'c'), (120, 'imported');"
                    + " CREATE SEQUENCE public.ticket_seq START WITH 1 INCREMENT BY 50");

            Gate.ValidateResult behind = project.driftless().validateWithResult();
            List<Finding> findings = behind.findings();
            assertEquals(1, findings.size(), findings::toString);
            assertEquals("sequence public.ticket_seq: its next ids start at 1, but public.ticket.id already holds ids up"
                    + " to 120: the application's next insert takes an existing id; move it past them with"
                    + " SELECT setval('public.ticket_seq', 120 + 50, false)", strippedOfSource(findings.get(0)));
            assertTrue(findings.get(0).source() != null && findings.get(0).source().describe().contains("Ticket.id"),
                    () -> "on the entity's id: " + findings.get(0).line());

            project.execute("SELECT setval('public.ticket_seq', 120 + 50, false)");
            Gate.ValidateResult fixed = project.driftless().validateWithResult();
            assertEquals(List.of(), fixed.findings(), "next nextval 170: Hibernate's block 121..170 is above every id");

            project.execute("SELECT nextval('public.ticket_seq')"); // 170 handed out: the next block is 171..220
            assertEquals(List.of(), project.driftless().validateWithResult().findings());
        }
    }

    private static String strippedOfSource(Finding finding) {
        return finding.object() + ": " + finding.problem();
    }

    private static Fixture.Project project(Path work) {
        try {
            Path sources = Files.createDirectories(work.resolve("src/fx"));
            Files.writeString(sources.resolve("Ticket.java"), """
                    package fx;
                    import jakarta.persistence.*;
                    @Entity
                    public class Ticket {
                        @Id @GeneratedValue Long id;
                        String title;
                    }
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fixture.Project(work.resolve("project")).model(work.resolve("src"), "model");
    }
}
