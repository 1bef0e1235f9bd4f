package dev.lectern.control.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit log; never changed once written. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(updatable = false)
  private String target;

  @Column(nullable = false, updatable = false)
  private String outcome;

  @Column(updatable = false)
  private String ip;

  @Column(name = "user_agent", updatable = false)
  private String userAgent;

  @Column(name = "request_id", updatable = false)
  private String requestId;

  protected AuditEntry() {}

  AuditEntry(
      Instant occurredAt,
      String actor,
      String action,
      String target,
      AuditOutcome outcome,
      String ip,
      String userAgent,
      String requestId) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action;
    this.target = target;
    this.outcome = outcome.label();
    this.ip = ip;
    this.userAgent = userAgent;
    this.requestId = requestId;
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String outcome() {
    return outcome;
  }

  public String ip() {
    return ip;
  }

  public String userAgent() {
    return userAgent;
  }

  public String requestId() {
    return requestId;
  }
}
