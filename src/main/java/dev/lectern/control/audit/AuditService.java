package dev.lectern.control.audit;

import dev.lectern.platform.http.ClientAddress;
import dev.lectern.platform.request.RequestIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.security.Principal;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Writes audit rows. Each is committed on its own, so a failed action that rolls back still leaves
 * its audit row, and the caller's request (actor, client address, user agent, request id) is read
 * here, so services only say what happened.
 */
@ApplicationScoped
public class AuditService {

  private static final Logger LOG = Logger.getLogger(AuditService.class.getName());
  private static final int MAX_TEXT = 256;

  @PersistenceContext(unitName = "lectern")
  EntityManager em;

  @Inject HttpServletRequest request;
  @Inject ClientAddress clientAddress;
  @Inject AuditLogLines logLines;

  /** Records an action of the signed-in caller. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String action, String target, AuditOutcome outcome) {
    write(null, action, target, outcome);
  }

  /**
   * Records work of the system that must stand or fall with its audit row: written in the caller's
   * transaction (which must be active), so a change that rolls back leaves no row saying it
   * happened, and a retried one leaves exactly one.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordWithin(String action, String target, AuditOutcome outcome) {
    write("system", action, target, outcome);
  }

  /**
   * Records an action of a named actor: the username a login was attempted for, or {@code system}
   * for work nobody asked for; {@code null} means the signed-in caller.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordAs(String actor, String action, String target, AuditOutcome outcome) {
    write(actor, action, target, outcome);
  }

  /** Writes the row in whatever transaction the public method's declaration gave it. */
  private void write(String actor, String action, String target, AuditOutcome outcome) {
    String ip = null;
    String userAgent = null;
    String requestId = null;
    String caller = "system";
    try {
      Principal principal = request.getUserPrincipal();
      caller = principal != null ? principal.getName() : "anonymous";
      ip = clientAddress.of(request);
      userAgent = request.getHeader("User-Agent");
      requestId = RequestIdFilter.idOf(request);
    } catch (ContextNotActiveException | IllegalStateException e) {
      // Not serving a request: a timer or a startup task.
    }
    AuditEntry entry =
        new AuditEntry(
            Instant.now(),
            bounded(actor != null ? actor : caller),
            action,
            bounded(target),
            outcome,
            ip,
            bounded(userAgent),
            requestId);
    try {
      em.persist(entry);
      em.flush();
      logLines.afterCommit(entry);
    } catch (PersistenceException e) {
      LOG.severe(
          () ->
              "Audit row not written ("
                  + e.getMessage()
                  + "): "
                  + action
                  + " "
                  + outcome.label()
                  + " by "
                  + entry.actor());
      throw e;
    }
  }

  /** Printable and bounded: audit text comes partly from clients. */
  private static String bounded(String text) {
    if (text == null) {
      return null;
    }
    return text.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .limit(MAX_TEXT)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
