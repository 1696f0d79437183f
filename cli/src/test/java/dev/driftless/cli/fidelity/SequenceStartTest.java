package dev.driftless.cli.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.api.Driftless;
import dev.driftless.model.Change;
import dev.driftless.model.QualifiedName;
import dev.driftless.testing.Golden;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table whose ids came from a {@code bigserial} (ids 1..3 and 120), newly mapped by an entity whose ids come from a
 * sequence: the sequence {@code diff} creates must start after those ids. Checked the way it matters: the application's
 * own Hibernate, on the compiled entity, persists new rows after {@code apply}, and their ids are new.
 */
class SequenceStartTest {

    private static final String TABLE = """
            CREATE TABLE public.ticket (id bigserial PRIMARY KEY, title varchar(255));
            INSERT INTO public.ticket (title) VALUES ('a'), ('b'), ('c');
            INSERT INTO public.ticket (id, title) VALUES (120, 'imported');
            """;

    @Test
    void defaultGeneratedValueTakesIdsAboveThoseAlreadyThere(@TempDir Path work) throws Exception {
        String entity = """
                package fx;
                import jakarta.persistence.*;
                @Entity
                public class Ticket {
                    @Id @GeneratedValue Long id;
                    String title;
                }
                """;
        // Hibernate's pooled optimizer, increment 50: nextval 200 is the top of the block 151..200
        List<Long> ids = appliedThenPersisted(work, entity, "sequence-start-after-ids", "ticket_seq");
        assertEquals(List.of(151L, 152L, 153L), ids);
    }

    @Test
    void allocationSizeOneTakesTheNextId(@TempDir Path work) throws Exception {
        String entity = """
                package fx;
                import jakarta.persistence.*;
                @Entity
                public class Ticket {
                    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tickets")
                    @SequenceGenerator(name = "tickets", sequenceName = "ticket_ids", allocationSize = 1)
                    Long id;
                    String title;
                }
                """;
        List<Long> ids = appliedThenPersisted(work, entity, null, "ticket_ids");
        assertEquals(List.of(151L, 152L, 153L), ids);
    }

    @Test
    void anEmptyTableLeavesTheSequenceAtItsStart(@TempDir Path work) throws Exception {
        String entity = """
                package fx;
                import jakarta.persistence.*;
                @Entity
                public class Ticket {
                    @Id @GeneratedValue Long id;
                    String title;
                }
                """;
        try (Fixture.Project project = project(work, entity)) {
            project.execute("CREATE TABLE public.ticket (id bigserial PRIMARY KEY, title varchar(255))");
            project.diff("sequence");
            project.apply();
            assertEquals(List.of(List.of("1", "f")), project.rows("SELECT last_value, is_called FROM public.ticket_seq"));
            assertEquals(List.of(1L, 2L), persist(project, 2));
        }
    }

    private static List<Long> appliedThenPersisted(Path work, String entity, String golden, String sequence) throws Exception {
        try (Fixture.Project project = project(work, entity)) {
            project.execute(TABLE);
            Driftless.DiffResult diff = project.diff("sequence");
            assertNotNull(diff.written());
            Change.CreateSequence create = diff.changes().stream().filter(Change.CreateSequence.class::isInstance)
                    .map(Change.CreateSequence.class::cast).findFirst().orElseThrow();
            assertEquals("create sequence public." + sequence + ", which starts after the ids already in public.ticket.id",
                    create.describe());
            String changelog = MappingRoundTripTest.read(diff.written().file());
            if (golden != null) {
                Golden.assertMatches("golden/changes/" + golden + ".sql", changelog);
            }
            // rows may come between diff and apply: the start is computed when the changeset runs
            project.execute("INSERT INTO public.ticket (id, title) VALUES (150, 'late')");

            project.apply();
            List<Long> ids = persist(project, 3);
            assertEquals(List.of("1", "2", "3", "120", "150", "151", "152", "153"),
                    project.rows("SELECT id FROM public.ticket ORDER BY id").stream().map(r -> r.get(0)).toList());
            assertEquals(List.of(), project.diff("again").changes().stream().map(Change::describe).toList(),
                    "diff after apply");

            project.rollback(diff.written().changeSets().size());
            assertTrue(project.read().sequencesByName().get(QualifiedName.of("public", sequence)) == null,
                    "the rollback drops the sequence");
            assertEquals(8, project.rows("SELECT id FROM public.ticket").size(), "rows kept through the rollback");
            return ids;
        }
    }

    private static Fixture.Project project(Path work, String entity) {
        try {
            Path sources = work.resolve("src/fx");
            Files.createDirectories(sources);
            Files.writeString(sources.resolve("Ticket.java"), entity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Fixture.Project(work.resolve("project")).model(work.resolve("src"), "model");
    }

    /** Persists {@code count} tickets through a SessionFactory on the compiled entity, as the application would. */
    private static List<Long> persist(Fixture.Project project, int count) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {project.classes.toUri().toURL()},
                SequenceStartTest.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> ticket = loader.loadClass("fx.Ticket");
            Configuration configuration = new Configuration().addAnnotatedClass(ticket)
                    .setProperty("hibernate.connection.url", project.database.url())
                    .setProperty("hibernate.connection.username", project.database.user())
                    .setProperty("hibernate.connection.password", project.database.password())
                    .setProperty("hibernate.hbm2ddl.auto", "none");
            List<Object> saved = new ArrayList<>();
            try (SessionFactory factory = configuration.buildSessionFactory(); Session session = factory.openSession()) {
                session.beginTransaction();
                for (int i = 0; i < count; i++) {
                    Object row = ticket.getDeclaredConstructor().newInstance();
                    field(ticket, "title").set(row, "new " + i);
                    session.persist(row);
                    saved.add(row);
                }
                session.getTransaction().commit();
            }
            List<Long> ids = new ArrayList<>();
            for (Object row : saved) {
                ids.add((Long) field(ticket, "id").get(row));
            }
            return ids;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
