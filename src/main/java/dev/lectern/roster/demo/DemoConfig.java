package dev.lectern.roster.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether an empty roster is filled with the demo district; see docs/configuration.md. */
@ApplicationScoped
public class DemoConfig {

  @Inject
  @ConfigProperty(name = "LECTERN_DEMO_DATA", defaultValue = "false")
  boolean enabled;

  boolean enabled() {
    return enabled;
  }
}
