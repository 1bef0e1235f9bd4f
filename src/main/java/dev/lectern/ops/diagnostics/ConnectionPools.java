package dev.lectern.ops.diagnostics;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Reads Liberty's connection-pool MBeans ({@code WebSphere:type=ConnectionPoolStats}), which the
 * monitor feature registers once a pool has lent its first connection. Read without a connection,
 * so the report works when the pool it describes is exhausted.
 */
@ApplicationScoped
public class ConnectionPools {

  private static final Logger LOG = Logger.getLogger(ConnectionPools.class.getName());
  private static final String QUERY = "WebSphere:type=ConnectionPoolStats,*";

  public List<PoolStats> all() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    List<PoolStats> pools = new ArrayList<>();
    try {
      for (ObjectName name : server.queryNames(new ObjectName(QUERY), null)) {
        pools.add(read(server, name));
      }
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.WARNING, "Connection-pool statistics could not be read", e);
    }
    pools.sort(Comparator.comparing(PoolStats::dataSource));
    return pools;
  }

  private static PoolStats read(MBeanServer server, ObjectName name) throws JMException {
    CompositeData waits = (CompositeData) server.getAttribute(name, "WaitTimeDetails");
    return new PoolStats(
        name.getKeyProperty("name"),
        number(server, name, "ManagedConnectionCount"),
        number(server, name, "ConnectionHandleCount"),
        number(server, name, "FreeConnectionCount"),
        number(server, name, "MaxConnectionsLimit"),
        ((Number) waits.get("count")).longValue(),
        ((Number) waits.get("mean")).doubleValue(),
        ((Number) waits.get("maximumValue")).longValue());
  }

  private static long number(MBeanServer server, ObjectName name, String attribute)
      throws JMException {
    return ((Number) server.getAttribute(name, attribute)).longValue();
  }
}
