package dev.driftless.generator.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationSettingsTest {

    @TempDir
    Path resources;

    @Test
    void springBootPropertiesWithoutNamingGetSpringBootsDefaults() throws IOException {
        Files.writeString(resources.resolve("application.properties"), """
                spring.datasource.url=jdbc:postgresql://localhost/shop
                spring.datasource.username=shop
                spring.datasource.password=secret
                spring.jpa.properties.hibernate.default_schema=shop
                spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type=TIMESTAMP
                """);
        ApplicationSettings found = ApplicationSettings.read(List.of(resources), List.of());
        assertEquals("Spring Boot", found.framework());
        assertEquals("org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy", found.hibernate().get(ApplicationSettings.PHYSICAL_NAMING));
        assertEquals("org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy", found.hibernate().get(ApplicationSettings.IMPLICIT_NAMING));
        assertEquals("Spring Boot's default", found.origins().get(ApplicationSettings.PHYSICAL_NAMING));
        assertEquals("shop", found.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals("TIMESTAMP", found.hibernate().get("hibernate.type.preferred_instant_jdbc_type"));
        assertEquals("jdbc:postgresql://localhost/shop", found.url());
        assertEquals("shop", found.user());
        // a password is never taken from a file
        assertEquals(false, found.toString().contains("secret"));
    }

    @Test
    void theApplicationsLiquibaseSettingsAreReadAsDriftlessNamesThem() throws IOException {
        // Spring Boot 3's label-filter (in a profile's YAML document), a placeholder left out: its value is not known here
        Files.writeString(resources.resolve("application.yml"), """
                spring:
                  liquibase:
                    change-log: classpath:/db/changelog/db.changelog-master.yaml
                    contexts: ${LIQUIBASE_CONTEXTS:prod}
                    liquibaseSchema: history
                ---
                spring:
                  config:
                    activate:
                      on-profile: ci
                  liquibase:
                    label-filter: "!slow"
                """);
        ApplicationSettings spring = ApplicationSettings.read(List.of(resources), List.of("ci"));
        assertEquals(java.util.Map.of("change-log", "classpath:/db/changelog/db.changelog-master.yaml",
                "liquibase-schema", "history", "labels", "!slow"), spring.liquibase());
        assertEquals("application.yml (profile ci)", spring.liquibaseOrigin("labels"));
        Files.delete(resources.resolve("application.yml"));

        Files.writeString(resources.resolve("application.properties"), """
                quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/shop
                quarkus.liquibase.change-log=db/changeLog.xml
                quarkus.liquibase.liquibase-schema-name=history
                %prod.quarkus.liquibase.contexts=prod
                """);
        ApplicationSettings quarkus = ApplicationSettings.read(List.of(resources), List.of());
        assertEquals("Quarkus", quarkus.framework());
        assertEquals(java.util.Map.of("change-log", "db/changeLog.xml", "liquibase-schema", "history", "contexts", "prod"),
                quarkus.liquibase());
        assertEquals("application.properties (profile prod)", quarkus.liquibaseOrigin("contexts"));
    }

    @Test
    void springBootYamlWithAProfileDocumentAndAProfileFile() throws IOException {
        Files.writeString(resources.resolve("application.yml"), """
                spring:
                  profiles:
                    active: prod
                  jpa:
                    hibernate:
                      naming:
                        physical-strategy: org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                ---
                spring:
                  config:
                    activate:
                      on-profile: prod
                  jpa:
                    properties:
                      hibernate.default_schema: prod_schema
                """);
        Files.writeString(resources.resolve("application-audit.properties"), "spring.jpa.properties.hibernate.default_schema=audit\n");
        ApplicationSettings prod = ApplicationSettings.read(List.of(resources), List.of());
        assertEquals("prod_schema", prod.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals("application.yml (profile prod)", prod.origins().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals("org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl", prod.hibernate().get(ApplicationSettings.PHYSICAL_NAMING));
        ApplicationSettings audit = ApplicationSettings.read(List.of(resources), List.of("audit"));
        assertEquals("audit", audit.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
    }

    /** Spring Boot 2.4+ splits an application.properties into documents with #--- (or !---), like YAML's ---. */
    @Test
    void springBootMultiDocumentPropertiesApplyAProfileDocumentOnlyForItsProfile() throws IOException {
        Files.writeString(resources.resolve("application.properties"), """
                spring.jpa.properties.hibernate.default_schema=shop
                spring.jpa.properties.hibernate.type.preferred_instant_jdbc_type=TIMESTAMP
                #---
                spring.config.activate.on-profile=test
                spring.jpa.properties.hibernate.default_schema=test_shop
                !---
                spring.config.activate.on-profile=legacy
                spring.jpa.hibernate.naming.physical-strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl
                """);
        ApplicationSettings plain = ApplicationSettings.read(List.of(resources), List.of());
        assertEquals("shop", plain.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals("org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy",
                plain.hibernate().get(ApplicationSettings.PHYSICAL_NAMING));
        assertEquals(null, plain.hibernate().get("spring.config.activate.on-profile"));

        ApplicationSettings test = ApplicationSettings.read(List.of(resources), List.of("test"));
        assertEquals("test_shop", test.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals("application.properties (profile test)", test.origins().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals("TIMESTAMP", test.hibernate().get("hibernate.type.preferred_instant_jdbc_type"));

        ApplicationSettings legacy = ApplicationSettings.read(List.of(resources), List.of("legacy"));
        assertEquals("shop", legacy.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals("org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl",
                legacy.hibernate().get(ApplicationSettings.PHYSICAL_NAMING));
    }

    /**
     * An application that picks its schema with the JDBC URL's currentSchema (and no default_schema) has its Hibernate
     * create unqualified tables there, not in public: the model's default schema is that one.
     */
    @Test
    void theApplicationUrlsCurrentSchemaIsTheDefaultSchemaWhenNoneIsSet() throws IOException {
        Files.writeString(resources.resolve("application.properties"),
                "spring.datasource.url=jdbc:postgresql://db/app?ssl=false&currentSchema=Shop,public\n");
        ApplicationSettings found = ApplicationSettings.read(List.of(resources), List.of());
        assertEquals("Shop", found.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals("application.properties (currentSchema of the JDBC URL)", found.origins().get(ApplicationSettings.DEFAULT_SCHEMA));

        Files.writeString(resources.resolve("application.properties"), """
                spring.datasource.url=jdbc:postgresql://db/app?currentSchema=shop
                spring.jpa.properties.hibernate.default_schema=sales
                """);
        assertEquals("sales", ApplicationSettings.read(List.of(resources), List.of()).hibernate().get(ApplicationSettings.DEFAULT_SCHEMA),
                "an explicit default_schema wins, as in Hibernate");

        Files.writeString(resources.resolve("application.properties"), "spring.datasource.url=jdbc:postgresql://db/app\n");
        assertNull(ApplicationSettings.read(List.of(resources), List.of()).hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
    }

    /** Spring Boot's bracket notation keeps a map key exactly, in .properties and (quoted) in YAML. */
    @Test
    void springBootBracketNotationForHibernateSettings() throws IOException {
        Files.writeString(resources.resolve("application.properties"),
                "spring.jpa.properties[hibernate.default_schema]=shop\n");
        assertEquals("shop", ApplicationSettings.read(List.of(resources), List.of()).hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));

        Path yaml = Files.createDirectories(resources.resolve("yaml"));
        Files.writeString(yaml.resolve("application.yml"), """
                spring:
                  jpa:
                    properties:
                      "[hibernate.type.preferred_instant_jdbc_type]": TIMESTAMP
                """);
        ApplicationSettings found = ApplicationSettings.read(List.of(yaml), List.of());
        assertEquals("TIMESTAMP", found.hibernate().get("hibernate.type.preferred_instant_jdbc_type"), found.toString());
    }

    @Test
    void quarkusPropertiesWithAProfile() throws IOException {
        Files.writeString(resources.resolve("application.properties"), """
                quarkus.datasource.jdbc.url=jdbc:postgresql://localhost/q
                quarkus.datasource.username=q
                quarkus.hibernate-orm.database.default-schema=inventory
                %dev.quarkus.hibernate-orm.database.default-schema=dev_inventory
                quarkus.hibernate-orm.physical-naming-strategy=org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy
                quarkus.hibernate-orm.unsupported-properties."hibernate.type.preferred_instant_jdbc_type"=TIMESTAMP
                """);
        ApplicationSettings prod = ApplicationSettings.read(List.of(resources), List.of());
        assertEquals("Quarkus", prod.framework());
        assertEquals("inventory", prod.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertNull(prod.hibernate().get(ApplicationSettings.IMPLICIT_NAMING), "Quarkus keeps Hibernate's implicit naming");
        assertEquals("TIMESTAMP", prod.hibernate().get("hibernate.type.preferred_instant_jdbc_type"));
        assertEquals("q", prod.user());
        assertEquals("dev_inventory", ApplicationSettings.read(List.of(resources), List.of("dev")).hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
    }

    @Test
    void persistenceXmlAndHibernateProperties() throws IOException {
        Files.createDirectories(resources.resolve("META-INF"));
        Files.writeString(resources.resolve("META-INF/persistence.xml"), """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="app">
                    <properties>
                      <property name="jakarta.persistence.jdbc.url" value="jdbc:postgresql://localhost/x"/>
                      <property name="hibernate.default_schema" value="ledger"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """);
        ApplicationSettings xml = ApplicationSettings.read(List.of(resources), List.of());
        assertEquals("persistence.xml", xml.framework());
        assertEquals("ledger", xml.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals("jdbc:postgresql://localhost/x", xml.url());
        assertEquals(List.of(), xml.managedClasses(), "unlisted classes not excluded: every entity class counts");

        Files.writeString(resources.resolve("META-INF/persistence.xml"), """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="app">
                    <class>com.acme.Ledger</class>
                    <class> com.acme.Entry </class>
                    <exclude-unlisted-classes/>
                  </persistence-unit>
                  <persistence-unit name="other">
                    <class>com.acme.Other</class>
                  </persistence-unit>
                </persistence>
                """);
        assertEquals(List.of("com.acme.Ledger", "com.acme.Entry"),
                ApplicationSettings.read(List.of(resources), List.of()).managedClasses());

        Path plain = Files.createDirectories(resources.resolve("plain"));
        Files.writeString(plain.resolve("hibernate.properties"), "hibernate.default_schema=plain\nhibernate.connection.password=x\n");
        ApplicationSettings props = ApplicationSettings.read(List.of(plain), List.of());
        assertEquals("plain", props.hibernate().get(ApplicationSettings.DEFAULT_SCHEMA));
        assertEquals(1, props.hibernate().size());
    }
}
