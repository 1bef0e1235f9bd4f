package bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Liberty alone, for bench/oneroster-read: a bare JAX-RS resource deployed beside Lectern on the
 * same server (same HTTP endpoint, access log and metrics), answering {@code size} bytes with no
 * security, filters, CDI beans or database. What it costs per request is what any application on
 * this server configuration pays before doing any work of its own.
 */
@Path("page")
public class BareResource {

  private static final Map<Integer, byte[]> BODIES = new ConcurrentHashMap<>();

  @GET
  @Produces("application/json")
  public byte[] page(@QueryParam("size") int size) {
    return BODIES.computeIfAbsent(
        Math.max(0, Math.min(size, 1 << 20)),
        n -> {
          byte[] body = new byte[n];
          Arrays.fill(body, (byte) ' ');
          return body;
        });
  }
}
