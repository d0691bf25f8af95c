package de.lenkwerk.spi;

/** Names shared by the platform and policy services. */
public final class Policies {

  /**
   * Service property naming the tenant id a policy service belongs to, e.g. "kreis-steinfurt".
   * The platform binds a policy to exactly this tenant; a policy without it is ignored.
   */
  public static final String TENANT = "lenkwerk.tenant";

  private Policies() {}
}
