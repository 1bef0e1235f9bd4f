package bench.minimal;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One JAX-RS resource backed by the CDI bean. */
@Path("greeting")
public class GreetingResource {

  @Inject GreetingService service;

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String greet() {
    return service.greet();
  }
}
