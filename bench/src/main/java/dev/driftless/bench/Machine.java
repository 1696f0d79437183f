package dev.driftless.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What the benchmark ran on, for the report: the figures mean nothing without it. */
final class Machine {

    private Machine() {
    }

    static Map<String, String> describe(Server server, String serverDescription) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("processors (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("CPU", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("memory", memory());
        machine.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        machine.put("JDK (every child JVM)", System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        machine.put("target PostgreSQL", server.version() + ", " + serverDescription);
        machine.put("driftless's dev database", "its default: an embedded PostgreSQL it starts per command from its "
                + "own binaries, data directory kept warm under .driftless/devdb (the --dev-url row reuses the target server)");
        machine.put("peak memory", ChildProcess.canMeasureMemory()
                ? "/usr/bin/time -v \"Maximum resident set size\" of the tool's process (and of the children it waited"
                  + " for); PostgreSQL servers are daemons and not counted, for any tool"
                : "not measured: /usr/bin/time is missing");
        machine.put("load average at the start", loadAverage());
        return machine;
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2] + " (1, 5, 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String memory() {
        String total = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try {
            long kilobytes = Long.parseLong(total.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GiB", kilobytes / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return total;
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }
}
