package bench.minimal;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The start-up yardstick: the smallest application that uses Lectern's stack end to end. */
@ApplicationPath("/minimal")
public class MinimalApplication extends Application {}
