package dev.lectern.ops.backup.archive;

import java.io.IOException;

/** An archive that cannot be trusted or read; the message is safe to show an operator. */
public class ArchiveException extends IOException {

  private static final long serialVersionUID = 1L;

  public ArchiveException(String message) {
    super(message);
  }
}
