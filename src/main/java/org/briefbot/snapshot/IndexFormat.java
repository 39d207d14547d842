package org.briefbot.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The format of a cached index, derived by the build instead of bumped by hand: a checksum of the
 * sources that decide what an index entry holds (parsing, entities, analysis and fields, embedded
 * texts, this snapshot) and the versions of the libraries that parse, analyse and embed. The build
 * writes it to {@value #RESOURCE} beside this class (pom.xml, execution {@code index-format}); it
 * goes into every {@link Fingerprint}, so an entry written by other code is built afresh instead of
 * read back.
 */
public final class IndexFormat {
  static final String RESOURCE = "index-format.properties";

  private IndexFormat() {}

  /** This build's index format; fails when the build did not generate it. */
  public static String current() {
    try (InputStream in = IndexFormat.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the class path: build with Maven, which generates it");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      String format = properties.getProperty("format", "").strip();
      if (format.isEmpty() || format.contains("${")) {
        throw new IllegalStateException(RESOURCE + " has no complete format: '" + format + "'");
      }
      return format;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
