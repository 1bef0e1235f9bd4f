package dev.lectern.control.access;

import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.error.ErrorBody.FieldProblem;
import dev.lectern.platform.http.AddressRanges;
import dev.lectern.platform.http.TrustedProxies;
import java.util.List;

/**
 * What a network to deny must be: one address or range no wider than /8 (IPv4) or /32 (IPv6),
 * holding neither the address of the admin denying it, nor a trusted proxy, nor the loopback
 * address local health checks use, since a rule covering any of them would refuse every request
 * that comes through it and lock out the people who would lift it.
 */
final class DeniableRange {

  private DeniableRange() {}

  /**
   * The range written one way ({@code 10.1.0.0/8} is {@code 10.0.0.0/8}).
   *
   * @throws ApiException 422 when it is not one narrow enough range, 409 when it holds the caller,
   *     a trusted proxy or loopback
   */
  static String check(String text, String caller, TrustedProxies proxies) {
    String cidr = text.strip();
    AddressRanges.singleRangeProblem(cidr)
        .ifPresent(
            problem -> {
              throw new ApiException(
                  422,
                  "validation_failed",
                  "The rule is not valid.",
                  List.of(new FieldProblem("cidr", problem)));
            });
    String canonical = AddressRanges.canonical(cidr);
    AddressRanges range = AddressRanges.parse(canonical);
    if (caller != null && range.contains(caller)) {
      throw new ApiException(
          409,
          "denies_caller",
          "That range holds your own address ("
              + caller
              + "): deny it from another network, or it would lock you out.");
    }
    if (range.contains("127.0.0.1") || range.contains("::1") || proxies.overlaps(range)) {
      throw new ApiException(
          409,
          "denies_infrastructure",
          "That range holds a trusted proxy (TRUSTED_PROXIES) or the loopback address local health"
              + " checks use: every request through them would be refused.");
    }
    return canonical;
  }
}
