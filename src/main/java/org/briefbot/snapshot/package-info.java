/**
 * What a knowledge folder was parsed into, kept on disk beside the live Lucene index so that an
 * unchanged folder is neither parsed nor indexed again on the next start: a fingerprint of the
 * folder's files (path, size, modification time) and of the code that wrote the index (the
 * build-derived {@link org.briefbot.snapshot.IndexFormat}), the parsed knowledge without passage
 * text (which lives in the index) and the merged entity catalog, in the snapshot file an index
 * commit names. Knows files, not Lucene.
 */
package org.briefbot.snapshot;
