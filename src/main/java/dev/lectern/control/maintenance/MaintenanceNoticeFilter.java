package dev.lectern.control.maintenance;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells every client of a window from its notice period until its end: each response carries {@code
 * Lectern-Maintenance: start=...; end=...; mode=...}, so an integrator's sync can plan around it
 * without reading the admin API. Answered from this replica's copy: no query per request.
 */
@Provider
public class MaintenanceNoticeFilter implements ContainerResponseFilter {

  static final String HEADER = "Lectern-Maintenance";

  @Inject MaintenanceWindowService windows;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    windows
        .announced()
        .ifPresent(
            window ->
                response
                    .getHeaders()
                    .putSingle(
                        HEADER,
                        "start="
                            + window.start()
                            + "; end="
                            + window.end()
                            + "; mode="
                            + window.mode().label()));
  }
}
