package dev.driftless.generator.entity.naming;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's {@code SpringImplicitNamingStrategy}, re-implemented so driftless needs no Spring jar: Hibernate's
 * JPA-compliant implicit naming, except that a join table is named {@code <owning physical table>_<owning property>}
 * ({@code author_written_books}) instead of JPA's {@code <owning entity>_<inverse entity>} ({@code author_book_title}).
 */
public class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String name = source.getOwningPhysicalTableName() + "_" + source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(name, source.getBuildingContext());
    }
}
