package dev.driftless.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The Maven module a command runs in, and the root of the build it belongs to.
 *
 * @param directory the module's folder (holding its {@code pom.xml})
 * @param buildRoot the outermost folder with a {@code pom.xml} whose {@code <modules>} lead down to this module,
 *                  or the module itself in a single-module build
 */
public record MavenModule(Path directory, Path buildRoot) {

    static final String POM = "pom.xml";

    /** The module whose {@code pom.xml} is nearest to {@code from} (itself or a parent), if any. */
    static Optional<MavenModule> nearest(Path from) {
        for (Path dir = from.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(POM))) {
                return Optional.of(new MavenModule(dir, buildRoot(dir)));
            }
        }
        return Optional.empty();
    }

    /** Where the build puts the module's compiled classes. */
    public Path classes() {
        return directory.resolve("target/classes");
    }

    /** Whether the module only aggregates others ({@code <packaging>pom</packaging>}), so it has no classes. */
    public boolean aggregator() {
        return readPom(directory.resolve(POM)).map(pom -> "pom".equals(childText(pom, "packaging"))).orElse(false);
    }

    /** The project's Maven wrapper (module, then build root), else {@code mvn} on PATH. */
    public List<String> mavenCommand() {
        String wrapper = System.getProperty("os.name", "").startsWith("Windows") ? "mvnw.cmd" : "mvnw";
        for (Path dir : List.of(directory, buildRoot)) {
            Path candidate = dir.resolve(wrapper);
            if (Files.isRegularFile(candidate)) {
                return List.of(candidate.toString());
            }
        }
        return List.of("mvn");
    }

    /** How to tell the user to compile: {@code ./mvnw compile} when there is a wrapper. */
    public String compileHint() {
        String command = mavenCommand().get(0);
        return command.equals("mvn") ? "mvn compile" : "./" + Path.of(command).getFileName() + " compile";
    }

    /** Every {@code pom.xml} of the build (the key of the resolved class path), sorted, skipping build output. */
    public List<Path> poms() {
        List<Path> poms = new ArrayList<>();
        collectPoms(buildRoot, poms, 0);
        poms.sort(null);
        return poms;
    }

    private static void collectPoms(Path dir, List<Path> poms, int depth) {
        if (Files.isRegularFile(dir.resolve(POM))) {
            poms.add(dir.resolve(POM));
        }
        if (depth > 6) {
            return;
        }
        try (var children = Files.list(dir)) {
            children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith(".")
                            && !List.of("target", "node_modules", "src").contains(child.getFileName().toString()))
                    .sorted()
                    .forEach(child -> collectPoms(child, poms, depth + 1));
        } catch (IOException e) {
            // an unreadable folder holds no pom we can read either
        }
    }

    /** Climbs while the parent folder's pom lists the current folder among its modules. */
    private static Path buildRoot(Path module) {
        Path current = module;
        for (Path parent = current.getParent(); parent != null; parent = current.getParent()) {
            if (!listsModule(parent, current)) {
                break;
            }
            current = parent;
        }
        return current;
    }

    private static boolean listsModule(Path parent, Path child) {
        return readPom(parent.resolve(POM)).map(pom -> {
            NodeList modules = pom.getElementsByTagName("module");
            for (int i = 0; i < modules.getLength(); i++) {
                Path listed = parent.resolve(modules.item(i).getTextContent().strip()).normalize();
                if (listed.getFileName() != null && listed.getFileName().toString().endsWith(".xml")) {
                    listed = listed.getParent();
                }
                if (child.equals(listed)) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    private static Optional<Element> readPom(Path pom) {
        if (!Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(pom)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // a pom is data: no DTDs, no external entities
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Document document = factory.newDocumentBuilder().parse(in);
            return Optional.of(document.getDocumentElement());
        } catch (IOException | SAXException | ParserConfigurationException | IllegalArgumentException e) {
            return Optional.empty(); // not a pom we can read: treated as no build information
        }
    }

    private static String childText(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e && name.equals(e.getTagName())) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }
}
