package dev.driftless.generator.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code META-INF/persistence.xml}: the {@code <property>} elements of its first persistence unit. Hibernate settings
 * are kept as they are; the JDBC URL and user come from {@code jakarta.persistence.jdbc.*} (or Hibernate's own keys).
 */
final class PersistenceXmlSettings implements ApplicationSettings.Reader {

    @Override
    public Optional<ApplicationSettings> read(Path resources, List<String> profiles) {
        Path file = resources.resolve("META-INF/persistence.xml");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Element unit = firstUnit(file);
        Map<String, String> properties = properties(unit);
        ApplicationSettings.Builder settings = new ApplicationSettings.Builder("persistence.xml");
        if (unit != null && excludesUnlisted(unit)) {
            // the application's Hibernate maps only the listed classes; the others belong to another unit, or none
            settings.managedClasses(texts(unit, "class"));
        }
        properties.forEach((k, v) -> {
            if (k.startsWith("hibernate.") && !k.startsWith("hibernate.connection.")) {
                settings.hibernate(k, v, "persistence.xml");
            }
        });
        connection(properties, settings, "persistence.xml");
        return Optional.of(settings.build());
    }

    static void connection(Map<String, String> properties, ApplicationSettings.Builder settings, String origin) {
        settings.url(first(properties, "jakarta.persistence.jdbc.url", "hibernate.connection.url", "javax.persistence.jdbc.url"), origin);
        settings.user(first(properties, "jakarta.persistence.jdbc.user", "hibernate.connection.username", "javax.persistence.jdbc.user"), origin);
    }

    private static String first(Map<String, String> properties, String... keys) {
        for (String key : keys) {
            if (properties.get(key) != null) {
                return properties.get(key);
            }
        }
        return null;
    }

    private static Map<String, String> properties(Element unit) {
        Map<String, String> found = new LinkedHashMap<>();
        if (unit == null) {
            return found;
        }
        NodeList properties = unit.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            found.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        return found;
    }

    /** {@code <exclude-unlisted-classes/>} or {@code <exclude-unlisted-classes>true</…>}: only the listed classes. */
    private static boolean excludesUnlisted(Element unit) {
        List<String> exclude = texts(unit, "exclude-unlisted-classes");
        return !exclude.isEmpty() && (exclude.get(0).isEmpty() || Boolean.parseBoolean(exclude.get(0)));
    }

    private static List<String> texts(Element unit, String tag) {
        NodeList nodes = unit.getElementsByTagNameNS("*", tag);
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().strip());
        }
        return texts;
    }

    /** The first {@code <persistence-unit>}, or {@code null} when there is none. */
    private static Element firstUnit(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // a configuration file never needs external entities or DTDs
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            NodeList units = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "persistence-unit");
            return units.getLength() == 0 ? null : (Element) units.item(0);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException(file + " is not a readable persistence.xml: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
