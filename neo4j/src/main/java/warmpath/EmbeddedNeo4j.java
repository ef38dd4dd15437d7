package warmpath;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Throwaway Neo4j Community server for warmpath's tests and CI: an embedded DBMS with a Bolt connector
 * on 127.0.0.1, no HTTP, auth disabled unless --auth is given, small memory settings.
 *
 * <pre>
 *   java -Xmx1g -cp 'neo4j/target/lib/*:neo4j/target/warmpath-neo4j.jar' warmpath.EmbeddedNeo4j [PORT] [DATA_DIR] [--exit-on-stdin-eof] [--delete-data-dir-on-exit] [--auth PASSWORD]
 * </pre>
 *
 * PORT: Bolt port, default $NEO4J_BOLT_PORT or 7687; 0 picks a free port (the ready line tells which).
 * DATA_DIR: home of the DBMS (data/, logs/ go inside it), default $NEO4J_DATA_DIR or a fresh temp folder.
 * A folder given by the caller is kept (the caller removes it), unless --delete-data-dir-on-exit is given;
 * a temp folder made here is always removed on exit.
 * --exit-on-stdin-eof (or $NEO4J_EXIT_ON_STDIN_EOF=1): shut down when standard input closes, so the server
 * dies with a parent that spawned it with a pipe, even when the parent is killed with SIGKILL.
 * --auth PASSWORD: enable authentication, with user "neo4j" holding PASSWORD (8 characters or more), for tests
 * of wrong credentials. The password is set on every start, so a restart on the same DATA_DIR keeps working.
 *
 * Prints exactly one line "NEO4J_READY bolt://127.0.0.1:PORT" to stdout once the default database is available
 * and Bolt is listening; everything else goes to stderr or to DATA_DIR/logs. Shuts down cleanly on SIGTERM/SIGINT.
 */
public final class EmbeddedNeo4j {
    private static final long MiB = 1024L * 1024L;

    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        // Keep stdout for the ready line only: anything Neo4j prints goes to stderr.
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        System.setOut(System.err);

        String portArg = null;
        String dirArg = null;
        boolean exitOnStdinEof = "1".equals(System.getenv("NEO4J_EXIT_ON_STDIN_EOF"));
        boolean deleteOnExit = false;
        String authPassword = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--auth")) {
                if (i + 1 >= args.length || args[i + 1].isEmpty()) fail("--auth needs a password");
                authPassword = args[++i];
            } else if (a.equals("--exit-on-stdin-eof")) {
                exitOnStdinEof = true;
            } else if (a.equals("--delete-data-dir-on-exit")) {
                deleteOnExit = true;
            } else if (a.equals("-h") || a.equals("--help")) {
                System.err.println("usage: EmbeddedNeo4j [PORT] [DATA_DIR] [--exit-on-stdin-eof] [--delete-data-dir-on-exit] [--auth PASSWORD]");
                return;
            } else if (portArg == null) {
                portArg = a;
            } else if (dirArg == null) {
                dirArg = a;
            } else {
                fail("unexpected argument: " + a);
            }
        }
        if (portArg == null) portArg = envOr("NEO4J_BOLT_PORT", "7687");
        if (dirArg == null) dirArg = envOr("NEO4J_DATA_DIR", "");

        int port;
        try {
            port = Integer.parseInt(portArg.trim());
        } catch (NumberFormatException e) {
            fail("bad port: " + portArg);
            return;
        }
        if (port < 0 || port > 65535) fail("bad port: " + port);

        final boolean ownsDir = dirArg.isEmpty() || deleteOnExit;
        final Path home = dirArg.isEmpty()
                ? Files.createTempDirectory("warmpath-neo4j-")
                : Path.of(dirArg).toAbsolutePath().normalize();
        Files.createDirectories(home);

        long started = System.nanoTime();
        final DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                // Bolt on loopback only, no TLS, no auth unless asked for: a throwaway test server.
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(BoltConnector.thread_pool_max_size, 100)
                // No in-process "bolt-local" channel; short shutdown waits (defaults add ~10 s to every stop).
                .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, authPassword != null)
                // Modest memory and disk by default: the machine is shared. Benchmarks raise the
                // page cache (NEO4J_PAGECACHE_MB) so a million-tie store is not read from disk.
                .setConfig(GraphDatabaseSettings.pagecache_memory, Long.parseLong(envOr("NEO4J_PAGECACHE_MB", "64")) * MiB)
                .setConfig(GraphDatabaseSettings.tx_state_memory_allocation,
                        GraphDatabaseSettings.TransactionStateMemoryAllocation.ON_HEAP)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, 512 * MiB)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 4 * MiB)
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.preallocate_store_files, false)
                .setConfig(GraphDatabaseSettings.pagecache_warmup_enabled, false)
                .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(5))
                // A stuck test fails within minutes; bulk-load benchmarks may raise it (NEO4J_TX_TIMEOUT_S).
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(Long.parseLong(envOr("NEO4J_TX_TIMEOUT_S", "120"))))
                // Nothing leaves the machine.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .build();

        final AtomicBoolean stopped = new AtomicBoolean(false);
        final CountDownLatch done = new CountDownLatch(1);
        Runnable stop = () -> {
            if (!stopped.compareAndSet(false, true)) return;
            try {
                dbms.shutdown();
            } catch (Throwable t) {
                System.err.println("neo4j shutdown failed: " + t);
            }
            if (ownsDir) deleteTree(home);
            done.countDown();
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(2))) {
            System.err.println("neo4j: default database did not become available within 2 minutes");
            System.exit(3);
        }

        if (authPassword != null) setPassword(dbms, authPassword);

        int boundPort = port;
        try {
            HostnamePort hp = ((GraphDatabaseAPI) db).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            if (hp != null) boundPort = hp.getPort();
        } catch (Throwable t) {
            if (port == 0) {
                System.err.println("neo4j: cannot tell which port Bolt bound to: " + t);
                System.exit(3);
            }
        }

        System.err.printf("neo4j: started in %.1f s, home %s%n", (System.nanoTime() - started) / 1e9, home);
        stdout.println("NEO4J_READY bolt://127.0.0.1:" + boundPort);
        stdout.flush();

        if (exitOnStdinEof) {
            Thread watcher = new Thread(() -> {
                try {
                    InputStream in = System.in;
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // ignore input; only EOF matters
                    }
                } catch (IOException ignored) {
                    // treat a broken stdin like EOF
                }
                System.err.println("neo4j: stdin closed, shutting down");
                System.exit(0); // runs the shutdown hook
            }, "stdin-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        done.await();
    }

    /**
     * Gives user "neo4j" the password of --auth. Embedded transactions bypass auth, so the system database
     * takes it directly; this replaces Neo4j's initial "neo4j"/"neo4j", which would demand a change at first login.
     */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
        } catch (RuntimeException e) {
            // A restart on the same DATA_DIR finds the password already set, and Neo4j refuses to "change" it.
            if (String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) return;
            // Neo4j's own rules (8 characters or more) and the like: say so and stop rather than serve half set up.
            System.err.println("neo4j: cannot set the password given with --auth: " + e.getMessage());
            System.exit(2);
        }
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    private static void fail(String msg) {
        System.err.println("EmbeddedNeo4j: " + msg);
        System.exit(2);
    }

    /** Deletes a folder this process created itself (never a caller's folder). */
    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("neo4j: could not remove " + root + ": " + e);
        }
    }
}
