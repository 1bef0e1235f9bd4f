/**
 * The network gate: a servlet filter that Liberty puts in front of every web module it serves
 * (Lectern, and Liberty's own /metrics, /health, /openapi, /ibm/api), so an address range an admin
 * denies is refused before any handler runs. These classes ship in a library of their own ({@code
 * lib/gate}, loaded once by Liberty and shared with the application), not in the WAR: what to
 * refuse is decided by the application through the {@link dev.lectern.platform.gate.Gatekeeper} it
 * installs.
 */
package dev.lectern.platform.gate;
