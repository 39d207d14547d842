package org.briefbot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * briefbot's state in a SQLite file or a PostgreSQL database: answers shown, votes, the unanswered
 * log, per-chat context and usage counts. Opening migrates the schema. Every write is committed
 * before its method returns. Thread-safe: each call uses its own connection.
 *
 * <p>Failures to reach or use the database throw {@link StoreException}; the answering path uses
 * {@link ResilientStore}, which turns them into logged no-ops.
 */
public final class Store implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
  private static final int TOP_COUNTS = 10;

  /** Enough for any report; a log larger than this is reported from its most recent rows. */
  private static final int MAX_LOGGED_ROWS = 100_000;

  /** Every table the migrations create; {@link #ping()} checks each is there. */
  private static final List<String> TABLES =
      List.of(
          "answers",
          "votes",
          "unanswered",
          "chat_context",
          "usage_counts",
          "handled_updates",
          "group_context",
          "small_talk",
          "desk_marks",
          "long_buttons");

  /** How long an update id is remembered, to answer a second delivery of it never. */
  static final Duration REMEMBER_UPDATES = Duration.ofDays(7);

  /** How long a button whose action is kept here ({@link #saveButton}) keeps working. */
  public static final Duration REMEMBER_BUTTONS = Duration.ofDays(7);

  private final Database database;
  private final Clock clock;

  private Store(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * Opens the store at {@code url} ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}),
   * creating a SQLite file's folder and migrating the schema to the latest version.
   */
  public static Store open(String url, Clock clock) {
    return open(url, clock, Database.CONNECTION_TIMEOUT);
  }

  /**
   * As {@link #open(String, Clock)}, waiting up to {@code connectionTimeout} (2 s there) for a
   * PostgreSQL connection before failing; tests of an unreachable server take 0.25 s, the pool's
   * least.
   */
  public static Store open(String url, Clock clock, Duration connectionTimeout) {
    Objects.requireNonNull(clock, "clock");
    Database database = new Database(url, connectionTimeout);
    try {
      database.createFolder();
      migrate(database);
      database.keepOpen();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return new Store(database, clock);
  }

  /**
   * Opens a store that must already exist: a SQLite URL whose file is missing fails, naming the
   * file, instead of creating an empty store (a report run from the wrong folder).
   */
  public static Store openExisting(String url, Clock clock) {
    Database database = new Database(url);
    Optional<Path> file = database.sqliteFile();
    if (file.isPresent() && !Files.isRegularFile(file.get())) {
      throw new StoreException(
          "No store at "
              + file.get().toAbsolutePath()
              + ": run this where the bot runs, with the same --config (store.url)",
          null);
    }
    return open(url, clock);
  }

  private static void migrate(Database database) {
    try {
      Flyway.configure(Store.class.getClassLoader())
          .dataSource(database)
          .locations("classpath:db/migration")
          .placeholders(database.dialect().placeholders())
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException(
          "Cannot migrate the store at " + database.describe() + ": " + e.getMessage(), e);
    }
  }

  /** The URL without its password, for logs and {@code /health}. */
  public String describe() {
    return database.describe();
  }

  /** Records a reply to a question (and logs it as unanswered when marked so); returns its id. */
  public long recordAnswer(AnswerRecord answer) {
    Objects.requireNonNull(answer, "answer");
    long now = clock.millis();
    return database.transaction(
        "recordAnswer",
        c -> {
          long id = insertAnswer(c, answer, now);
          for (String entity : answer.entities()) {
            increment(c, UsageKind.ENTITY, entity, now);
          }
          if (answer.logAs().isPresent()) {
            UnansweredRecord entry =
                new UnansweredRecord(
                    answer.chatId(),
                    OptionalLong.of(id),
                    answer.question(),
                    answer.logAs().get(),
                    answer.confidence(),
                    answer.candidates());
            insertUnanswered(c, entry, now);
          }
          return id;
        });
  }

  private static long insertAnswer(Connection c, AnswerRecord a, long now) throws SQLException {
    String sql =
        "INSERT INTO answers (chat_id, user_id, question, answered, passage_id, article_id, confidence, asked_at,"
            + " channel, shown_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, a.chatId());
      s.setLong(2, a.userId());
      s.setString(3, a.question());
      s.setInt(4, a.answered() ? 1 : 0);
      s.setString(5, a.passageId().orElse(null));
      s.setString(6, a.articleId().orElse(null));
      s.setDouble(7, a.confidence());
      s.setLong(8, now);
      s.setString(9, a.channel().key());
      s.setString(10, a.shownText().orElse(null));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * Records a reader's vote on an answer given in {@code chatId}; a second vote by the same reader
   * replaces the first. A vote from another chat than the answer's is refused: vote buttons carry
   * the answer id, which anyone can type into a forged button. An answer with at least one down
   * vote is in the unanswered log as {@link Reason#VOTED_DOWN}.
   */
  public VoteOutcome vote(long answerId, long chatId, long userId, Vote vote) {
    Objects.requireNonNull(vote, "vote");
    long now = clock.millis();
    return database.transaction(
        "vote",
        c -> {
          Optional<AnswerRow> answer = findAnswer(c, answerId);
          if (answer.isEmpty()) {
            return VoteOutcome.UNKNOWN_ANSWER;
          }
          if (answer.get().chatId() != chatId) {
            return VoteOutcome.OTHER_CHAT;
          }
          Optional<Vote> before = previousVote(c, answerId, userId);
          upsertVote(c, answerId, userId, vote, now);
          syncVotedDown(c, answer.get(), now);
          return before.isEmpty()
              ? VoteOutcome.RECORDED
              : before.get() == vote ? VoteOutcome.UNCHANGED : VoteOutcome.CHANGED;
        });
  }

  /** What the vote log entry needs from an answer. */
  private record AnswerRow(
      long id, long chatId, String question, double confidence, Optional<String> passageId) {}

  private static Optional<AnswerRow> findAnswer(Connection c, long answerId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT chat_id, question, confidence, passage_id FROM answers WHERE id = ?")) {
      s.setLong(1, answerId);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(
                new AnswerRow(
                    answerId,
                    r.getLong(1),
                    r.getString(2),
                    r.getDouble(3),
                    Optional.ofNullable(r.getString(4))))
            : Optional.empty();
      }
    }
  }

  private static Optional<Vote> previousVote(Connection c, long answerId, long userId)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT vote FROM votes WHERE answer_id = ? AND user_id = ?")) {
      s.setLong(1, answerId);
      s.setLong(2, userId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(Vote.of(r.getInt(1))) : Optional.empty();
      }
    }
  }

  /** An upsert, so two replicas handling two taps of one reader at once both succeed. */
  private static void upsertVote(Connection c, long answerId, long userId, Vote vote, long now)
      throws SQLException {
    String sql =
        "INSERT INTO votes (answer_id, user_id, vote, voted_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, answerId);
      s.setLong(2, userId);
      s.setInt(3, vote.value());
      s.setLong(4, now);
      s.executeUpdate();
    }
  }

  /** Keeps the answer in the log while any reader's vote on it is down, and out of it otherwise. */
  private static void syncVotedDown(Connection c, AnswerRow answer, long now) throws SQLException {
    long down;
    try (PreparedStatement s =
        c.prepareStatement("SELECT COUNT(*) FROM votes WHERE answer_id = ? AND vote < 0")) {
      s.setLong(1, answer.id());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        down = r.getLong(1);
      }
    }
    if (down > 0) {
      List<String> shown = answer.passageId().stream().toList();
      insertUnanswered(
          c,
          new UnansweredRecord(
              answer.chatId(),
              OptionalLong.of(answer.id()),
              answer.question(),
              Reason.VOTED_DOWN,
              answer.confidence(),
              shown),
          now);
    } else {
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM unanswered WHERE answer_id = ? AND reason = ?")) {
        s.setLong(1, answer.id());
        s.setString(2, Reason.VOTED_DOWN.key());
        s.executeUpdate();
      }
    }
  }

  /** Puts a question in the unanswered log. An answer is logged at most once per reason. */
  public void logUnanswered(UnansweredRecord entry) {
    Objects.requireNonNull(entry, "entry");
    long now = clock.millis();
    database.transaction(
        "logUnanswered",
        c -> {
          insertUnanswered(c, entry, now);
          return null;
        });
  }

  private static void insertUnanswered(Connection c, UnansweredRecord e, long now)
      throws SQLException {
    String sql =
        "INSERT INTO unanswered (chat_id, answer_id, question, reason, confidence, candidates, logged_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, e.chatId());
      if (e.answerId().isPresent()) {
        s.setLong(2, e.answerId().getAsLong());
      } else {
        s.setNull(2, Types.BIGINT);
      }
      s.setString(3, e.question());
      s.setString(4, e.reason().key());
      s.setDouble(5, e.confidence());
      s.setString(6, toJson(e.candidates()));
      s.setLong(7, now);
      s.executeUpdate();
    }
  }

  /**
   * Remembers the last answer in a chat, replacing the one before.
   *
   * @param state the channel's whole context for the chat, e.g. JSON text; stored as it is
   */
  public void saveContext(long chatId, String articleId, String passageId, String state) {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(passageId, "passageId");
    Objects.requireNonNull(state, "state");
    long now = clock.millis();
    String sql =
        "INSERT INTO chat_context (chat_id, article_id, passage_id, state, saved_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (chat_id) DO UPDATE SET article_id = excluded.article_id, passage_id = excluded.passage_id,"
            + " state = excluded.state, saved_at = excluded.saved_at";
    database.transaction(
        "saveContext",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, chatId);
            s.setString(2, articleId);
            s.setString(3, passageId);
            s.setString(4, state);
            s.setLong(5, now);
            return s.executeUpdate();
          }
        });
  }

  /** The chat's last answer if it was saved less than {@code ttl} ago. */
  public Optional<ChatContext> loadContext(long chatId, Duration ttl) {
    long oldest = oldest(ttl);
    String sql =
        "SELECT article_id, passage_id, state, saved_at FROM chat_context WHERE chat_id = ? AND saved_at >= ?";
    return database.transaction(
        "loadContext",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, chatId);
            s.setLong(2, oldest);
            try (ResultSet r = s.executeQuery()) {
              return r.next()
                  ? Optional.of(
                      new ChatContext(
                          chatId,
                          r.getString(1),
                          r.getString(2),
                          Optional.ofNullable(r.getString(3)),
                          Instant.ofEpochMilli(r.getLong(4))))
                  : Optional.empty();
            }
          }
        });
  }

  /**
   * Remembers a context in a group chat, replacing the one before for the same owner; forgets
   * contexts older than {@link #REMEMBER_UPDATES}.
   *
   * @param state the channel's context, e.g. JSON text; stored as it is
   */
  public void saveGroupContext(long chatId, ContextOwner owner, long ownerId, String state) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(state, "state");
    long now = clock.millis();
    String sql =
        "INSERT INTO group_context (chat_id, owner, owner_id, state, saved_at) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (chat_id, owner, owner_id) DO UPDATE SET state = excluded.state,"
            + " saved_at = excluded.saved_at";
    database.transaction(
        "saveGroupContext",
        c -> {
          forgetBefore(c, "group_context", "saved_at", now - REMEMBER_UPDATES.toMillis());
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, chatId);
            s.setString(2, owner.key());
            s.setLong(3, ownerId);
            s.setString(4, state);
            s.setLong(5, now);
            return s.executeUpdate();
          }
        });
  }

  /** The time, in epoch milliseconds, before which a saved context is older than {@code ttl}. */
  private long oldest(Duration ttl) {
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("ttl < 0: " + ttl);
    }
    return clock.millis() - ttl.toMillis();
  }

  /** A group chat's context for {@code owner} if it was saved less than {@code ttl} ago. */
  public Optional<String> loadGroupContext(
      long chatId, ContextOwner owner, long ownerId, Duration ttl) {
    Objects.requireNonNull(owner, "owner");
    long oldest = oldest(ttl);
    String sql =
        "SELECT state FROM group_context WHERE chat_id = ? AND owner = ? AND owner_id = ? AND saved_at >= ?";
    return database.transaction(
        "loadGroupContext",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, chatId);
            s.setString(2, owner.key());
            s.setLong(3, ownerId);
            s.setLong(4, oldest);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** Counts one use of a command (or an entity asked about outside an answer) for today. */
  public void countUsage(UsageKind kind, String name) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    long now = clock.millis();
    database.transaction(
        "countUsage",
        c -> {
          increment(c, kind, name, now);
          return null;
        });
  }

  private static void increment(Connection c, UsageKind kind, String name, long now)
      throws SQLException {
    String sql =
        "INSERT INTO usage_counts (day, kind, name, uses) VALUES (?, ?, ?, 1)"
            + " ON CONFLICT (day, kind, name) DO UPDATE SET uses = usage_counts.uses + 1";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, Math.floorDiv(now, DAY_MILLIS));
      s.setString(2, kind.key());
      s.setString(3, name);
      s.executeUpdate();
    }
  }

  /**
   * Questions, share answered, votes, questions per day and top entities and commands since {@code
   * since}.
   */
  public Stats stats(Instant since) {
    long from = since.toEpochMilli();
    long fromDay = Math.floorDiv(from, DAY_MILLIS);
    return database.transaction(
        "stats",
        c -> {
          long[] totals =
              longs(
                  c,
                  "SELECT COUNT(*), COALESCE(SUM(answered), 0) FROM answers WHERE asked_at >= ?",
                  from);
          long[] votes =
              longs(
                  c,
                  "SELECT COALESCE(SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END), 0)"
                      + " FROM votes WHERE voted_at >= ?",
                  from);
          return new Stats(
              since,
              totals[0],
              totals[1],
              votes[0],
              votes[1],
              perDay(c, from),
              topUsage(c, UsageKind.ENTITY, fromDay),
              topUsage(c, UsageKind.COMMAND, fromDay));
        });
  }

  private static long[] longs(Connection c, String sql, long parameter) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new long[] {r.getLong(1), r.getLong(2)};
      }
    }
  }

  private static List<Stats.Day> perDay(Connection c, long from) throws SQLException {
    String sql =
        "SELECT asked_at / "
            + DAY_MILLIS
            + " AS day, COUNT(*), SUM(answered) FROM answers WHERE asked_at >= ?"
            + " GROUP BY asked_at / "
            + DAY_MILLIS
            + " ORDER BY day";
    List<Stats.Day> days = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, from);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          days.add(new Stats.Day(LocalDate.ofEpochDay(r.getLong(1)), r.getLong(2), r.getLong(3)));
        }
      }
    }
    return days;
  }

  private static List<Stats.Count> topUsage(Connection c, UsageKind kind, long fromDay)
      throws SQLException {
    String sql =
        "SELECT name, SUM(uses) AS total FROM usage_counts WHERE kind = ? AND day >= ?"
            + " GROUP BY name ORDER BY total DESC, name LIMIT "
            + TOP_COUNTS;
    List<Stats.Count> counts = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, kind.key());
      s.setLong(2, fromDay);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          counts.add(new Stats.Count(r.getString(1), r.getLong(2)));
        }
      }
    }
    return counts;
  }

  /**
   * The most frequent questions of the unanswered log since {@code since}, near-duplicates counted
   * together.
   */
  public List<UnansweredGroup> topUnanswered(int limit, Instant since) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    String sql =
        "SELECT question, reason, logged_at, candidates FROM unanswered WHERE logged_at >= ? ORDER BY logged_at DESC, id DESC"
            + " LIMIT "
            + MAX_LOGGED_ROWS;
    List<NearDuplicates.Logged> logged =
        database.transaction(
            "topUnanswered",
            c -> {
              List<NearDuplicates.Logged> rows = new ArrayList<>();
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, since.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    rows.add(
                        new NearDuplicates.Logged(
                            r.getString(1),
                            Reason.ofKey(r.getString(2)),
                            Instant.ofEpochMilli(r.getLong(3)),
                            fromJson(r.getString(4))));
                  }
                }
              }
              return rows;
            });
    Set<String> marked = marks().keySet();
    return NearDuplicates.group(
        logged.stream().filter(l -> !marked.contains(markKey(l.question()))).toList(), limit);
  }

  /** Passages with the most down votes over all time. */
  public List<DownvotedAnswer> mostDownvoted(int limit) {
    return mostDownvoted(limit, Instant.EPOCH);
  }

  /** Passages with the most down votes cast since {@code since}; ties by passage id. */
  public List<DownvotedAnswer> mostDownvoted(int limit, Instant since) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit < 1: " + limit);
    }
    String down = "SUM(CASE WHEN v.vote < 0 THEN 1 ELSE 0 END)";
    String sql =
        "SELECT a.passage_id, a.article_id, "
            + down
            + " AS down, SUM(CASE WHEN v.vote > 0 THEN 1 ELSE 0 END) AS up"
            + " FROM votes v JOIN answers a ON a.id = v.answer_id"
            + " WHERE v.voted_at >= ? AND a.passage_id IS NOT NULL"
            + " GROUP BY a.passage_id, a.article_id HAVING "
            + down
            + " > 0"
            + " ORDER BY down DESC, a.passage_id LIMIT ?";
    return database.transaction(
        "mostDownvoted",
        c -> {
          List<DownvotedAnswer> answers = new ArrayList<>();
          try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, since.toEpochMilli());
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                String passageId = r.getString(1);
                answers.add(
                    new DownvotedAnswer(
                        passageId, r.getString(2), r.getLong(3), r.getLong(4), List.of()));
              }
            }
          }
          List<DownvotedAnswer> withQuestions = new ArrayList<>();
          for (DownvotedAnswer a : answers) {
            withQuestions.add(
                new DownvotedAnswer(
                    a.passageId(),
                    a.articleId(),
                    a.downVotes(),
                    a.upVotes(),
                    downvotedQuestions(c, a.passageId(), since)));
          }
          return withQuestions;
        });
  }

  private static List<String> downvotedQuestions(Connection c, String passageId, Instant since)
      throws SQLException {
    String sql =
        "SELECT DISTINCT a.question FROM answers a JOIN votes v ON v.answer_id = a.id"
            + " WHERE a.passage_id = ? AND v.vote < 0 AND v.voted_at >= ? ORDER BY a.question LIMIT 3";
    List<String> questions = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, passageId);
      s.setLong(2, since.toEpochMilli());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          questions.add(r.getString(1));
        }
      }
    }
    return questions;
  }

  /** Records a chit-chat message ("hi", "thanks!"), kept apart from questions. */
  public void recordSmallTalk(Channel channel, long chatId, String message) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(message, "message");
    long now = clock.millis();
    database.transaction(
        "recordSmallTalk",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO small_talk (channel, chat_id, message, said_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, channel.key());
            s.setLong(2, chatId);
            s.setString(3, message);
            s.setLong(4, now);
            return s.executeUpdate();
          }
        });
  }

  /**
   * Marks every question in {@code questions} (each by its near-duplicate key, so every wording of
   * it) as decided on the desk; a later mark of the same question replaces the earlier one.
   */
  public void mark(Collection<String> questions, Mark mark) {
    Objects.requireNonNull(mark, "mark");
    long now = clock.millis();
    String sql =
        "INSERT INTO desk_marks (question_key, mark, question, marked_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (question_key) DO UPDATE SET mark = excluded.mark, question = excluded.question,"
            + " marked_at = excluded.marked_at";
    database.transaction(
        "mark",
        c -> {
          try (PreparedStatement s = c.prepareStatement(sql)) {
            for (String question : new TreeSet<>(questions)) {
              s.setString(1, markKey(question));
              s.setString(2, mark.key());
              s.setString(3, question);
              s.setLong(4, now);
              s.executeUpdate();
            }
          }
          return null;
        });
  }

  /** The key a question is marked by: its near-duplicate key, or its lowercased text if none. */
  public static String markKey(String question) {
    Set<String> key = NearDuplicates.key(question);
    return key.isEmpty() ? "=" + question.strip().toLowerCase(Locale.ROOT) : String.join(" ", key);
  }

  /** Every marked question key and its mark. */
  public Map<String, Mark> marks() {
    return database.transaction(
        "marks",
        c -> {
          Map<String, Mark> marks = new TreeMap<>();
          try (PreparedStatement s =
                  c.prepareStatement("SELECT question_key, mark FROM desk_marks");
              ResultSet r = s.executeQuery()) {
            while (r.next()) {
              marks.put(r.getString(1), Mark.ofKey(r.getString(2)));
            }
          }
          return marks;
        });
  }

  /**
   * The unanswered log since {@code since}, newest first, with each entry's channel and the text
   * that was shown; questions marked on the desk are left out.
   */
  public List<LoggedQuestion> loggedQuestions(Instant since) {
    String sql =
        "SELECT u.question, u.reason, u.logged_at, a.channel, u.confidence, a.shown_text, u.candidates"
            + " FROM unanswered u LEFT JOIN answers a ON a.id = u.answer_id"
            + " WHERE u.logged_at >= ? ORDER BY u.logged_at DESC, u.id DESC LIMIT "
            + MAX_LOGGED_ROWS;
    Set<String> marked = marks().keySet();
    List<LoggedQuestion> rows =
        database.transaction(
            "loggedQuestions",
            c -> {
              List<LoggedQuestion> read = new ArrayList<>();
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, since.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    read.add(
                        new LoggedQuestion(
                            r.getString(1),
                            Reason.ofKey(r.getString(2)),
                            Instant.ofEpochMilli(r.getLong(3)),
                            Channel.ofKey(r.getString(4)),
                            r.getDouble(5),
                            Optional.ofNullable(r.getString(6)),
                            fromJson(r.getString(7))));
                  }
                }
              }
              return read;
            });
    return rows.stream().filter(q -> !marked.contains(markKey(q.question()))).toList();
  }

  /**
   * A sample of {@code size} confident answers given since {@code since} (answered, confidence at
   * least {@code lowConfidence}, not voted down, not marked), for an editor to spot-check. The
   * sample is deterministic: the answers whose ids hash lowest, so reloading the page shows the
   * same ones and a new answer joins the sample only by outranking one in it.
   */
  public List<Exchange> confidentSample(int size, Instant since, double lowConfidence) {
    if (size < 1) {
      throw new IllegalArgumentException("size < 1: " + size);
    }
    String sql =
        "SELECT a.id, a.channel, a.question, a.confidence, a.passage_id, a.shown_text, a.asked_at"
            + " FROM answers a WHERE a.answered = 1 AND a.confidence >= ? AND a.asked_at >= ?"
            + " AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.answer_id = a.id AND v.vote < 0)"
            + " ORDER BY a.id DESC LIMIT "
            + MAX_LOGGED_ROWS;
    Set<String> marked = marks().keySet();
    List<Exchange> confident =
        database.transaction(
            "confidentSample",
            c -> {
              List<Exchange> read = new ArrayList<>();
              try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setDouble(1, lowConfidence);
                s.setLong(2, since.toEpochMilli());
                try (ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    read.add(
                        new Exchange(
                            r.getLong(1),
                            Channel.ofKey(r.getString(2)),
                            r.getString(3),
                            r.getDouble(4),
                            Optional.ofNullable(r.getString(5)),
                            Optional.ofNullable(r.getString(6)),
                            Instant.ofEpochMilli(r.getLong(7))));
                  }
                }
              }
              return read;
            });
    return confident.stream()
        .filter(e -> !marked.contains(markKey(e.question())))
        .sorted(
            Comparator.comparing((Exchange e) -> mixed(e.answerId()), Long::compareUnsigned)
                .thenComparingLong(Exchange::answerId))
        .limit(size)
        .toList();
  }

  /** SplitMix64's finalizer: a fixed, well-spread hash of an id, the same on every replica. */
  static long mixed(long id) {
    long z = id + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The text last shown for {@code passageId}, if any answer that showed it kept its text. */
  public Optional<String> shownText(String passageId) {
    Objects.requireNonNull(passageId, "passageId");
    return database.transaction(
        "shownText",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT shown_text FROM answers WHERE passage_id = ? AND shown_text IS NOT NULL"
                      + " ORDER BY id DESC LIMIT 1")) {
            s.setString(1, passageId);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** Questions, answers and chit-chat per channel since {@code since}, in {@link Channel} order. */
  public List<ChannelUse> perChannel(Instant since) {
    long from = since.toEpochMilli();
    return database.transaction(
        "perChannel",
        c -> {
          Map<Channel, long[]> counts = new EnumMap<>(Channel.class);
          for (Channel channel : Channel.values()) {
            counts.put(channel, new long[3]);
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT channel, COUNT(*), COALESCE(SUM(answered), 0) FROM answers"
                      + " WHERE asked_at >= ? GROUP BY channel")) {
            s.setLong(1, from);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                long[] n = counts.get(Channel.ofKey(r.getString(1)));
                n[0] = r.getLong(2);
                n[1] = r.getLong(3);
              }
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT channel, COUNT(*) FROM small_talk WHERE said_at >= ? GROUP BY channel")) {
            s.setLong(1, from);
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                counts.get(Channel.ofKey(r.getString(1)))[2] = r.getLong(2);
              }
            }
          }
          List<ChannelUse> uses = new ArrayList<>();
          counts.forEach((channel, n) -> uses.add(new ChannelUse(channel, n[0], n[1], n[2])));
          return uses;
        });
  }

  /**
   * True the first time an update id is seen, false for a second delivery of it (a restart before
   * Telegram heard that it was received, a webhook post retried, two replicas). Ids older than
   * {@link #REMEMBER_UPDATES} are forgotten: Telegram keeps an update for a day at most.
   */
  public boolean firstDelivery(long updateId) {
    long now = clock.millis();
    return database.transaction(
        "firstDelivery",
        c -> {
          forgetBefore(c, "handled_updates", "received_at", now - REMEMBER_UPDATES.toMillis());
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO handled_updates (update_id, received_at) VALUES (?, ?)"
                      + " ON CONFLICT DO NOTHING")) {
            s.setLong(1, updateId);
            s.setLong(2, now);
            return s.executeUpdate() == 1;
          }
        });
  }

  /**
   * Keeps a button's action that does not fit in Telegram's callback data, for the buttons of
   * {@code chatId}; actions older than {@link #REMEMBER_BUTTONS} are forgotten.
   *
   * @return the id the button carries instead
   */
  public long saveButton(long chatId, String command) {
    Objects.requireNonNull(command, "command");
    long now = clock.millis();
    return database.transaction(
        "saveButton",
        c -> {
          forgetBefore(c, "long_buttons", "created_at", now - REMEMBER_BUTTONS.toMillis());
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO long_buttons (chat_id, command, created_at) VALUES (?, ?, ?)"
                      + " RETURNING id")) {
            s.setLong(1, chatId);
            s.setString(2, command);
            s.setLong(3, now);
            try (ResultSet r = s.executeQuery()) {
              r.next();
              return r.getLong(1);
            }
          }
        });
  }

  /**
   * The action {@link #saveButton} kept under {@code id} for a button of {@code chatId}; empty when
   * it is older than {@link #REMEMBER_BUTTONS}, unknown, or kept for another chat.
   */
  public Optional<String> button(long id, long chatId) {
    long oldest = clock.millis() - REMEMBER_BUTTONS.toMillis();
    return database.transaction(
        "button",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT command FROM long_buttons WHERE id = ? AND chat_id = ?"
                      + " AND created_at >= ?")) {
            s.setLong(1, id);
            s.setLong(2, chatId);
            s.setLong(3, oldest);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  /** Deletes the rows of {@code table} whose time {@code column} is before {@code oldest}. */
  private static void forgetBefore(Connection c, String table, String column, long oldest)
      throws SQLException {
    try (PreparedStatement forget =
        c.prepareStatement("DELETE FROM " + table + " WHERE " + column + " < ?")) {
      forget.setLong(1, oldest);
      forget.executeUpdate();
    }
  }

  /**
   * Checks that the database answers and still has every table (a SQLite file deleted under a
   * running bot answers {@code SELECT 1} but has none); throws {@link StoreException} otherwise.
   */
  public void ping() {
    database.transaction(
        "ping",
        c -> {
          for (String table : TABLES) {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0");
                ResultSet r = s.executeQuery()) {
              r.next();
            }
          }
          return true;
        });
  }

  /** Closes the store's connections (PostgreSQL's pool); a closed store cannot be used again. */
  @Override
  public void close() {
    database.close();
  }

  private static String toJson(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always JSON", e);
    }
  }

  private static List<String> fromJson(String json) {
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      // Written by toJson; a row edited by hand shows as it is rather than failing the report.
      return List.of(json);
    }
  }
}
