package org.briefbot.index;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;

/**
 * A folder whose {@link #copyFrom} links a file of another folder on the same file system instead
 * of copying its bytes, as Lucene's {@code HardlinkCopyDirectoryWrapper} (lucene-misc) does: the
 * writers' shares of a whole archive are added to the index with {@code addIndexes}, which
 * otherwise writes the whole index a second time. Index files are written once and never changed,
 * so the link and the share's file may be the same file; deleting the share's folder after leaves
 * the index's. Copies when a link cannot be made (another file system, no permission).
 */
final class LinkingDirectory extends FilterDirectory {
  LinkingDirectory(Directory in) {
    super(in);
  }

  @Override
  public void copyFrom(Directory from, String source, String dest, IOContext context)
      throws IOException {
    if (FilterDirectory.unwrap(from) instanceof FSDirectory fromFs
        && FilterDirectory.unwrap(this) instanceof FSDirectory toFs) {
      try {
        Files.createLink(toFs.getDirectory().resolve(dest), fromFs.getDirectory().resolve(source));
        return;
      } catch (IOException | UnsupportedOperationException e) {
        // No link was made; copying says why if it fails too.
      }
    }
    super.copyFrom(from, source, dest, context);
  }
}
