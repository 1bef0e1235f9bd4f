package dev.lectern.platform.gate;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import java.util.EnumSet;
import java.util.Set;

/**
 * Liberty runs this for every web module it starts (server.xml names it as a BELL service), so the
 * gate stands first in front of Lectern and of Liberty's own endpoints alike.
 */
public class NetworkGateInitializer implements ServletContainerInitializer {

  static final String FILTER_NAME = "lecternNetworkGate";

  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) {
    FilterRegistration.Dynamic gate = context.addFilter(FILTER_NAME, new NetworkGateFilter());
    if (gate != null) { // null: this module has it already
      gate.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }
  }
}
