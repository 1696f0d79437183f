package dev.driftless.api;

import dev.driftless.generator.findings.Finding;
import dev.driftless.generator.source.SourceLocation;
import dev.driftless.model.QualifiedName;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The outputs of {@code validate} (and the findings of {@code check}): human text, JSON (schema in docs/validate.md),
 * JUnit XML and GitHub Actions annotations. Pure functions of the findings.
 */
public final class Reports {

    /** The JSON format's identifier; bump the number when a field changes meaning or goes away. */
    public static final String JSON_FORMAT = "driftless-validate/1";

    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String BOLD = "\u001b[1m";
    private static final String GREEN = "\u001b[32m";
    private static final String RESET = "\u001b[0m";

    private Reports() {
    }

    /** Colours only on a terminal, and never with {@code NO_COLOR} set or {@code TERM=dumb}. */
    public static boolean colourful() {
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
    }

    public static void human(Gate.ValidateResult result, PrintWriter out, boolean colour) {
        if (result.agrees()) {
            out.println(paint(colour, GREEN, "OK") + ": the entities and " + result.target() + " agree ("
                    + result.tables().size() + " tables" + ignoredNote(result.ignored()) + ").");
            return;
        }
        Map<String, List<Finding>> groups = Gate.byGroup(result.findings());
        out.println(paint(colour, RED, "Drift") + ": " + result.findings().size() + " difference(s) in " + groups.size()
                + " table(s) or object(s) between the entities and " + result.target() + ":");
        findings(result.findings(), out, colour);
        out.println();
        if (!result.classified()) {
            out.println("(no changelogs found, so where each difference came from is not known)");
        }
        if (result.ignored() > 0) {
            out.println(result.ignored() + " more ignored by the 'ignore' rules in driftless.yaml.");
        }
    }

    /** The report {@link #human} prints, without colours, as one text (what {@link SchemaDriftException} says). */
    public static String text(Gate.ValidateResult result) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            human(result, out, false);
        }
        return text.toString().stripTrailing().replace(System.lineSeparator(), "\n");
    }

    /** Findings grouped by table, each with its origin when known. */
    public static void findings(List<Finding> findings, PrintWriter out, boolean colour) {
        Gate.byGroup(findings).forEach((group, list) -> {
            out.println();
            out.println(paint(colour, BOLD, group));
            for (Finding f : list) {
                out.println("  " + paint(colour, RED, "✗") + " " + f.line());
                if (f.origin() != null) {
                    out.println("      " + paint(colour, YELLOW, f.origin().description()));
                }
            }
        });
    }

    // ------------------------------------------------------------------ JSON

    public static String json(Gate.ValidateResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", JSON_FORMAT);
        root.put("command", "validate");
        root.put("target", result.target());
        root.put("agrees", result.agrees());
        root.put("classified", result.classified());
        root.put("pendingChangesets", result.pending());
        root.put("ignored", result.ignored());
        root.put("tookMillis", result.took().toMillis());
        root.put("tables", result.tables().stream().map(QualifiedName::toString).toList());
        root.put("findings", result.findings().stream().map(Reports::findingJson).toList());
        return Json.write(root);
    }

    /** The lint of {@code strict} or not: every changeset with its notable findings, and whether it fails. */
    public static String json(Driftless.LintResult result, boolean strict) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", JSON_FORMAT);
        root.put("command", "lint");
        root.put("scope", result.scope());
        root.put("risk", result.report().risk().label());
        root.put("fails", result.report().fails(strict));
        root.put("changesets", result.report().changesets().stream().map(c -> {
            Map<String, Object> changeset = new LinkedHashMap<>();
            changeset.put("id", c.changeset().changeset().id());
            changeset.put("author", c.changeset().changeset().author());
            changeset.put("location", c.changeset().location());
            changeset.put("risk", c.risk().label());
            changeset.put("findings", c.notable().stream().map(f -> {
                Map<String, Object> finding = new LinkedHashMap<>();
                finding.put("rule", f.finding().rule());
                finding.put("risk", f.finding().risk().label());
                finding.put("acknowledged", f.acknowledged());
                finding.put("lock", f.finding().lock());
                finding.put("effect", f.finding().effect().label());
                finding.put("message", f.finding().message());
                finding.put("statement", f.statement());
                return finding;
            }).toList());
            return changeset;
        }).toList());
        return Json.write(root);
    }

    /**
     * A diff for programs: what was written (file, changesets with their risk labels), every change with its risk, the
     * lock it takes, whether it rewrites or scans the table and the table's size on the target, and the rows that would
     * make a change fail. {@code online}: whether the changelog was written with the online forms.
     */
    public static String json(Driftless.DiffResult result, boolean online) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", JSON_FORMAT);
        root.put("command", "diff");
        root.put("target", result.target());
        root.put("pendingFirst", result.pendingFirst().stream().map(c -> c.file() + "::" + c.id()).toList());
        root.put("file", result.written() == null ? null : result.written().file().toString());
        root.put("written", result.written() != null && result.written().written());
        root.put("text", result.written() == null || result.written().written() ? null : result.written().text());
        root.put("setAside", result.setAside() == null ? null : result.setAside().toString());
        root.put("changesets", result.written() == null ? List.of() : result.written().changeSets().stream().map(c -> {
            Map<String, Object> changeset = new LinkedHashMap<>();
            changeset.put("id", c.id());
            changeset.put("labels", c.labels());
            changeset.put("runInTransaction", c.runInTransaction());
            changeset.put("comment", c.comment());
            return changeset;
        }).toList());
        root.put("changes", result.risks(online).stream().map(risked -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("change", risked.change().describe());
            c.put("table", risked.change().table() == null ? null : risked.change().table().toString());
            c.put("risk", risked.risk().level().id());
            c.put("lock", risked.risk().lock());
            c.put("rewrites", risked.risk().rewrites());
            c.put("scans", risked.risk().scans());
            c.put("reason", risked.risk().reason());
            c.put("tableRows", risked.tableSize() == null ? null : risked.tableSize().rows());
            c.put("tableBytes", risked.tableSize() == null ? null : risked.tableSize().bytes());
            return c;
        }).toList());
        root.put("dataProblems", result.dataProblems());
        root.put("kept", result.diff() == null ? List.of() : java.util.stream.Stream.concat(
                result.diff().kept().stream().map(k -> k.describe()),
                result.diff().keptProperties().stream().map(p -> p.describe())).toList());
        root.put("unmappedTables", result.diff() == null ? List.of()
                : result.diff().unmappedTables().stream().map(QualifiedName::toString).toList());
        root.put("probableRenames", result.renames().probable().stream().map(r -> r.describe()).toList());
        return Json.write(root);
    }

    static Map<String, Object> findingJson(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", f.kind().id());
        m.put("group", f.group());
        m.put("table", f.table() == null ? null : f.table().toString());
        m.put("column", f.column());
        m.put("object", f.object());
        m.put("problem", f.problem());
        m.put("database", f.database());
        m.put("model", f.model());
        m.put("origin", f.origin() == null ? null : f.origin().id());
        if (f.source() == null) {
            m.put("source", null);
        } else {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("class", f.source().className());
            s.put("field", f.source().field());
            SourceLocation at = f.source().location();
            s.put("file", at == null ? null : at.file());
            s.put("line", at == null ? null : at.line());
            m.put("source", s);
        }
        m.put("message", f.line());
        return m;
    }

    // ------------------------------------------------------------------ JUnit

    /** One test case per table the model maps (and per other object with findings), a failure per finding. */
    public static void junit(Gate.ValidateResult result, Path file) {
        Map<String, List<Finding>> cases = new LinkedHashMap<>();
        result.tables().forEach(t -> cases.put(t.toString(), new ArrayList<>()));
        result.findings().forEach(f -> cases.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(f));
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            long failed = cases.values().stream().filter(l -> !l.isEmpty()).count();
            String seconds = String.format(Locale.ROOT, "%.3f", result.took().toMillis() / 1000.0);
            Element suites = doc.createElement("testsuites");
            suites.setAttribute("name", "driftless");
            suites.setAttribute("tests", String.valueOf(cases.size()));
            suites.setAttribute("failures", String.valueOf(failed));
            suites.setAttribute("errors", "0");
            suites.setAttribute("time", seconds);
            doc.appendChild(suites);
            Element suite = doc.createElement("testsuite");
            suite.setAttribute("name", "driftless validate");
            suite.setAttribute("tests", String.valueOf(cases.size()));
            suite.setAttribute("failures", String.valueOf(failed));
            suite.setAttribute("errors", "0");
            suite.setAttribute("skipped", "0");
            suite.setAttribute("time", seconds);
            suites.appendChild(suite);
            cases.forEach((name, findings) -> {
                Element testcase = doc.createElement("testcase");
                testcase.setAttribute("classname", "driftless.validate");
                testcase.setAttribute("name", name);
                testcase.setAttribute("time", "0");
                for (Finding f : findings) {
                    Element failure = doc.createElement("failure");
                    failure.setAttribute("type", f.kind().id());
                    failure.setAttribute("message", f.line());
                    failure.setTextContent(f.line() + (f.origin() != null ? "\n" + f.origin().description() : "")
                            + (f.database() != null ? "\ndatabase: " + f.database() : "")
                            + (f.model() != null ? "\nmodel: " + f.model() : ""));
                    testcase.appendChild(failure);
                }
                suite.appendChild(testcase);
            });
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            try (var writer = Files.newBufferedWriter(file)) {
                transformer.transform(new DOMSource(doc), new StreamResult(writer));
            }
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("could not write JUnit XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DriftlessException(ExitCode.USAGE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ GitHub Actions

    /** {@code ::error file=…,line=…,title=…::message} per finding; paths relative to {@code workspace}. */
    public static void github(List<Finding> findings, PrintWriter out, Path workspace) {
        for (Finding f : findings) {
            StringBuilder line = new StringBuilder("::error ");
            SourceLocation at = f.source() == null ? null : f.source().location();
            if (at != null) {
                Path absolute = at.absolute();
                String path = workspace != null && absolute.startsWith(workspace)
                        ? workspace.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
                line.append("file=").append(property(path)).append(",line=").append(at.line()).append(',');
            }
            line.append("title=").append(property("driftless " + f.kind().id() + ": " + f.group()));
            String message = f.line() + (f.origin() != null ? " (" + f.origin().description() + ")" : "");
            line.append("::").append(data(message));
            out.println(line);
        }
    }

    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    private static String paint(boolean colour, String code, String text) {
        return colour ? code + text + RESET : text;
    }

    private static String ignoredNote(int ignored) {
        return ignored > 0 ? "; " + ignored + " difference(s) ignored by the 'ignore' rules" : "";
    }

    /** The smallest JSON writer that will do: maps, lists, strings, numbers, booleans and null. */
    static final class Json {
        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out, 0);
            return out.append('\n').toString();
        }

        private static void write(Object value, StringBuilder out, int depth) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                string(s, out);
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                if (map.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    indent(out, depth + 1);
                    string(String.valueOf(e.getKey()), out);
                    out.append(": ");
                    write(e.getValue(), out, depth + 1);
                    out.append(++i < map.size() ? ",\n" : "\n");
                }
                indent(out, depth);
                out.append('}');
            } else if (value instanceof List<?> list) {
                if (list.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append("[\n");
                for (int i = 0; i < list.size(); i++) {
                    indent(out, depth + 1);
                    write(list.get(i), out, depth + 1);
                    out.append(i + 1 < list.size() ? ",\n" : "\n");
                }
                indent(out, depth);
                out.append(']');
            } else {
                string(String.valueOf(value), out);
            }
        }

        private static void indent(StringBuilder out, int depth) {
            out.append("  ".repeat(depth));
        }

        private static void string(String s, StringBuilder out) {
            out.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
