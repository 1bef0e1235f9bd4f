package dev.lectern.control.flags;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where Lectern's code asks a flag, through the OpenFeature client with Lectern's provider. The
 * answer falls back to the flag's configured default whenever the provider cannot give one.
 */
@ApplicationScoped
public class Flags {

  @Inject FlagService flags;
  @Inject FlagConfig config;

  private Client client;

  @PostConstruct
  void init() {
    OpenFeatureAPI api = OpenFeatureAPI.getInstance();
    api.setProviderAndWait(new LecternFlagProvider(flags));
    client = api.getClient("lectern");
  }

  public boolean enabled(KnownFlag flag, FlagContext context) {
    return client.getBooleanValue(flag.key(), config.isOn(flag), toOpenFeature(context));
  }

  static MutableContext toOpenFeature(FlagContext context) {
    MutableContext openFeature = new MutableContext(context.subject());
    openFeature.add("orgs", context.orgLineage().stream().map(Value::new).toList());
    if (context.role() != null) {
      openFeature.add("role", context.role());
    }
    if (context.client() != null) {
      openFeature.add("client", context.client());
    }
    return openFeature;
  }
}
