package org.briefbot.embedding;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passage vectors on disk, keyed by the SHA-256 of the model id and the exact text embedded, so a
 * restart, a rebuilt index or an unchanged article never embeds the same text twice, and a
 * different model never reads another's vectors. One append-only file per model: a header (magic,
 * dimensions, model id), then records of key and vector. A record cut short by a crash is dropped
 * when the records are first read. Safe for concurrent use within one process.
 *
 * <p>Only the keys and their file offsets are held in memory, and only from the first look-up: a
 * bot that reloads its index from disk never reads the records at all, and one that embeds a
 * 10k-article archive (about 210,000 distinct texts, 330 MB of file) holds some 35 MB of keys, not
 * the vectors. Vectors are read back with positional reads when asked for.
 */
public final class EmbeddingCache implements AutoCloseable {
  private static final int MAGIC = 0x42424531; // "BBE1"
  private static final int KEY_BYTES = 32;

  /** One monitor per cache file in this process; see {@link #underFileLock}. */
  private static final Map<Path, Object> FILE_MONITORS = new ConcurrentHashMap<>();

  private final Path file;
  private final String modelId;
  private final int dimensions;
  private final int recordBytes;

  /** Key to the file offset of its vector; null until the records are first needed. */
  private Map<String, Long> offsets;

  private RandomAccessFile reader;
  private long end;

  private EmbeddingCache(Path file, String modelId, int dimensions) {
    this.file = file;
    this.modelId = modelId;
    this.dimensions = dimensions;
    this.recordBytes = KEY_BYTES + 4 * dimensions;
  }

  /**
   * Opens (or creates) the cache of {@code modelId} in {@code dir}; checks its header, reads no
   * records yet.
   */
  public static EmbeddingCache open(Path dir, String modelId, int dimensions) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions < 1: " + dimensions);
    }
    Path file = dir.resolve(modelId + ".vectors");
    try {
      Files.createDirectories(dir);
      if (!Files.exists(file) || Files.size(file) == 0) {
        Files.write(file, header(modelId, dimensions));
      }
      try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
        checkHeader(in, file, modelId, dimensions);
      }
      return new EmbeddingCache(file, modelId, dimensions);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** The cached vector of exactly this text, if any. */
  public synchronized Optional<float[]> find(String text) {
    Long offset = offsets().get(key(text));
    return offset == null ? Optional.empty() : Optional.of(readVector(offset));
  }

  /** Whether the vector of exactly this text is cached; reads no vector. */
  public synchronized boolean contains(String text) {
    return offsets().containsKey(key(text));
  }

  /** Adds vectors by text and appends them to the file in one write. */
  public synchronized void putAll(Map<String, float[]> byText) {
    Map<String, float[]> fresh = new LinkedHashMap<>();
    Map<String, Long> known = offsets();
    for (Map.Entry<String, float[]> entry : byText.entrySet()) {
      String key = key(entry.getKey());
      float[] vector = checked(entry.getValue());
      if (!known.containsKey(key)) {
        fresh.put(key, vector);
      }
    }
    if (!fresh.isEmpty()) {
      underFileLock(channel -> append(channel, fresh));
    }
  }

  /** Number of vectors held. */
  public synchronized int size() {
    return offsets().size();
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        reader = null;
      }
    }
  }

  private float[] checked(float[] vector) {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException(
          "vector has " + vector.length + " dimensions, the cache " + dimensions);
    }
    return vector;
  }

  /** The key index, read from the file on first use. */
  private Map<String, Long> offsets() {
    if (offsets == null) {
      offsets = underFileLock(this::readOffsets);
    }
    return offsets;
  }

  /**
   * Runs {@code work} holding the file's lock: against other processes (the bot and an eval sharing
   * the folder) and, through one monitor per file, against other caches of this process on the same
   * file (a library being replaced and its successor), whose locks the JVM would refuse as
   * overlapping. Under it, a record cut short can only be a crash's, never a write in progress.
   */
  private <T> T underFileLock(LockedWork<T> work) {
    Object monitor =
        FILE_MONITORS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new Object());
    synchronized (monitor) {
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        channel.lock();
        return work.run(channel);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Cannot use the embedding cache " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** Reads every whole record's key and drops a record a crash cut short. */
  private Map<String, Long> readOffsets(FileChannel channel) throws IOException {
    Map<String, Long> found = new HashMap<>();
    long position = header(modelId, dimensions).length;
    // Not closed: closing the stream would close the channel, which the caller owns.
    DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16));
    in.skipNBytes(position);
    byte[] key = new byte[KEY_BYTES];
    while (readRecord(in, key)) {
      found.put(HexFormat.of().formatHex(key), position + KEY_BYTES);
      position += recordBytes;
    }
    if (channel.size() > position) {
      channel.truncate(position);
    }
    end = position;
    return found;
  }

  /** Reads one key and skips its vector; false at the end or at a record cut short. */
  private boolean readRecord(DataInputStream in, byte[] key) throws IOException {
    try {
      in.readFully(key);
      in.skipNBytes(recordBytes - KEY_BYTES);
      return true;
    } catch (EOFException e) {
      return false;
    }
  }

  /**
   * Reads with a {@link RandomAccessFile}, not a {@code FileChannel}: an interrupt during a channel
   * read closes the channel for every thread, and a library's background embedder is interrupted
   * when the library is replaced, while other threads go on reading the same cache.
   */
  private float[] readVector(long offset) {
    byte[] bytes = new byte[4 * dimensions];
    try {
      if (reader == null) {
        reader = new RandomAccessFile(file.toFile(), "r");
      }
      reader.seek(offset);
      reader.readFully(bytes);
    } catch (EOFException e) {
      throw new UncheckedIOException(
          "Cannot read the embedding cache " + file + ": vector at " + offset + " ends early", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the embedding cache " + file + ": " + e.getMessage(), e);
    }
    float[] vector = new float[dimensions];
    ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
    return vector;
  }

  /**
   * Writes the records not yet in the file at its end. Another cache may have appended since the
   * keys were read (another process, or a library this one replaces): the keys are read again
   * first, so offsets stay those of the file and no text is written twice.
   */
  private Void append(FileChannel channel, Map<String, float[]> fresh) throws IOException {
    if (channel.size() != end) {
      offsets = readOffsets(channel);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<String, Long> added = new HashMap<>();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (Map.Entry<String, float[]> entry : fresh.entrySet()) {
        if (!offsets.containsKey(entry.getKey())) {
          added.put(entry.getKey(), end + bytes.size() + KEY_BYTES);
          out.write(HexFormat.of().parseHex(entry.getKey()));
          for (float value : entry.getValue()) {
            out.writeFloat(value);
          }
        }
      }
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
    long at = end;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
    end = at;
    offsets.putAll(added);
    return null;
  }

  /** Work done on the cache file while holding its lock. */
  @FunctionalInterface
  private interface LockedWork<T> {
    T run(FileChannel channel) throws IOException;
  }

  private String key(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(modelId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static byte[] header(String modelId, int dimensions) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(dimensions);
      out.writeUTF(modelId);
    }
    return bytes.toByteArray();
  }

  private static void checkHeader(DataInputStream in, Path file, String modelId, int dimensions)
      throws IOException {
    int magic = in.readInt();
    int dims = in.readInt();
    String model = in.readUTF();
    if (magic != MAGIC || dims != dimensions || !model.equals(modelId)) {
      throw new IllegalStateException(
          file
              + " is not an embedding cache of "
              + modelId
              + " with "
              + dimensions
              + " dimensions (found "
              + model
              + ", "
              + dims
              + "): move it away to rebuild it");
    }
  }
}
