package dev.aio.stdlib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * The services database, {@code /etc/services} (what the C library's {@code getservbyname} and
 * {@code getservbyport} read for CPython): {@code https} is port 443 over tcp. Read once, on first use;
 * an absent file knows no names, as an empty database would.
 */
final class ServiceNames {
    private static final Path DATABASE = Path.of("/etc/services");
    private static volatile ServiceNames loaded;

    /** "name/proto" (aliases too) to port; "port/proto" to the official name. */
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    private ServiceNames(List<String> lines) {
        for (String line : lines) {
            int hash = line.indexOf('#');
            String[] fields = (hash < 0 ? line : line.substring(0, hash)).trim().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            String[] portProto = fields[1].split("/");
            if (portProto.length != 2 || !portProto[0].matches("\\d{1,5}")) {
                continue;
            }
            int port = Integer.parseInt(portProto[0]);
            String proto = portProto[1];
            names.putIfAbsent(port + "/" + proto, fields[0]);
            ports.putIfAbsent(fields[0] + "/" + proto, port);
            for (int i = 2; i < fields.length; i++) {
                ports.putIfAbsent(fields[i] + "/" + proto, port);
            }
        }
    }

    @TruffleBoundary
    static ServiceNames get() {
        ServiceNames db = loaded;
        if (db == null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(DATABASE, StandardCharsets.ISO_8859_1);
            } catch (IOException | SecurityException e) {
                lines = List.of();
            }
            db = new ServiceNames(lines);
            loaded = db;
        }
        return db;
    }

    /** The port of service {@code name} over {@code proto} (any protocol when null), or -1. */
    int port(String name, String proto) {
        if (proto != null) {
            return ports.getOrDefault(name + "/" + proto, -1);
        }
        Integer tcp = ports.get(name + "/tcp");
        return tcp != null ? tcp : ports.getOrDefault(name + "/udp", -1);
    }

    /** The official name of {@code port} over {@code proto} (any protocol when null), or null. */
    String name(int port, String proto) {
        if (proto != null) {
            return names.get(port + "/" + proto);
        }
        String tcp = names.get(port + "/tcp");
        return tcp != null ? tcp : names.get(port + "/udp");
    }
}
