package org.briefbot.snapshot;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.briefbot.entities.ArticleLinks;
import org.briefbot.entities.Entity;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.EntityEntry;
import org.briefbot.knowledge.EntityNote;
import org.briefbot.knowledge.FaqItem;
import org.briefbot.knowledge.IngestProblem;
import org.briefbot.knowledge.IngestReport;
import org.briefbot.knowledge.Knowledge;

/**
 * Reads and writes a {@link Snapshot} as one binary file. Each distinct string is written once and
 * referred to by number after that: entity notes repeat in every article that relates the entity,
 * and reading them back shares one copy in memory too.
 */
public final class SnapshotFile {
  private static final String MAGIC = "briefbot-snapshot";
  private static final int VERSION = 3;
  private static final int BUFFER = 1 << 20;

  private SnapshotFile() {}

  public static void write(Path file, Snapshot snapshot) {
    try (Out out =
        new Out(
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER)))) {
      out.data.writeUTF(MAGIC);
      out.data.writeInt(VERSION);
      writeKnowledge(out, snapshot.knowledge());
      out.list(
          snapshot.entities(),
          e -> {
            out.string(e.name());
            out.strings(e.aliases());
            out.string(e.kind());
            out.string(e.summary());
            out.strings(e.articleIds());
            out.strings(e.related());
            out.string(e.description());
          });
      out.list(
          List.copyOf(new TreeMap<>(snapshot.links()).entrySet()),
          e -> {
            out.string(e.getKey());
            out.strings(e.getValue().inTitle());
            out.list(e.getValue().inPassages(), out::strings);
          });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public static Snapshot read(Path file) {
    try (In in =
        new In(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER)))) {
      if (!MAGIC.equals(in.data.readUTF()) || in.data.readInt() != VERSION) {
        throw new IOException("not a snapshot of this version");
      }
      Knowledge knowledge = readKnowledge(in);
      List<Entity> entities =
          in.list(
              () ->
                  new Entity(
                      in.string(),
                      in.strings(),
                      in.string(),
                      in.string(),
                      in.strings(),
                      in.strings(),
                      in.string()));
      Map<String, ArticleLinks> links = new HashMap<>();
      int articles = in.data.readInt();
      for (int i = 0; i < articles; i++) {
        links.put(in.string(), new ArticleLinks(in.strings(), in.list(in::strings)));
      }
      return new Snapshot(knowledge, entities, links);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          "Cannot read " + file + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  private static void writeKnowledge(Out out, Knowledge knowledge) throws IOException {
    out.list(
        knowledge.articles(),
        a -> {
          out.string(a.id());
          out.string(a.title());
          out.strings(a.hashtags());
          out.strings(a.themes());
          out.data.writeLong(a.published().getEpochSecond());
          out.data.writeInt(a.published().getNano());
          out.string(a.source().toString());
          out.list(
              a.entityNotes(),
              n -> {
                out.string(n.name());
                out.string(n.kind());
                out.string(n.summary());
              });
          out.strings(a.mentionedEntities());
          out.string(a.link().map(URI::toString).orElse(""));
        });
    out.list(
        knowledge.faqItems(),
        f -> {
          out.string(f.id());
          out.strings(f.questions());
          out.string(f.answer());
          out.string(f.article().orElse(""));
          out.strings(f.entities());
        });
    out.list(
        knowledge.entities(),
        e -> {
          out.string(e.name());
          out.strings(e.aliases());
          out.string(e.kind());
          out.string(e.summary());
        });
    out.list(knowledge.report().filesRead(), p -> out.string(p.toString()));
    out.list(
        knowledge.report().problems(),
        p -> {
          out.string(p.path().toString());
          out.data.writeInt(p.line());
          out.string(p.reason());
          out.data.writeBoolean(p.fatal());
        });
  }

  private static Knowledge readKnowledge(In in) throws IOException {
    List<Article> articles =
        in.list(
            () ->
                new Article(
                    in.string(),
                    in.string(),
                    in.strings(),
                    in.strings(),
                    Instant.ofEpochSecond(in.data.readLong(), in.data.readInt()),
                    Path.of(in.string()),
                    List.of(),
                    in.list(() -> new EntityNote(in.string(), in.string(), in.string())),
                    in.strings(),
                    Optional.of(in.string()).filter(s -> !s.isEmpty()).map(URI::create)));
    List<FaqItem> faq =
        in.list(
            () ->
                new FaqItem(
                    in.string(),
                    in.strings(),
                    in.string(),
                    Optional.of(in.string()).filter(s -> !s.isEmpty()),
                    in.strings()));
    List<EntityEntry> curated =
        in.list(() -> new EntityEntry(in.string(), in.strings(), in.string(), in.string()));
    List<Path> filesRead = in.list(() -> Path.of(in.string()));
    List<IngestProblem> problems =
        in.list(
            () ->
                new IngestProblem(
                    Path.of(in.string()), in.data.readInt(), in.string(), in.data.readBoolean()));
    return new Knowledge(articles, faq, curated, new IngestReport(filesRead, problems));
  }

  private interface Writing<T> {
    void write(T value) throws IOException;
  }

  private interface Reading<T> {
    T read() throws IOException;
  }

  private static final class Out implements AutoCloseable {
    final DataOutputStream data;
    private final Map<String, Integer> seen = new HashMap<>();

    Out(DataOutputStream data) {
      this.data = data;
    }

    void string(String s) throws IOException {
      Integer index = seen.get(s);
      if (index != null) {
        data.writeInt(index);
        return;
      }
      seen.put(s, seen.size());
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      data.writeInt(-1);
      data.writeInt(bytes.length);
      data.write(bytes);
    }

    void strings(List<String> values) throws IOException {
      list(values, this::string);
    }

    <T> void list(List<T> values, Writing<T> each) throws IOException {
      data.writeInt(values.size());
      for (T value : values) {
        each.write(value);
      }
    }

    @Override
    public void close() throws IOException {
      data.close();
    }
  }

  private static final class In implements AutoCloseable {
    final DataInputStream data;
    private final List<String> seen = new ArrayList<>();

    In(DataInputStream data) {
      this.data = data;
    }

    String string() throws IOException {
      int index = data.readInt();
      if (index >= 0) {
        return seen.get(index);
      }
      byte[] bytes = new byte[data.readInt()];
      data.readFully(bytes);
      String s = new String(bytes, StandardCharsets.UTF_8);
      seen.add(s);
      return s;
    }

    List<String> strings() throws IOException {
      return list(this::string);
    }

    <T> List<T> list(Reading<T> each) throws IOException {
      int size = data.readInt();
      if (size < 0) {
        throw new IOException("negative list size " + size);
      }
      List<T> values = new ArrayList<>(Math.min(size, 1 << 16));
      for (int i = 0; i < size; i++) {
        values.add(each.read());
      }
      return values;
    }

    @Override
    public void close() throws IOException {
      data.close();
    }
  }
}
