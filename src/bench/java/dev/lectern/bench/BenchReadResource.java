package dev.lectern.bench;

import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateExempt;
import dev.lectern.platform.http.BaseUrls;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.RosterQueryService;
import dev.lectern.roster.query.RosterView;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Built only by the {@code bench} Maven profile, never into the production WAR: the service call
 * behind {@code GET /ims/oneroster/rostering/v1p2/users/{id}}, without token verification, the
 * OneRoster access filter and its rate limit, so bench/request-overhead can measure what they add.
 */
@Access(Caller.ANYONE)
@RateExempt("A benchmark baseline without the limits it is compared with.")
@ModePolicy(ModeExposure.SERVICE)
@Path("bench/users/{sourcedId}")
public class BenchReadResource {

  @Inject RosterQueryService queries;
  @Context HttpServletRequest request;
  @Inject BaseUrls baseUrls;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public byte[] user(@PathParam("sourcedId") String sourcedId) throws SQLException {
    String base = baseUrls.of(request) + "ims/oneroster/rostering/v1p2/";
    return queries
        .single(
            RosterView.all(RosterType.USER),
            "user",
            sourcedId,
            RosterType.USER.fields(),
            Optional.empty(),
            base)
        .orElseThrow(NotFoundException::new);
  }
}
