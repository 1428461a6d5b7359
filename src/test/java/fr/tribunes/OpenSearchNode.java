package fr.tribunes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSearch node on loopback, one per JVM, for the tests that need a search cluster: OpenSearch's
 * integ-test distribution and its analysis-common module, which {@code -Pfull} copies from Maven Central to the
 * directory named by the {@code opensearch.dist} system property, as the project's embedded PostgreSQL comes from
 * Maven Central. The distribution is unpacked into a temporary directory of its own and runs on this JVM's Java;
 * OpenSearch refuses to run as root, so when the tests do (as CI does), the node runs as {@code nobody}. A shutdown
 * hook stops it and deletes the directory. Its heap is 512 MB unless the system property {@code opensearch.heap}
 * says otherwise.
 */
public final class OpenSearchNode {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String UNPRIVILEGED_USER = "nobody";

    private static OpenSearchNode shared;
    private static RuntimeException startFailure;

    private final Path directory;
    private final Path log;
    private final int port;
    private final Process process;

    private OpenSearchNode(Path directory, Path log, int port, Process process) {
        this.directory = directory;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /**
     * The node of this JVM, started at the first call (some ten seconds), stopped when the JVM exits. A node that
     * failed to start is not tried again: each later call throws the same failure at once.
     */
    public static synchronized OpenSearchNode shared() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            OpenSearchNode node = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> node.stop(true), "opensearch-node-stop"));
        }
        return shared;
    }

    /** The node's HTTP address, such as {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The node's HTTP port. */
    public int port() {
        return port;
    }

    private static OpenSearchNode start() {
        String dist = System.getProperty("opensearch.dist");
        if (dist == null || dist.isBlank()) {
            throw new IllegalStateException("The system property opensearch.dist is not set: run the tests with -Pfull"
                    + " (./mvnw verify -Pfull), whose maven-dependency-plugin copies OpenSearch from Maven Central"
                    + " to target/opensearch/");
        }
        Path zip = single(Path.of(dist), "opensearch-", ".zip");
        Path analysisCommon = single(Path.of(dist), "analysis-common-", ".jar");
        String version = zip.getFileName().toString().replaceAll("^opensearch-|\\.zip$", "");
        try {
            Path directory = Files.createTempDirectory("tribunes-opensearch-");
            Path home = unpack(zip, directory);
            addAnalysisCommon(home, analysisCommon, version);
            Files.createDirectories(home.resolve("tmp"));
            boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
            if (root) {
                chown(directory, UNPRIVILEGED_USER);
            }
            int port = freePort();
            List<String> command = new ArrayList<>();
            if (root) {
                // setpriv execs, so the process below is OpenSearch's JVM itself (bin/opensearch execs too).
                command.addAll(List.of(
                        "setpriv",
                        "--reuid=" + UNPRIVILEGED_USER,
                        "--regid=" + groupOf(UNPRIVILEGED_USER),
                        "--init-groups",
                        "--"));
            }
            command.addAll(List.of(
                    home.resolve("bin/opensearch").toString(),
                    "-Ecluster.name=tribunes-tests",
                    "-Enode.name=tribunes-tests",
                    "-Ediscovery.type=single-node",
                    "-Enetwork.host=127.0.0.1",
                    "-Ehttp.port=" + port,
                    "-Etransport.port=" + freePort(),
                    // A nearly full disk must not turn the indexes read-only in the middle of a test.
                    "-Ecluster.routing.allocation.disk.threshold_enabled=false"));
            Path log = directory.resolve("node.log");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
            String heap = System.getProperty("opensearch.heap", "512m");
            environment.put("OPENSEARCH_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
            environment.put("OPENSEARCH_TMPDIR", home.resolve("tmp").toString());
            environment.remove("JAVA_TOOL_OPTIONS");
            OpenSearchNode node = new OpenSearchNode(directory, log, port, builder.start());
            node.awaitYellow();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one file of {@code directory} named {@code prefix…suffix}. */
    private static Path single(Path directory, String prefix, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)
                            && f.getFileName().toString().endsWith(suffix))
                    .toList();
            if (found.size() != 1) {
                throw new IllegalStateException("Expected one " + prefix + "*" + suffix + " in " + directory
                        + ", found " + found + ": run with -Pfull");
            }
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("No OpenSearch distribution in " + directory + ": run with -Pfull", e);
        }
    }

    /**
     * Unpacks the distribution with its files' Unix permissions (the scripts of {@code bin/} must stay executable),
     * which zipfs reads; returns its home, the zip's top directory.
     */
    private static Path unpack(Path zip, Path into) throws IOException {
        Path home = null;
        try (FileSystem zipfs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> entries = Files.walk(zipfs.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (entry.getNameCount() == 0) {
                    continue;
                }
                Path target = into.resolve(entry.toString().substring(1)).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Entry outside the distribution: " + entry);
                }
                if (entry.getNameCount() == 1) {
                    home = target;
                }
                PosixFileAttributes attributes = Files.readAttributes(entry, PosixFileAttributes.class);
                if (attributes.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entry, target);
                }
                Files.setPosixFilePermissions(target, attributes.permissions());
            }
        }
        if (home == null || !Files.isExecutable(home.resolve("bin/opensearch"))) {
            throw new IOException(zip + " is not an OpenSearch distribution with an executable bin/opensearch");
        }
        return home;
    }

    /**
     * Adds analysis-common, which the integ-test distribution leaves out, as a module. Its descriptor is the one
     * OpenSearch's build writes, less {@code extended.plugins=lang-painless}: without Painless, that module's
     * extension of it is never loaded.
     */
    private static void addAnalysisCommon(Path home, Path jar, String version) throws IOException {
        Path module = Files.createDirectories(home.resolve("modules/analysis-common"));
        Files.copy(jar, module.resolve(jar.getFileName()));
        Files.writeString(module.resolve("plugin-descriptor.properties"), """
                name=analysis-common
                description=Adds "built in" analyzers to OpenSearch.
                version=%s
                opensearch.version=%s
                java.version=11
                classname=org.opensearch.analysis.common.CommonAnalysisPlugin
                """.formatted(version, version));
    }

    /**
     * Gives the node's directory to {@code user}. The directory is {@code rwx------}; its parents, those of
     * {@code java.io.tmpdir} ({@code /tmp}), must let that user through.
     */
    private static void chown(Path directory, String user) throws IOException {
        UserPrincipal owner =
                directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setOwner(path, owner);
            }
        }
    }

    private static String groupOf(String user) throws IOException {
        Process id =
                new ProcessBuilder("id", "-g", user).redirectErrorStream(true).start();
        String group = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (id.waitFor() != 0 || !group.matches("\\d+")) {
                throw new IOException("id -g " + user + ": " + group);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return group;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitYellow() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw failure("OpenSearch exited with status " + process.exitValue());
                }
                try {
                    HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                    last = response.statusCode() + " " + response.body();
                } catch (IOException e) {
                    last = e.toString();
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted while OpenSearch was starting");
        }
        throw failure(
                "OpenSearch was not yellow after " + START_TIMEOUT.toSeconds() + " s (last answer: " + last + ")");
    }

    /** Stops the node, keeping its directory and its log, whose tail ends this failure's message. */
    private IllegalStateException failure(String message) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            tail = "(no log: " + e + ")";
        }
        stop(false);
        return new IllegalStateException(message + "; the end of its log (" + log + "):\n" + tail);
    }

    private void stop(boolean delete) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        if (!delete) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left in the temporary directory: nothing else depends on it.
        }
    }
}
