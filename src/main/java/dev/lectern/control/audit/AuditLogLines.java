package dev.lectern.control.audit;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Each audit row also as a log line of its own kind, so a log shipper can forward the audit trail
 * to a SIEM without reading the database: logger {@code dev.lectern.audit}, and in Liberty's JSON
 * the fields {@code ext_eventType} ({@code lectern_audit}), {@code ext_auditAction}, {@code
 * ext_auditActor}, {@code ext_auditTarget}, {@code ext_auditOutcome}, {@code ext_auditIp} beside
 * the request's {@code ext_requestId}. Written once the row's transaction commits: a row that rolls
 * back leaves no line.
 */
@ApplicationScoped
public class AuditLogLines {

  public static final String LOGGER = "dev.lectern.audit";
  private static final Logger LOG = Logger.getLogger(LOGGER);

  @Resource TransactionSynchronizationRegistry transactions;

  void afterCommit(AuditEntry entry) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              write(entry);
            }
          }
        });
  }

  private static void write(AuditEntry entry) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("eventType", "lectern_audit");
    fields.put("auditAction", entry.action());
    fields.put("auditActor", entry.actor());
    fields.put("auditTarget", entry.target());
    fields.put("auditOutcome", entry.outcome());
    fields.put("auditIp", entry.ip());
    fields.forEach(
        (name, value) -> {
          if (value != null) {
            LogRecordContext.addExtension(name, value);
          }
        });
    try {
      LOG.info(
          () ->
              "Audit: "
                  + entry.action()
                  + " "
                  + entry.outcome()
                  + " by "
                  + entry.actor()
                  + (entry.target() == null ? "" : " on " + entry.target()));
    } finally {
      fields.keySet().forEach(LogRecordContext::removeExtension);
    }
  }
}
