package dev.lectern.control.ratelimit;

import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.platform.http.AddressRanges;
import java.time.Instant;
import java.util.List;

/**
 * A caller no tier limits: a network ({@code kind} cidr, {@code value} a CIDR range) or an API
 * client ({@code kind} client, {@code value} its client id); only the {@code tiers} listed, or
 * every tier when none is.
 */
public record RateLimitExemption(
    long id,
    String kind,
    String value,
    List<String> tiers,
    String reason,
    Instant createdAt,
    String createdBy) {

  public RateLimitExemption {
    tiers = List.copyOf(tiers);
  }

  /** The exemption with its range parsed once, to be matched on every request. */
  Matcher matcher() {
    return new Matcher(this, kind.equals("cidr") ? AddressRanges.parse(value) : null);
  }

  /** Whether a request of this tier, address and client is exempt. */
  record Matcher(RateLimitExemption exemption, AddressRanges range) {
    boolean covers(RateLimitTier tier, String address, String clientId) {
      if (!exemption.tiers().isEmpty() && !exemption.tiers().contains(tier.label())) {
        return false;
      }
      return range != null
          ? address != null && range.contains(address)
          : exemption.value().equals(clientId);
    }
  }
}
