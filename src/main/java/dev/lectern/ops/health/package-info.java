/**
 * Health probes: the MicroProfile checks behind {@code /health/*}, the aliases the seed runbooks
 * use ({@code /healthz}, {@code /readyz}) and the detailed {@code /api/v1/health} report. Every
 * dependency check is time-boxed; liveness never touches a dependency.
 */
package dev.lectern.ops.health;
