package dev.lectern.roster.api;

import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.migration.NeedsSchema;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.RosterRelationships;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What belongs to a school, a class or a user, for support and before a partial restore: {@code GET
 * /api/v1/admin/roster/{schools|classes|users}/{sourcedId}/related}.
 */
@Access({Caller.ADMIN, Caller.OPERATOR})
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/roster/{collection}/{sourcedId}/related")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class RosterRelationshipsResource {

  @Inject RosterRelationships relationships;

  @GET
  public Map<String, Set<String>> related(
      @PathParam("collection") String collection, @PathParam("sourcedId") String sourcedId) {
    RosterRelationships.Scope scope =
        switch (collection) {
          case "schools" -> RosterRelationships.Scope.SCHOOL;
          case "classes" -> RosterRelationships.Scope.CLASS;
          case "users" -> RosterRelationships.Scope.USER;
          default ->
              throw new ApiException(
                  404, "not_found", "Relationships exist for schools, classes and users.");
        };
    Map<RosterType, Set<String>> related = relationships.of(scope, sourcedId);
    if (related.isEmpty()) {
      throw new ApiException(404, "not_found", "No record with this sourcedId.");
    }
    Map<String, Set<String>> byPlural = new LinkedHashMap<>();
    related.forEach((type, ids) -> byPlural.put(type.plural(), ids));
    return byPlural;
  }
}
