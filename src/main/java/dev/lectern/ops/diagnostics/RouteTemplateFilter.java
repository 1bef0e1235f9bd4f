package dev.lectern.ops.diagnostics;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands the matched route's template to {@link HttpMetricsFilter}, which times the whole exchange
 * in the servlet chain but cannot see which resource method routing chose. First of the filters
 * after routing, so a request another filter refuses (401, 403, 429, 503 in maintenance) is still
 * counted under its route.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 2000)
public class RouteTemplateFilter implements ContainerRequestFilter {

  static final String ATTRIBUTE = RouteTemplateFilter.class.getName();

  @Context ResourceInfo route;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    if (route.getResourceMethod() != null) {
      servletRequest.setAttribute(
          ATTRIBUTE, RouteTemplates.of(route.getResourceClass(), route.getResourceMethod()));
    }
  }
}
