package dev.lectern.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SMTP server Lectern sends mail through; see docs/configuration.md. */
@ApplicationScoped
public class MailConfig {

  @Inject
  @ConfigProperty(name = "SMTP_HOST")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "SMTP_PORT", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "SMTP_FROM", defaultValue = "lectern@localhost")
  String from;

  @Inject
  @ConfigProperty(name = "SMTP_USERNAME")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "SMTP_PASSWORD")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "SMTP_STARTTLS", defaultValue = "false")
  boolean startTls;

  /** Unset or blank: no mail is sent (and the reason is logged). */
  Optional<String> host() {
    return host;
  }

  int port() {
    return port;
  }

  String from() {
    return from;
  }

  Optional<String> username() {
    return username;
  }

  Optional<String> password() {
    return password;
  }

  boolean startTls() {
    return startTls;
  }
}
