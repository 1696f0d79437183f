package dev.driftless.generator.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The master changelog driftless includes its files from: its own {@value #DEFAULT_NAME}, or the project's master
 * of another name ({@code db.changelog-master.xml}, JHipster's {@code master.xml}), which its Liquibase and driftless
 * then share. YAML and XML masters take includes; a master in another format (JSON, formatted SQL) is refused by
 * name. An include is written in the shape of the entries already there (the YAML list's indentation, the XML
 * elements' indentation), so the file stays as its authors wrote it around the lines driftless adds.
 */
public record MasterChangelog(Path file) {

    public static final String DEFAULT_NAME = "db.changelog-master.yaml";
    private static final String XML_END = "</databaseChangeLog>";
    private static final Pattern YAML_ITEM = Pattern.compile("(?m)^databaseChangeLog:\\s*\\n(?:\\s*#.*\\n|\\s*\\n)*( *)- ");
    private static final Pattern XML_ELEMENT = Pattern.compile("(?m)^([ \\t]+)<(?:include|includeAll|changeSet)\\b");

    /** The master named {@code name} in {@code directory} ({@value #DEFAULT_NAME} when {@code name} is null). */
    public static MasterChangelog in(Path directory, String name) {
        return new MasterChangelog(directory.resolve(name == null ? DEFAULT_NAME : name));
    }

    public Path directory() {
        return file.getParent();
    }

    public String name() {
        return file.getFileName().toString();
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Whether driftless can write includes into a master of this name: a YAML or XML file. */
    public boolean writable() {
        return xml() || yaml();
    }

    private boolean xml() {
        return name().toLowerCase(Locale.ROOT).endsWith(".xml");
    }

    private boolean yaml() {
        String lower = name().toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /** The include of {@code fileName} exactly as {@link #include} writes it into this master as it is now. */
    public String includeEntry(String fileName) {
        String text = textOrEmpty();
        if (xml()) {
            return indent(XML_ELEMENT, text, "    ") + "<include file=\"" + escapeXml(fileName)
                    + "\" relativeToChangelogFile=\"true\"/>\n";
        }
        String item = indent(YAML_ITEM, text, "  ");
        return item + "- include:\n" + item + "    file: " + fileName + "\n" + item + "    relativeToChangelogFile: true\n";
    }

    /** Whether this master includes {@code fileName} in the form driftless writes. */
    public boolean includes(String fileName) {
        return textOrEmpty().contains(includeEntry(fileName));
    }

    /** Appends an include of {@code fileName}, after everything the master holds; creates the master when missing. */
    public void include(String fileName) {
        add(includeEntry(fileName));
    }

    /**
     * Appends {@code entry} (an include or a changeset, in this master's format) after everything the master holds,
     * creating the master when missing.
     */
    public void add(String entry) {
        requireWritable();
        try {
            Files.createDirectories(directory());
            if (!Files.exists(file)) {
                Files.writeString(file, skeleton());
            }
            String text = Files.readString(file);
            Files.writeString(file, xml() ? insertBeforeEnd(text, entry) : appended(text, entry));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the include of {@code fileName} that {@link #include} wrote. False, with the master untouched, when it
     * does not hold that include exactly once in that form (edited by hand: a person decides).
     */
    public boolean exclude(String fileName) {
        if (!Files.exists(file)) {
            return false;
        }
        String text = textOrEmpty();
        String entry = includeEntry(fileName);
        int at = text.indexOf(entry);
        if (at < 0 || text.indexOf(entry, at + 1) >= 0) {
            return false;
        }
        try {
            Files.writeString(file, text.substring(0, at) + text.substring(at + entry.length()));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not edit " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether the master holds a changeset of this id (in either format's spelling). */
    public boolean hasChangeSet(String id) {
        String text = textOrEmpty();
        return text.contains("id: " + id) || text.contains("id=\"" + id + "\"");
    }

    /** Whether this master is XML, for entries that differ by format. */
    public boolean isXml() {
        return xml();
    }

    /** The item indentation of the master's YAML list (or XML elements), so added entries line up with the rest. */
    public String entryIndent() {
        return xml() ? indent(XML_ELEMENT, textOrEmpty(), "    ") : indent(YAML_ITEM, textOrEmpty(), "  ");
    }

    /** @throws IllegalArgumentException naming the master and the way out, when it takes no includes */
    public void requireWritable() {
        if (!writable()) {
            throw new IllegalArgumentException("driftless writes its includes into a YAML or XML master changelog, and "
                    + file + " is neither: include it from a " + DEFAULT_NAME + " and point driftless there (master:"
                    + " in driftless.yaml)");
        }
    }

    private String skeleton() {
        if (xml()) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<!-- Written by driftless: each generated changelog is included here, oldest first. -->\n"
                    + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
                    + "        xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                    + "        xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                    + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n"
                    + XML_END + "\n";
        }
        return "# Written by driftless: each generated changelog is included here, oldest first.\n"
                + "databaseChangeLog:\n";
    }

    private String insertBeforeEnd(String text, String entry) {
        int end = text.lastIndexOf(XML_END);
        if (end < 0) {
            throw new IllegalArgumentException(file + " has no " + XML_END + " to add driftless's include before");
        }
        int lineStart = text.lastIndexOf('\n', end) + 1;
        boolean aloneOnItsLine = text.substring(lineStart, end).isBlank();
        String before = aloneOnItsLine ? text.substring(0, lineStart) : text.substring(0, end) + "\n";
        String after = aloneOnItsLine ? text.substring(lineStart) : text.substring(end);
        return before + entry + after;
    }

    private static String appended(String text, String entry) {
        return (text.isEmpty() || text.endsWith("\n") ? text : text + "\n") + entry;
    }

    private static String indent(Pattern pattern, String text, String otherwise) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : otherwise;
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private String textOrEmpty() {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
