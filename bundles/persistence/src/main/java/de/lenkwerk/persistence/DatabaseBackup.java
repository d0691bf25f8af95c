package de.lenkwerk.persistence;

import java.io.File;
import org.osgi.annotation.versioning.ProviderType;

/** An online backup of the platform database while the platform keeps serving. */
@ProviderType
public interface DatabaseBackup {

  /**
   * Copies the database into an empty or new directory and returns the folder of the copy.
   * Throws IllegalStateException with a German reason (another database than the embedded Derby,
   * a directory that is not empty, a failed copy).
   */
  File backup(File directory);
}
