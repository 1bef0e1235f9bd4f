package dev.lectern.control.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * What an {@link Audited} resource method tells the audit row about its request: the target when
 * the path alone does not name it (the id of the job it queued, the client id of the key it
 * issued), and the outcome when the status does not say it (a verification that ran and failed).
 */
@RequestScoped
public class AuditTrail {

  private String target;
  private AuditOutcome outcome;

  /** Names what the action was done to. */
  public void target(String target) {
    this.target = target;
  }

  /** Overrides the outcome the status would give. */
  public void outcome(AuditOutcome outcome) {
    this.outcome = outcome;
  }

  Optional<String> target() {
    return Optional.ofNullable(target);
  }

  Optional<AuditOutcome> outcome() {
    return Optional.ofNullable(outcome);
  }
}
