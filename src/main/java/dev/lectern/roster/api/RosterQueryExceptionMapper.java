package dev.lectern.roster.api;

import dev.lectern.platform.error.ErrorResponses;
import dev.lectern.roster.query.RosterQueryException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** A refused collection request: 400 with the OneRoster code minor that names the reason. */
@Provider
public class RosterQueryExceptionMapper implements ExceptionMapper<RosterQueryException> {

  @Inject ErrorResponses errors;

  @Override
  public Response toResponse(RosterQueryException failure) {
    return errors.of(400, failure.codeMinor(), failure.getMessage(), List.of());
  }
}
