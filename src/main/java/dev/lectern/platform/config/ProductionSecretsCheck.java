package dev.lectern.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With {@code LECTERN_MODE=production}, the application refuses to start when a secret is missing
 * or too short: a weak key found at 2 a.m. during a restore is worse than a deployment that fails
 * at once and says which key to fix. Development mode only warns.
 */
@ApplicationScoped
public class ProductionSecretsCheck {

  private static final Logger LOG = Logger.getLogger(ProductionSecretsCheck.class.getName());

  void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Config config = ConfigProvider.getConfig();
    String mode =
        config.getOptionalValue("LECTERN_MODE", String.class).orElse("development").strip();
    List<String> problems =
        SecretRules.problems(key -> config.getOptionalValue(key, String.class).orElse(null));
    if (problems.isEmpty()) {
      return;
    }
    if (mode.toLowerCase(Locale.ROOT).equals("production")) {
      String message =
          "LECTERN_MODE=production refuses to start: " + String.join("; ", problems) + ".";
      LOG.severe(message);
      throw new IllegalStateException(message);
    }
    LOG.warning(
        () ->
            "Not fit for production (LECTERN_MODE="
                + mode
                + "): "
                + String.join("; ", problems)
                + ".");
  }
}
