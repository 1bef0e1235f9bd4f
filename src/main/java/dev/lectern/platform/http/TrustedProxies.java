package dev.lectern.platform.http;

/**
 * Which peers may tell Lectern who the client is ({@code TRUSTED_PROXIES}: addresses and CIDR
 * ranges, IPv4 or IPv6). The client is the socket peer unless that peer is trusted; then it is the
 * nearest untrusted address of {@code X-Forwarded-For}, read from the right, so a client cannot
 * choose its own address by sending the header itself.
 */
public final class TrustedProxies {

  private final AddressRanges ranges;

  private TrustedProxies(AddressRanges ranges) {
    this.ranges = ranges;
  }

  /**
   * Parses {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}; empty text trusts nobody.
   *
   * @throws IllegalArgumentException naming the entry that is not an address or range
   */
  public static TrustedProxies parse(String text) {
    return new TrustedProxies(AddressRanges.parse(text));
  }

  /** The client's address given the socket peer and the {@code X-Forwarded-For} header. */
  public String client(String peer, String forwardedFor) {
    if (forwardedFor == null || !trusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String nearest = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (AddressRanges.literal(hop).isEmpty()) {
        return nearest;
      }
      nearest = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return nearest;
  }

  /** Whether a range shares an address with a trusted proxy. */
  public boolean overlaps(AddressRanges range) {
    return ranges.overlaps(range);
  }

  boolean trusted(String address) {
    return ranges.contains(address);
  }
}
