/*
 * Köprü's embedded Neo4j: starts a Neo4j Community DBMS in a folder with Bolt on 127.0.0.1 only,
 * authentication on and the `neo4j` password taken from a file, prints one ready line on stdout,
 * and goes away with its parent. server/neo4j/embedded.ts is the only intended caller.
 *
 * Protocol with the caller:
 *   stdout: exactly one line, "KOPRU_NEO4J_READY bolt://127.0.0.1:PORT version=X.Y.Z", once Bolt accepts
 *           connections with the password; nothing else (library noise is redirected to stderr).
 *   stderr: human-readable errors and whatever libraries print; Neo4j's logs go to DIR/logs.
 *   stdin:  kept open by the parent; EOF means the parent is gone, so the DBMS shuts down.
 *   exit:   0 after a clean shutdown, 2 bad arguments, 3 store locked by another process,
 *           4 port already in use, 1 anything else. SIGTERM/SIGINT run the shutdown hook (JVM status 143/130).
 */
package org.kopru.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

public final class Launcher {
  static final String READY_MARKER = "KOPRU_NEO4J_READY";
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_STORE_LOCKED = 3;
  static final int EXIT_PORT_IN_USE = 4;

  private static final String HOST = "127.0.0.1";
  private static final Duration PARENT_POLL = Duration.ofSeconds(1);
  private static final Duration BOLT_WAIT = Duration.ofSeconds(60);

  private Launcher() {}

  record Options(Path data, int port, Path passwordFile) {
    static Options parse(String[] args) {
      Path data = null;
      Integer port = null;
      Path passwordFile = null;
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value after " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--data" -> data = Path.of(value).toAbsolutePath();
          case "--port" -> port = parsePort(value);
          case "--password-file" -> passwordFile = Path.of(value).toAbsolutePath();
          default -> throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      if (data == null || port == null || passwordFile == null) {
        throw new IllegalArgumentException("--data, --port and --password-file are all required");
      }
      return new Options(data, port, passwordFile);
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
          throw new IllegalArgumentException("--port must be between 1 and 65535, got " + value);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--port must be a number, got " + value, e);
      }
    }
  }

  public static void main(String[] args) {
    // The ready line is the only thing the caller parses on stdout, so keep a private handle on the
    // real stdout and send everything else that libraries print there to stderr instead.
    PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);

    Options options;
    String password;
    try {
      options = Options.parse(args);
      password = readPassword(options.passwordFile());
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("kopru-neo4j: " + e.getMessage());
      System.err.println("usage: Launcher --data DIR --port N --password-file FILE");
      System.exit(EXIT_USAGE);
      return;
    }

    AtomicReference<DatabaseManagementService> service = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    // Registered before build() so that a signal at any later point closes the DBMS. One that lands
    // inside build() just ends the process; Neo4j recovers from its transaction log on the next start.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  DatabaseManagementService dbms = service.getAndSet(null);
                  if (dbms != null) {
                    System.err.println("kopru-neo4j: shutting down");
                    dbms.shutdown();
                  }
                  stopped.countDown();
                },
                "kopru-neo4j-shutdown"));
    // Watching starts before the slow start-up, so a parent that dies meanwhile does not leave a JVM
    // that finishes booting for nobody.
    startParentWatchdogs();

    String version;
    try {
      DatabaseManagementService dbms = build(options);
      service.set(dbms);
      GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
      setPassword(system, password);
      version = readVersion(system);
      waitForBolt(options.port());
    } catch (Throwable e) {
      int code = classify(e);
      System.err.println("kopru-neo4j: " + describe(code, options) + ": " + e);
      for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
        System.err.println("  caused by: " + cause);
      }
      System.exit(code);
      return;
    }

    protocolOut.println(READY_MARKER + " bolt://" + HOST + ":" + options.port() + " version=" + version);

    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static DatabaseManagementService build(Options options) {
    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(options.data());
    // Optional plugins (Graph Data Science, KOPRU_GDS=1): an embedded Neo4j registers procedures only
    // from the jars in its plugins folder, as a server does; the caller also puts those jars on the
    // classpath (a server's start script does the same), where Neo4j finds their extensions. GDS's
    // procedures need unrestricted access to the kernel API.
    String plugins = System.getProperty("kopru.plugins.dir");
    if (plugins != null && !plugins.isBlank()) {
      builder
          .setConfig(GraphDatabaseSettings.plugin_dir, Path.of(plugins).toAbsolutePath())
          .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"));
    }
    return builder
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.port()))
        .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, options.port()))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        // A local tool that users start without being asked: no phoning home.
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        // LOAD CSV reads file:/// URLs from DIR/import only (the default root, made explicit).
        .setConfig(GraphDatabaseSettings.load_csv_file_url_root, options.data().resolve("import"))
        // Netty's default 5 s quiet period, paid twice, made every stop take over 10 s; the idle
        // event loops of a local instance have nothing left to drain.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
        // A laptop-sized instance beside a Node server: the JVM heap is capped by the caller (-Xmx),
        // and these keep Neo4j's off-heap and transaction memory well inside it.
        // 128 MiB unless the caller asks for more (-Dkopru.pagecache.mb=N): the demo fits many times
        // over, a million-tie bundle (~150 MiB of store) wants more (bench/neo4j-load.ts).
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(Long.getLong("kopru.pagecache.mb", 128L)))
        .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(512))
        // Preallocated 256 MiB transaction logs per database are wasteful for a local tool and for
        // the throwaway instances that integration tests create.
        .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
        .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
        .build();
  }

  private static String readPassword(Path file) throws IOException {
    String password = Files.readString(file, StandardCharsets.UTF_8).strip();
    // Neo4j's default minimum password length; failing here gives a clearer message than ALTER USER.
    if (password.length() < 8) {
      throw new IllegalArgumentException("the password in " + file + " must have at least 8 characters");
    }
    return password;
  }

  /**
   * A new DBMS creates `neo4j` with the password `neo4j` and "change required", which Bolt clients
   * cannot use for queries. Setting it on every start also means a replaced password file wins.
   */
  private static void setPassword(GraphDatabaseService system, String password) {
    try {
      system.executeTransactionally(
          "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (RuntimeException e) {
      // Neo4j refuses to "change" a password to the value it already has; that is the normal case
      // on every start after the first, and the desired end state. Matched by text because its
      // status code (Neo.ClientError.Statement.ArgumentError) is shared with real failures.
      if (!isSamePasswordRefusal(e)) {
        throw e;
      }
    }
  }

  private static boolean isSamePasswordRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && message.contains("Old password and new password cannot be the same")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String readVersion(GraphDatabaseService system) {
    // The system database only accepts CALL … YIELD … RETURN, so the filtering happens here.
    return system.executeTransactionally(
        "CALL dbms.components() YIELD name, versions RETURN name, versions",
        Map.of(),
        result -> {
          while (result.hasNext()) {
            Map<String, Object> row = result.next();
            if ("Neo4j Kernel".equals(row.get("name")) && row.get("versions") instanceof List<?> versions) {
              return versions.isEmpty() ? "unknown" : String.valueOf(versions.get(0));
            }
          }
          return "unknown";
        });
  }

  /** build() returns once the connector is bound, but confirming from the outside costs nothing. */
  private static void waitForBolt(int port) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + BOLT_WAIT.toNanos();
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 1000);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new IOException("Bolt did not accept connections on " + HOST + ":" + port, e);
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * Two independent ways to notice that the Node parent is gone: the stdin pipe it holds reaches EOF
   * (covers a crash or SIGKILL of the parent), and the original parent process stops being alive
   * (covers a parent that handed stdin to someone else). Either exits, which runs the shutdown hook.
   */
  private static void startParentWatchdogs() {
    Thread stdinWatch =
        new Thread(
            () -> {
              InputStream in = System.in;
              byte[] buffer = new byte[256];
              try {
                while (in.read(buffer) != -1) {
                  // Input carries no meaning; only its end does.
                }
                System.err.println("kopru-neo4j: stdin closed, parent is gone");
              } catch (IOException e) {
                System.err.println("kopru-neo4j: stdin failed (" + e.getMessage() + "), parent is gone");
              }
              System.exit(0);
            },
            "kopru-neo4j-stdin-watch");
    stdinWatch.setDaemon(true);
    stdinWatch.start();

    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty()) {
      return;
    }
    ProcessHandle original = parent.get();
    Thread parentWatch =
        new Thread(
            () -> {
              while (true) {
                try {
                  Thread.sleep(PARENT_POLL.toMillis());
                } catch (InterruptedException e) {
                  return;
                }
                // When the parent dies the JVM is re-parented, so a different parent pid also counts.
                Optional<ProcessHandle> now = ProcessHandle.current().parent();
                if (!original.isAlive() || now.isEmpty() || now.get().pid() != original.pid()) {
                  System.err.println("kopru-neo4j: parent process " + original.pid() + " is gone");
                  System.exit(0);
                }
              }
            },
            "kopru-neo4j-parent-watch");
    parentWatch.setDaemon(true);
    parentWatch.start();
  }

  private static int classify(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String type = t.getClass().getSimpleName();
      String message = String.valueOf(t.getMessage());
      if (type.equals("FileLockException") || message.contains("locked by another process")) {
        return EXIT_STORE_LOCKED;
      }
      if (t instanceof java.net.BindException
          || type.equals("PortBindException")
          || message.contains("Address already in use")) {
        return EXIT_PORT_IN_USE;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return EXIT_FAILURE;
  }

  private static String describe(int code, Options options) {
    return switch (code) {
      case EXIT_STORE_LOCKED -> "the store in " + options.data() + " is locked by another process";
      case EXIT_PORT_IN_USE -> "port " + HOST + ":" + options.port() + " is already in use";
      default -> "could not start Neo4j in " + options.data();
    };
  }
}
