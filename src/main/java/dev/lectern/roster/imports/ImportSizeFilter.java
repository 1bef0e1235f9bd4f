package dev.lectern.roster.imports;

import dev.lectern.platform.error.ErrorResponses;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Refuses an upload whose declared length exceeds {@code IMPORT_MAX_BYTES} with 413 before any of
 * the body is read (a multipart body may carry up to 64 KiB of framing on top). Bodies without a
 * length are counted as they are stored. Matching comes first and reads no body, so this still
 * answers before the upload is read.
 */
@Provider
@ImportUpload
public class ImportSizeFilter implements ContainerRequestFilter {

  private static final long MULTIPART_FRAMING = 64 * 1024;

  @Inject ImportConfig config;
  @Inject ErrorResponses errors;

  @Override
  public void filter(ContainerRequestContext request) {
    long length = request.getLength();
    long allowed = config.maxBytes() + MULTIPART_FRAMING;
    if (length > allowed) {
      request.abortWith(
          errors.of(
              413,
              "payload_too_large",
              "The package is larger than IMPORT_MAX_BYTES (" + config.maxBytes() + " bytes).",
              List.of()));
    }
  }
}
