package dev.lectern.control.access;

import dev.lectern.platform.gate.Gatekeeper;
import dev.lectern.platform.http.AddressRanges;
import dev.lectern.platform.http.ClientAddress;
import dev.lectern.platform.http.TrustedProxies;
import dev.lectern.platform.request.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.metrics.Counter;

/**
 * The decision the gate asks for on every request of every web module. It runs on threads of
 * Liberty's own endpoints too, so it holds plain values (ranges, proxies, a counter) and never
 * calls into CDI or MicroProfile Config there.
 */
final class AccessGatekeeper implements Gatekeeper {

  private final TrustedProxies proxies;
  private final Counter refused;

  /** The denied ranges, or null while none is: most requests then cost one read. */
  private volatile AddressRanges denied;

  AccessGatekeeper(TrustedProxies proxies, Counter refused) {
    this.proxies = proxies;
    this.refused = refused;
  }

  void deny(AddressRanges ranges) {
    denied = ranges;
  }

  @Override
  public boolean refuses(HttpServletRequest request) {
    AddressRanges ranges = denied;
    if (ranges == null) {
      return false;
    }
    String client = proxies.client(request.getRemoteAddr(), ClientAddress.forwardedFor(request));
    if (!ranges.contains(client)) {
      return false;
    }
    refused.inc();
    return true;
  }

  @Override
  public String requestId(HttpServletRequest request) {
    return RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
  }
}
