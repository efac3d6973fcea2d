package org.conflictgraph.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs the Neo4j Community engine embedded, with Bolt on 127.0.0.1 only and auth off (it never
 * listens beyond loopback). Arguments: port, data folder, page cache size (e.g. 128m), then any of
 * "--exit-on-stdin-eof" and "--setting=name=value" (a neo4j.conf setting, e.g. a memory limit).
 * Prints one line "READY bolt://127.0.0.1:PORT" once Bolt answers; shuts down cleanly on
 * SIGINT/SIGTERM through the JVM shutdown hook. With "--exit-on-stdin-eof" it
 * also shuts down when its standard input closes, so that a parent killed with SIGKILL never
 * leaves an orphan engine holding the data folder.
 */
public final class LocalNeo4j {
  public static void main(String[] args) throws InterruptedException, IOException {
    if (args.length < 2) {
      System.err.println("usage: LocalNeo4j <bolt-port> <data-folder> [page-cache, e.g. 128m]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path home = Path.of(args[1]).toAbsolutePath();
    String pageCache = args.length > 2 ? args[2] : "128m";
    boolean exitOnStdinEof = false;
    Map<String, String> settings = new HashMap<>();
    for (int i = 3; i < args.length; i++) {
      if ("--exit-on-stdin-eof".equals(args[i])) {
        exitOnStdinEof = true;
      } else if (args[i].startsWith("--setting=") && args[i].indexOf('=', 10) > 10) {
        int eq = args[i].indexOf('=', 10);
        settings.put(args[i].substring(10, eq), args[i].substring(eq + 1));
      } else {
        System.err.println("unknown argument: " + args[i]);
        System.exit(2);
      }
    }

    DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
    // The embedded builder takes named settings from a properties file only.
    Path conf = Files.createTempFile("neo4j-local-", ".conf");
    StringBuilder lines = new StringBuilder();
    settings.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
    Files.writeString(conf, lines);
    builder.loadPropertiesFromFile(conf);
    DatabaseManagementService service =
        builder
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
            .build();
    Files.delete(conf);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service.shutdown();
                  System.out.println("STOPPED");
                  stopped.countDown();
                },
                "neo4j-local-shutdown"));

    // Touch the default database so the engine is fully up before we say so.
    service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).beginTx().close();
    if (exitOnStdinEof) {
      Thread watcher =
          new Thread(
              () -> {
                try {
                  while (System.in.read() != -1) {
                    // Ignore input; only its end matters.
                  }
                } catch (java.io.IOException ignored) {
                  // A broken pipe means the parent is gone too.
                }
                System.exit(0);
              },
              "neo4j-local-parent-watch");
      watcher.setDaemon(true);
      watcher.start();
    }
    System.out.println("READY bolt://127.0.0.1:" + port);
    System.out.flush();
    stopped.await();
  }
}
