package dev.lectern.control.mode;

import dev.lectern.control.policy.ModeExposure;

/**
 * Which requests a mode refuses, from the exposure the matched resource method declares and whether
 * it reads or writes. Pure.
 */
final class ModeRules {

  private ModeRules() {}

  static boolean refuses(OperatingMode mode, String method, ModeExposure exposure) {
    if (mode == OperatingMode.NORMAL || exposure == ModeExposure.ALWAYS_OPEN) {
      return false;
    }
    if (mode == OperatingMode.MAINTENANCE) {
      return exposure == ModeExposure.SERVICE;
    }
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
  }
}
