package dev.lectern.platform.telemetry;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.EnumSet;

/**
 * Adds {@link TraceLogFilter} behind every other filter. Liberty adds its telemetry filter the same
 * way, before any listener runs, so this one lands inside it, where the span is current; a declared
 * filter would run before the span exists.
 */
@WebListener
public class TraceLogFilterSetup implements ServletContextListener {

  @Override
  public void contextInitialized(ServletContextEvent event) {
    event
        .getServletContext()
        .addFilter("traceLog", TraceLogFilter.class)
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
  }
}
