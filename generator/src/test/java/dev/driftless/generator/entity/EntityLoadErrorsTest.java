package dev.driftless.generator.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.driftless.testing.ModelCompiler;
import dev.driftless.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class the model needs that is not on the class path is an error naming it and who needs it (issue 12): a mapped
 * class that cannot load used to be skipped, and its table vanished from diff and validate. Each case compiles against
 * the class, then takes the class file away, as a missing jar does.
 */
class EntityLoadErrorsTest {

    @TempDir
    Path work;

    private Path compile(String... files) throws IOException {
        for (int i = 0; i < files.length; i += 2) {
            Path file = work.resolve("src").resolve(files[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, files[i + 1]);
        }
        return ModelCompiler.compile(work.resolve("src"), work.resolve("classes"));
    }

    private static EntityModel read(Path classes) {
        return new EntityReader().read(new EntityReader.Settings(List.of(classes), List.of(), NamingStrategy.HIBERNATE,
                null, TestPostgres.serverVersion()));
    }

    private static final String ACCOUNT = """
            package app;

            import jakarta.persistence.*;

            @Entity
            public class Account {
                @Id Long id;
            }
            """;

    @Test
    void aMappedClassWhoseSuperclassIsMissingIsAnErrorNamingBoth() throws IOException {
        Path classes = compile("lib/Auditable.java", "package lib;\npublic abstract class Auditable { }\n",
                "app/Account.java", ACCOUNT,
                "app/Invoice.java", """
                        package app;

                        import jakarta.persistence.*;

                        @Entity
                        public class Invoice extends lib.Auditable {
                            @Id Long id;
                        }
                        """);
        Files.delete(classes.resolve("lib/Auditable.class"));

        EntityReadException e = assertThrows(EntityReadException.class, () -> read(classes));
        assertEquals("the mapped class app.Invoice cannot be loaded: it needs lib.Auditable, which is not on the class"
                + " path; add the jar or directory under 'classpath' in driftless.yaml (or --classpath)", e.getMessage());
    }

    @Test
    void aListenerClassMissingFromTheClassPathIsNamedWithTheEntityAndTheLikelyJar() throws IOException {
        Path classes = compile("org/springframework/data/jpa/domain/support/AuditingEntityListener.java", """
                        package org.springframework.data.jpa.domain.support;
                        public class AuditingEntityListener { }
                        """,
                "app/Order.java", """
                        package app;

                        import jakarta.persistence.*;

                        @Entity
                        @Table(name = "orders")
                        @EntityListeners(org.springframework.data.jpa.domain.support.AuditingEntityListener.class)
                        public class Order {
                            @Id Long id;
                        }
                        """);
        Files.delete(classes.resolve("org/springframework/data/jpa/domain/support/AuditingEntityListener.class"));

        EntityReadException e = assertThrows(EntityReadException.class, () -> read(classes));
        assertEquals("class org.springframework.data.jpa.domain.support.AuditingEntityListener, named in"
                + " @EntityListeners of app.Order, is not on the class path (it is usually in"
                + " org.springframework.data:spring-data-jpa); add the jar or directory under 'classpath' in driftless.yaml"
                + " (or --classpath)", e.getMessage());
    }

    @Test
    void anUnmappedClassThatCannotLoadIsNoneOfOurBusiness() throws IOException {
        Path classes = compile("lib/Controller.java", "package lib;\npublic abstract class Controller { }\n",
                "app/Account.java", ACCOUNT,
                "app/AccountController.java", "package app;\npublic class AccountController extends lib.Controller { }\n");
        Files.delete(classes.resolve("lib/Controller.class"));

        assertEquals(List.of("app.Account"), read(classes).entityClasses());
    }
}
