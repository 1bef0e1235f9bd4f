package dev.lectern.ops.health;

import dev.lectern.control.feed.ChangeListener;
import dev.lectern.control.maintenance.MaintenanceWindowService;
import dev.lectern.control.mode.ModeService;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateExempt;
import dev.lectern.ops.backup.BackupStatus;
import dev.lectern.platform.config.BuildInfo;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The detailed health report for people and dashboards: {@code healthy} when every dependency
 * answers, {@code degraded} when only an optional one (Redis) is down, the backup directory holds
 * archives this server cannot open, or a directory Lectern writes to is nearly full or not
 * writable; {@code unhealthy} (503) when a required dependency is down.
 */
@Access(Caller.ANYONE)
@RateExempt("Probes answer orchestrators whatever the load.")
@ModePolicy(ModeExposure.ALWAYS_OPEN)
@Path("api/v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthReportResource {

  @Inject HealthChecks health;
  @Inject BuildInfo build;
  @Inject ModeService modes;
  @Inject BackupStatus backups;
  @Inject MaintenanceWindowService windows;
  @Inject ChangeListener changeFeed;
  @Inject DiskSpace disks;

  @GET
  public Response report() {
    List<HealthCheckResponse> checks = health.readiness();
    Map<String, Object> views = HealthViews.byName(checks);
    List<DiskUsage> disk = disks.all();
    boolean diskTrouble = disk.stream().anyMatch(d -> !d.ok());
    String status = overallStatus(checks, backups.hasUnreadable() || diskTrouble);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    body.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    body.put("version", build.version());
    body.put("mode", modes.effective().label());
    windows
        .announced()
        .ifPresent(
            window ->
                body.put(
                    "maintenanceWindow",
                    Map.of(
                        "id", window.id(),
                        "start", window.start().toString(),
                        "end", window.end().toString(),
                        "mode", window.mode().label())));
    body.put("changeFeed", changeFeed.status());
    body.put("checks", views);
    body.put("backups", backups.healthData());
    body.put("disk", disk);
    return Response.status("unhealthy".equals(status) ? 503 : 200).entity(body).build();
  }

  private static String overallStatus(List<HealthCheckResponse> checks, boolean localTrouble) {
    if (!HealthChecks.allUp(checks)) {
      return "unhealthy";
    }
    boolean fallback =
        checks.stream()
            .anyMatch(c -> c.getData().map(d -> "fallback".equals(d.get("mode"))).orElse(false));
    return fallback || localTrouble ? "degraded" : "healthy";
  }
}
