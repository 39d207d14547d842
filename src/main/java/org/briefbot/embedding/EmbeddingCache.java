package org.briefbot.embedding;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Passage vectors on disk, keyed by the SHA-256 of the model id and the exact text embedded, so
 * a restart, a rebuilt index or an unchanged article never embeds the same text twice, and a
 * different model never reads another's vectors. One append-only file per model:
 * a header (magic, dimensions, model id), then records of key and vector. A record cut short by
 * a crash is dropped when the file is opened. Safe for concurrent use within one process.
 */
public final class EmbeddingCache {
  private static final int MAGIC = 0x42424531; // "BBE1"
  private static final int KEY_BYTES = 32;

  private final Path file;
  private final String modelId;
  private final int dimensions;
  private final Map<String, float[]> vectors;

  private EmbeddingCache(Path file, String modelId, int dimensions, Map<String, float[]> vectors) {
    this.file = file;
    this.modelId = modelId;
    this.dimensions = dimensions;
    this.vectors = vectors;
  }

  /** Opens (or creates) the cache of {@code modelId} in {@code dir}. */
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
      return new EmbeddingCache(file, modelId, dimensions, read(file, modelId, dimensions));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  /** The cached vector of exactly this text, if any. */
  public synchronized Optional<float[]> find(String text) {
    return Optional.ofNullable(vectors.get(key(text))).map(float[]::clone);
  }

  /** Adds vectors by text and appends them to the file in one write. */
  public synchronized void putAll(Map<String, float[]> byText) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (Map.Entry<String, float[]> entry : byText.entrySet()) {
        String key = key(entry.getKey());
        if (vectors.putIfAbsent(key, checked(entry.getValue()).clone()) == null) {
          out.write(HexFormat.of().parseHex(key));
          for (float value : entry.getValue()) {
            out.writeFloat(value);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    append(bytes.toByteArray());
  }

  /** Number of vectors held. */
  public synchronized int size() {
    return vectors.size();
  }

  public Path file() {
    return file;
  }

  private float[] checked(float[] vector) {
    if (vector.length != dimensions) {
      throw new IllegalArgumentException("vector has " + vector.length + " dimensions, the cache " + dimensions);
    }
    return vector;
  }

  private void append(byte[] records) {
    if (records.length == 0) {
      return;
    }
    // The lock keeps two processes sharing the folder (the bot and an eval) from interleaving records.
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        FileLock lock = channel.lock()) {
      ByteBuffer buffer = ByteBuffer.wrap(records);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the embedding cache " + file + ": " + e.getMessage(), e);
    }
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

  private static Map<String, float[]> read(Path file, String modelId, int dimensions) throws IOException {
    Map<String, float[]> vectors = new HashMap<>();
    long whole;
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
      checkHeader(in, file, modelId, dimensions);
      whole = header(modelId, dimensions).length;
      byte[] record = new byte[KEY_BYTES + 4 * dimensions];
      while (readRecord(in, record)) {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        byte[] key = new byte[KEY_BYTES];
        buffer.get(key);
        float[] vector = new float[dimensions];
        buffer.asFloatBuffer().get(vector);
        vectors.put(HexFormat.of().formatHex(key), vector);
        whole += record.length;
      }
    }
    dropPartialRecord(file, whole);
    return vectors;
  }

  private static void checkHeader(DataInputStream in, Path file, String modelId, int dimensions) throws IOException {
    int magic = in.readInt();
    int dims = in.readInt();
    String model = in.readUTF();
    if (magic != MAGIC || dims != dimensions || !model.equals(modelId)) {
      throw new IllegalStateException(file + " is not an embedding cache of " + modelId + " with " + dimensions
          + " dimensions (found " + model + ", " + dims + "): move it away to rebuild it");
    }
  }

  private static boolean readRecord(DataInputStream in, byte[] record) throws IOException {
    try {
      in.readFully(record);
      return true;
    } catch (EOFException e) {
      return false;
    }
  }

  private static void dropPartialRecord(Path file, long whole) throws IOException {
    if (Files.size(file) > whole) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(whole);
      }
    }
  }
}
