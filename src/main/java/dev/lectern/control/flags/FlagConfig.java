package dev.lectern.control.flags;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The configured default of each known flag ({@code FLAG_<NAME>}: on or off, default on), as the
 * definition served until someone sets the flag; see docs/configuration.md.
 */
@ApplicationScoped
public class FlagConfig {

  private static final Logger LOG = Logger.getLogger(FlagConfig.class.getName());

  private final Map<KnownFlag, FlagDefinition> defaults = new EnumMap<>(KnownFlag.class);

  public FlagConfig() {
    Config config = ConfigProvider.getConfig();
    for (KnownFlag flag : KnownFlag.values()) {
      String value = config.getOptionalValue(flag.configKey(), String.class).orElse("on").strip();
      boolean on =
          switch (value.toLowerCase(Locale.ROOT)) {
            case "off", "false" -> false;
            case "on", "true" -> true;
            default -> {
              LOG.warning(flag.configKey() + " is neither on nor off; the flag stays on");
              yield true;
            }
          };
      defaults.put(flag, configured(flag, on));
    }
  }

  /** The definition configuration gives the flag. */
  public FlagDefinition defaultOf(KnownFlag flag) {
    return defaults.get(flag);
  }

  /** Whether configuration turns the flag on: what it is when nothing else can be known. */
  public boolean isOn(KnownFlag flag) {
    return defaults.get(flag).defaultVariant().equals("on");
  }

  private static FlagDefinition configured(KnownFlag flag, boolean on) {
    Map<String, JsonValue> variants = Map.of("on", JsonValue.TRUE, "off", JsonValue.FALSE);
    return new FlagDefinition(
        flag.key(),
        FlagType.BOOLEAN,
        flag.description(),
        variants,
        on ? "on" : "off",
        List.of(),
        null,
        "configuration (" + flag.configKey() + ")");
  }
}
