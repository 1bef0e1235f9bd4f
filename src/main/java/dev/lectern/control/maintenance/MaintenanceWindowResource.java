package dev.lectern.control.maintenance;

import dev.lectern.control.audit.AuditTrail;
import dev.lectern.control.audit.Audited;
import dev.lectern.control.mode.OperatingMode;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody.FieldProblem;
import dev.lectern.platform.http.BaseUrls;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Maintenance windows for admins (operators read): {@code /api/v1/admin/maintenance-windows}. Open
 * in every mode, so a window can be extended or cancelled while it runs.
 */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/admin/maintenance-windows")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceWindowResource {

  /** Past windows listed at most. */
  private static final int PAST_SHOWN = 50;

  /** A plan: times ISO 8601 UTC, mode read-only or maintenance, notice ISO 8601 (PT24H). */
  public record NewWindow(
      @NotNull Instant start,
      @NotNull Instant end,
      @NotBlank String mode,
      @NotBlank @Size(max = 500) String reason,
      String notice) {}

  /** A new, later end. */
  public record Extension(@NotNull Instant end) {}

  @Inject MaintenanceWindowService windows;
  @Inject AuditTrail audit;
  @Inject BaseUrls baseUrls;
  @Inject HttpServletRequest servletRequest;

  /**
   * Upcoming and active windows soonest first, then the latest past ones; {@code state} filters.
   */
  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public List<MaintenanceWindowView> list(@QueryParam("state") String state) {
    List<MaintenanceWindowView> all =
        windows.list(PAST_SHOWN).stream().map(MaintenanceWindowView::of).toList();
    if (state == null || state.isBlank()) {
      return all;
    }
    if (!List.of("upcoming", "active", "past").contains(state)) {
      throw invalid("state", "must be upcoming, active or past");
    }
    return all.stream().filter(view -> view.phase().equals(state)).toList();
  }

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  @Path("{id}")
  public MaintenanceWindowView get(@PathParam("id") String id) {
    return windows
        .find(parse(id))
        .map(window -> MaintenanceWindowView.of(window))
        .orElseThrow(() -> new ApiException(404, "not_found", "No maintenance window " + id + "."));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("maintenance.window.create")
  public Response plan(@NotNull @Valid NewWindow plan, @Context SecurityContext security) {
    OperatingMode mode =
        OperatingMode.fromLabel(plan.mode())
            .filter(m -> m != OperatingMode.NORMAL)
            .orElseThrow(() -> invalid("mode", "must be read-only or maintenance"));
    Duration notice = notice(plan.notice());
    MaintenanceWindow window =
        windows.plan(
            plan.start(),
            plan.end(),
            mode,
            plan.reason().strip(),
            notice,
            security.getUserPrincipal().getName());
    audit.target(MaintenanceTransitions.describe(window));
    return Response.created(
            URI.create(
                baseUrls.of(servletRequest) + "api/v1/admin/maintenance-windows/" + window.id()))
        .entity(MaintenanceWindowView.of(window))
        .build();
  }

  @POST
  @Path("{id}/extend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("maintenance.window.extend")
  public MaintenanceWindowView extend(
      @PathParam("id") String id, @NotNull @Valid Extension extension) {
    MaintenanceWindow window = windows.extend(parse(id), extension.end());
    audit.target(MaintenanceTransitions.describe(window));
    return MaintenanceWindowView.of(window);
  }

  /** Cancels a window not yet started, or ends a running one now. */
  @POST
  @Path("{id}/cancel")
  @Audited("maintenance.window.cancel")
  public MaintenanceWindowView cancel(
      @PathParam("id") String id, @Context SecurityContext security) {
    MaintenanceWindow window = windows.cancel(parse(id), security.getUserPrincipal().getName());
    audit.target(MaintenanceTransitions.describe(window));
    return MaintenanceWindowView.of(window);
  }

  private static Duration notice(String notice) {
    if (notice == null || notice.isBlank()) {
      return MaintenanceWindowRules.DEFAULT_NOTICE;
    }
    try {
      return Duration.parse(notice.strip());
    } catch (DateTimeParseException e) {
      throw invalid("notice", "must be an ISO 8601 duration such as PT24H");
    }
  }

  private static long parse(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiException(404, "not_found", "No maintenance window " + id + ".");
  }

  private static ApiException invalid(String field, String problem) {
    return new ApiException(
        422,
        "validation_failed",
        "The maintenance window is not valid.",
        List.of(new FieldProblem(field, problem)));
  }
}
