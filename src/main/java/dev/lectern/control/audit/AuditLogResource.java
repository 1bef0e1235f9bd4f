package dev.lectern.control.audit;

import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.http.UtcInstants;
import dev.lectern.platform.migration.NeedsSchema;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The audit log for admins and operators: {@code GET /api/v1/admin/audit-logs}. */
@Access(Caller.ADMIN)
@RateTier(RateLimitTier.ADMIN)
@ModePolicy(ModeExposure.ADMINISTRATION)
@Path("api/v1/admin/audit-logs")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

  @Inject AuditRepository audit;

  /** One row as shown to operators. */
  public record AuditLogView(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String target,
      String outcome,
      String ip,
      String userAgent,
      String requestId) {

    static AuditLogView of(AuditEntry e) {
      return new AuditLogView(
          e.id(),
          e.occurredAt(),
          e.actor(),
          e.action(),
          e.target(),
          e.outcome(),
          e.ip(),
          e.userAgent(),
          e.requestId());
    }
  }

  /** A page, newest first. */
  public record AuditLogPage(List<AuditLogView> auditLogs, long total, int offset, int limit) {}

  @Access({Caller.ADMIN, Caller.OPERATOR})
  @GET
  public AuditLogPage list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    AuditQuery query =
        new AuditQuery(
            present(actor),
            present(action),
            present(outcome).map(AuditLogResource::outcome),
            present(since).map(v -> instant("since", v)),
            present(until).map(v -> instant("until", v)),
            offset,
            limit);
    List<AuditLogView> rows = audit.find(query).stream().map(AuditLogView::of).toList();
    return new AuditLogPage(rows, audit.count(query), offset, limit);
  }

  private static Optional<String> present(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static AuditOutcome outcome(String value) {
    try {
      return AuditOutcome.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          400, "invalid_parameter", "outcome must be success, failure or denied.");
    }
  }

  private static Instant instant(String name, String value) {
    return UtcInstants.parse(value)
        .orElseThrow(
            () ->
                new ApiException(
                    400,
                    "invalid_parameter",
                    name + " must be an ISO 8601 UTC time such as 2026-11-24T00:00:00Z."));
  }
}
