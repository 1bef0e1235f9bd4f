package dev.lectern.platform.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A list of IP addresses and CIDR ranges ({@code 10.0.0.0/8, 192.168.1.7, fd00::/8}), and whether
 * an address falls in one. Addresses are literals only: nothing here ever looks a name up.
 */
public final class AddressRanges {

  private final List<Range> ranges;

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      int mask = rest == 0 ? 0 : (0xff << (8 - rest)) & 0xff;
      return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
    }

    /** Two ranges overlap when the wider one holds the other's network address. */
    boolean overlaps(Range other) {
      return prefix <= other.prefix ? contains(other.network) : other.contains(network);
    }

    /** The network address with its host bits cleared, and the prefix. */
    String canonical() {
      byte[] bytes = network.clone();
      for (int bit = prefix; bit < bytes.length * 8; bit++) {
        bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
      try {
        return InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
      } catch (UnknownHostException e) {
        throw new IllegalStateException("an address of 4 or 16 bytes", e);
      }
    }
  }

  private AddressRanges(List<Range> ranges) {
    this.ranges = List.copyOf(ranges);
  }

  /**
   * Parses a comma-separated list; empty text is the empty list.
   *
   * @throws IllegalArgumentException naming the entry that is not an address or range
   */
  public static AddressRanges parse(String text) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : text.split(",")) {
      String item = entry.strip();
      if (item.isEmpty()) {
        continue;
      }
      String[] parts = item.split("/", 2);
      byte[] network =
          literal(parts[0])
              .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + item));
      int prefix = network.length * 8;
      if (parts.length == 2) {
        try {
          prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a CIDR range: " + item, e);
        }
        if (prefix < 0 || prefix > network.length * 8) {
          throw new IllegalArgumentException("not a CIDR range: " + item);
        }
      }
      ranges.add(new Range(network, prefix));
    }
    return new AddressRanges(ranges);
  }

  /**
   * What is wrong with text meant as one address or range no wider than /8 (IPv4) or /32 (IPv6), or
   * empty when it is one: a wider range would name most of a network, for a rule about a few.
   */
  public static Optional<String> singleRangeProblem(String text) {
    if (text.contains(",")) {
      return Optional.of("one address or CIDR range");
    }
    try {
      Range range = parse(text).ranges.get(0);
      int narrowest = range.network().length == 4 ? 8 : 32;
      return range.prefix() < narrowest
          ? Optional.of("a range of at most /8 (IPv4) or /32 (IPv6) addresses")
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    } catch (IndexOutOfBoundsException e) {
      return Optional.of("an address or CIDR range");
    }
  }

  /**
   * One address or range written one way: host bits cleared, the prefix always given ({@code
   * 10.1.0.0/8} is {@code 10.0.0.0/8}, {@code 192.0.2.7} is {@code 192.0.2.7/32}).
   *
   * @throws IllegalArgumentException when the text is not exactly one address or range
   */
  public static String canonical(String text) {
    List<Range> parsed = parse(text).ranges;
    if (parsed.size() != 1) {
      throw new IllegalArgumentException("not one address or CIDR range: " + text);
    }
    return parsed.get(0).canonical();
  }

  /** Whether any range here shares an address with any range of {@code other}. */
  public boolean overlaps(AddressRanges other) {
    return ranges.stream().anyMatch(r -> other.ranges.stream().anyMatch(r::overlaps));
  }

  /** Whether the address (a literal; anything else is in no range) is in one of the ranges. */
  public boolean contains(String address) {
    return literal(address).map(a -> ranges.stream().anyMatch(r -> r.contains(a))).orElse(false);
  }

  /** The bytes of an IP literal, never a DNS lookup. */
  static Optional<byte[]> literal(String text) {
    String candidate = text.strip();
    if (candidate.startsWith("[") && candidate.endsWith("]")) {
      candidate = candidate.substring(1, candidate.length() - 1);
    }
    boolean ipv4 = candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean ipv6 = candidate.contains(":") && candidate.matches("[0-9a-fA-F:.]+");
    if (!ipv4 && !ipv6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(candidate).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
