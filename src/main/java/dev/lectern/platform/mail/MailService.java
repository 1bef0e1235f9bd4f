package dev.lectern.platform.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Sends plain-text mail through the configured SMTP server, in the background: a slow or absent
 * mail server never slows a request, and the time a request takes never tells whether a mail was
 * sent. Without {@code SMTP_HOST} nothing is sent and a warning says so.
 */
@ApplicationScoped
public class MailService {

  private static final Logger LOG = Logger.getLogger(MailService.class.getName());

  @Inject MailConfig config;

  @Resource ManagedExecutorService executor;

  public boolean isConfigured() {
    return config.host().filter(h -> !h.isBlank()).isPresent();
  }

  /** Queues a mail; failures are logged without the body (it may hold a token). */
  public void send(String to, String subject, String body) {
    if (!isConfigured()) {
      LOG.warning("SMTP_HOST is not set: a mail to a platform account was not sent.");
      return;
    }
    executor.execute(
        () -> {
          try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(config.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            Transport.send(message);
          } catch (MessagingException | RuntimeException e) {
            LOG.warning("Mail '" + subject + "' not sent: " + e.getMessage());
          }
        });
  }

  private Session session() {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", config.host().orElseThrow());
    properties.put("mail.smtp.port", Integer.toString(config.port()));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.starttls.enable", Boolean.toString(config.startTls()));
    properties.put("mail.smtp.starttls.required", Boolean.toString(config.startTls()));
    if (config.username().isPresent() && !config.username().get().isBlank()) {
      properties.put("mail.smtp.auth", "true");
      return Session.getInstance(
          properties,
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(
                  config.username().get(), config.password().orElse(""));
            }
          });
    }
    return Session.getInstance(properties);
  }
}
