package dev.lectern.platform.gate;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The gatekeeper in force, shared between the application that installs it and the filter that
 * every web module runs. Until the application installs one (while it starts) nothing is refused:
 * the rules live in the application's database.
 */
public final class NetworkGate {

  private static final AtomicReference<Gatekeeper> CURRENT = new AtomicReference<>();

  private NetworkGate() {}

  public static void install(Gatekeeper gatekeeper) {
    CURRENT.set(gatekeeper);
  }

  /** Removes the gatekeeper if it is still the one in force (a newer one stays). */
  public static void remove(Gatekeeper gatekeeper) {
    CURRENT.compareAndSet(gatekeeper, null);
  }

  static Gatekeeper current() {
    return CURRENT.get();
  }
}
