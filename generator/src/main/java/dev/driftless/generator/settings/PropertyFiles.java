package dev.driftless.generator.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads {@code .properties} and YAML files as flat {@code a.b.c=value} maps, the way Spring Boot flattens YAML. */
final class PropertyFiles {

    private PropertyFiles() {
    }

    static Map<String, String> properties(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Each document of a {@code .properties} file: Spring Boot (2.4 on) splits one at a line that is exactly
     * {@code #---} or {@code !---}, as YAML does at {@code ---}; a file without such a line is one document.
     */
    static List<Map<String, String>> propertiesDocuments(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Map<String, String>> documents = new ArrayList<>();
        for (String document : text.split("(?m)^[#!]---[ \\t]*$", -1)) {
            try (Reader reader = new java.io.StringReader(document)) {
                documents.add(load(reader));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return documents;
    }

    private static Map<String, String> load(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> flat = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> flat.put(k, properties.getProperty(k).strip()));
        return flat;
    }

    /** Each YAML document of the file, flattened. */
    static List<Map<String, String>> yamlDocuments(Path file) {
        List<Map<String, String>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                Map<String, String> flat = new LinkedHashMap<>();
                flatten("", document, flat);
                documents.add(flat);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return documents;
    }

    private static void flatten(String prefix, Object value, Map<String, String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
            // Spring Boot also binds a list given as a comma-separated string; keep that spelling for profile lists
            into.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (value != null && !prefix.isEmpty()) {
            into.put(prefix, String.valueOf(value));
        }
    }
}
