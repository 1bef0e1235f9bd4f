package dev.lectern.control.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How often the feed reads the topic versions without a notification; see docs/configuration.md.
 */
@ApplicationScoped
public class ChangeFeedConfig {

  @Inject
  @ConfigProperty(name = "CHANGE_FEED_POLL_MILLIS", defaultValue = "1000")
  long pollMillis;

  long pollMillis() {
    return Math.max(100, pollMillis);
  }
}
