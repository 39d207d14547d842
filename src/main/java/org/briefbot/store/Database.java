package org.briefbot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A JDBC URL as a {@link DataSource}, the dialect's defaults applied. SQLite: a fresh connection
 * per unit of work (cheap, and a file deleted under us is noticed rather than written to in vain)
 * beside one held open ({@link #keepOpen()}), and one unit of work at a time, so a burst of writers
 * queues here instead of failing with {@code SQLITE_BUSY} (SQLite has one writer anyway).
 * PostgreSQL: a HikariCP pool, which checks a connection before lending it, so a restarted server
 * is invisible to callers.
 */
final class Database implements DataSource, AutoCloseable {
  /** Connections to PostgreSQL at most; the bot's writes are short. */
  static final int POOL_SIZE = 8;

  /**
   * How long a caller waits for a PostgreSQL connection before the store counts as unreachable: the
   * pool tries again and again within it, even when every attempt is refused at once.
   */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

  private final String url;
  private final Dialect dialect;
  private final Properties properties;
  private final Optional<HikariDataSource> pool;
  private final ReentrantLock oneAtATime = new ReentrantLock(true);

  Database(String url) {
    this(url, CONNECTION_TIMEOUT);
  }

  /** As {@link #Database(String)}, waiting {@code connectionTimeout} for a connection. */
  Database(String url, Duration connectionTimeout) {
    this.dialect = Dialect.of(url);
    this.url = url;
    this.properties = dialect.connectionDefaults();
    this.pool =
        dialect == Dialect.POSTGRESQL
            ? Optional.of(pool(url, properties, connectionTimeout))
            : Optional.empty();
  }

  private static HikariDataSource pool(
      String url, Properties properties, Duration connectionTimeout) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setDataSourceProperties(properties);
    config.setPoolName("briefbot-store");
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(0); // an idle bot holds no connection
    config.setConnectionTimeout(connectionTimeout.toMillis());
    config.setValidationTimeout(Duration.ofSeconds(1).toMillis());
    config.setInitializationFailTimeout(-1); // the bot starts while the database is down
    return new HikariDataSource(config);
  }

  /**
   * SQLite: one connection to the file held open while the store is, so that closing a unit of
   * work's connection is never the file's last close, which checkpoints the WAL and syncs the disk
   * (about 20 ms a write on the build machine against under 1 ms: docs/performance.md). Guarded by
   * this.
   */
  private Connection keeper;

  /**
   * Holds a SQLite file open from now until {@link #close()}, when the URL names a file; nothing
   * for PostgreSQL or an in-memory database. Call after the file is created (migrated).
   */
  synchronized void keepOpen() {
    if (keeper != null || sqliteFile().isEmpty()) {
      return;
    }
    try {
      keeper = DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      throw new StoreException("Cannot open " + describe() + ": " + e.getMessage(), e);
    }
  }

  /** Closes the pool, if there is one, and the SQLite file's held connection. */
  @Override
  public void close() {
    pool.ifPresent(HikariDataSource::close);
    synchronized (this) {
      if (keeper != null) {
        try {
          keeper.close();
        } catch (SQLException e) {
          // Closing a connection that did no work: nothing to lose.
        }
        keeper = null;
      }
    }
  }

  /** The pool's wait for a connection; empty without a pool (SQLite). */
  Optional<Duration> connectionTimeout() {
    return pool.map(p -> Duration.ofMillis(p.getConnectionTimeout()));
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
    boolean serialized = dialect == Dialect.SQLITE;
    if (serialized) {
      oneAtATime.lock();
    }
    try {
      return inTransaction(operation, work);
    } finally {
      if (serialized) {
        oneAtATime.unlock();
      }
    }
  }

  private <T> T inTransaction(String operation, Work<T> work) {
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
    return pool.isPresent()
        ? pool.get().getConnection()
        : DriverManager.getConnection(url, properties);
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
