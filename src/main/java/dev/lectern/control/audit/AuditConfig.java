package dev.lectern.control.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long audit rows are kept; see docs/configuration.md. */
@ApplicationScoped
public class AuditConfig {

  @Inject
  @ConfigProperty(name = "AUDIT_RETENTION_DAYS", defaultValue = "365")
  int retentionDays;

  int retentionDays() {
    return retentionDays;
  }
}
