package org.briefbot.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * The store on a real PostgreSQL: the URL of an empty database in BRIEFBOT_TEST_PG_URL (.ci/run
 * starts one from Debian's packages and sets it). Each test gets schemas of its own, dropped after.
 */
class PostgresStoreTest extends StoreBehaviour {
  static final String ENV = "BRIEFBOT_TEST_PG_URL";

  private final List<String> schemas = new ArrayList<>();

  /** The server's URL; skips the calling test, saying why, when none is configured. */
  static String baseUrl() {
    String url = System.getenv(ENV);
    assumeTrue(
        url != null && !url.isBlank(),
        ENV
            + " is not set: PostgreSQL store tests skipped (.ci/run sets it after starting PostgreSQL)");
    return url;
  }

  @Override
  String freshUrl() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE SCHEMA " + schema);
    schemas.add(schema);
    return baseUrl() + (baseUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  @AfterEach
  void dropSchemas() {
    schemas.forEach(schema -> execute("DROP SCHEMA " + schema + " CASCADE"));
  }

  private static void execute(String sql) {
    try (Connection c = DriverManager.getConnection(baseUrl());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
