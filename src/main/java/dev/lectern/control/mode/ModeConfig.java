package dev.lectern.control.mode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The mode a replica puts the cluster in when it starts; see docs/configuration.md. */
@ApplicationScoped
public class ModeConfig {

  @Inject
  @ConfigProperty(name = "MAINTENANCE_MODE")
  Optional<String> bootMode;

  Optional<String> bootMode() {
    return bootMode;
  }
}
