package bare;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** bench/oneroster-read's yardstick application: its two resources and nothing else. */
@ApplicationPath("/")
public class BareApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(BareResource.class, MinimalUsersResource.class);
  }
}
