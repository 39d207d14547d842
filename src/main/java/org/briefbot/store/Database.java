package org.briefbot.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A JDBC URL as a {@link DataSource}: a fresh connection per unit of work, the dialect's defaults
 * applied. No pool: SQLite connections are cheap, and for PostgreSQL a new connection per call is
 * what makes a restarted server invisible to callers.
 */
final class Database implements DataSource {
  private final String url;
  private final Dialect dialect;
  private final Properties properties;

  Database(String url) {
    this.dialect = Dialect.of(url);
    this.url = url;
    this.properties = dialect.connectionDefaults();
  }

  Dialect dialect() {
    return dialect;
  }

  String describe() {
    return Redacted.url(url);
  }

  /** The SQLite file the URL names, if it names one ({@code jdbc:sqlite::memory:} does not). */
  Optional<Path> sqliteFile() {
    if (dialect != Dialect.SQLITE) {
      return Optional.empty();
    }
    String rest = url.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    String file = (query >= 0 ? rest.substring(0, query) : rest).replaceFirst("^file:", "");
    return file.isEmpty() || file.startsWith(":memory:")
        ? Optional.empty()
        : Optional.of(Path.of(file));
  }

  /**
   * Creates the folder of the SQLite file, so the default {@code data/briefbot.db} needs no set-up.
   */
  void createFolder() {
    Optional<Path> parent = sqliteFile().map(Path::toAbsolutePath).map(Path::getParent);
    if (parent.isPresent()) {
      try {
        Files.createDirectories(parent.get());
      } catch (IOException e) {
        throw new StoreException(
            "Cannot create the store folder " + parent.get() + ": " + e.getMessage(), e);
      }
    }
  }

  /** Runs {@code work} in one transaction, committed before this returns. */
  <T> T transaction(String operation, Work<T> work) {
    try (Connection connection = getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException(operation + " failed on " + describe() + ": " + e.getMessage(), e);
    }
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** One unit of work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Properties withUser = new Properties();
    withUser.putAll(properties);
    withUser.setProperty("user", username);
    withUser.setProperty("password", password);
    return DriverManager.getConnection(url, withUser);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging here");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
