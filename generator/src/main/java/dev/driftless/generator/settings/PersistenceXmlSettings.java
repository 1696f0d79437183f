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
        Map<String, String> properties = properties(file);
        ApplicationSettings.Builder settings = new ApplicationSettings.Builder("persistence.xml");
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

    private static Map<String, String> properties(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // a configuration file never needs external entities or DTDs
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(true);
            NodeList units = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "persistence-unit");
            Map<String, String> found = new LinkedHashMap<>();
            if (units.getLength() == 0) {
                return found;
            }
            NodeList properties = ((Element) units.item(0)).getElementsByTagNameNS("*", "property");
            for (int i = 0; i < properties.getLength(); i++) {
                Element property = (Element) properties.item(i);
                found.put(property.getAttribute("name"), property.getAttribute("value"));
            }
            return found;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalArgumentException(file + " is not a readable persistence.xml: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
