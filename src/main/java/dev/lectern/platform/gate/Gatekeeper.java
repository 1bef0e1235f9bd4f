package dev.lectern.platform.gate;

import jakarta.servlet.http.HttpServletRequest;

/** What the application decides for the gate; called on the request's own thread. */
public interface Gatekeeper {

  /** Whether the request is to be refused before any handler sees it. */
  boolean refuses(HttpServletRequest request);

  /** The id a refused request is answered with (the client's own, when it is sane). */
  String requestId(HttpServletRequest request);
}
