package dev.driftless.generator.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftless.generator.entity.naming.SpringImplicitNaming;
import dev.driftless.generator.history.ColumnNaming;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingStrategyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "default, default",
            "hibernate, default",
            "org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl, default",
            "jpa, jpa",
            "spring, spring",
            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy, 'physical org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy, implicit org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl'"})
    void standardClassesAreThePresets(String given, String preset) {
        NamingStrategy naming = NamingStrategy.parse(given);
        assertEquals(preset, naming.describe());
        // rename detection stays on for every standard class
        assertTrue(ColumnNaming.of(naming).isPresent(), given);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy"})
    void springBootsImplicitClassesAreOurs(String implicit) {
        NamingStrategy naming = NamingStrategy.of("org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy", implicit);
        assertEquals(NamingStrategy.SPRING, naming);
        assertEquals(SpringImplicitNaming.class.getName(), naming.implicitStrategyClass());
    }
}
