package dev.lectern.platform.migration;

import dev.lectern.platform.error.ErrorResponses;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Answers 503 for {@link NeedsSchema} resources while the schema is not ready. */
@Provider
@NeedsSchema
@Priority(Priorities.AUTHORIZATION + 100)
public class SchemaReadyFilter implements ContainerRequestFilter {

  @Inject SchemaMigrator migrator;
  @Inject ErrorResponses errors;

  @Override
  public void filter(ContainerRequestContext request) {
    SchemaStatus status = migrator.status();
    if (!status.isReady()) {
      request.abortWith(
          Response.fromResponse(
                  errors.of(
                      503,
                      "database_not_ready",
                      "The database is not ready: " + status.reason() + ".",
                      List.of()))
              .header("Retry-After", "5")
              .build());
    }
  }
}
