package de.lenkwerk.testsupport;

import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Configuration set from inside the container (Pax Exam probes), as an operator's etc/ file would. */
public final class Configurations {

  private Configurations() {}

  /**
   * Sets one property through the container's ConfigurationAdmin, by reflection: the tests do not
   * compile against the cm API, and the shell's config commands are not installed.
   */
  public static void set(BundleContext context, String pid, String key, String value) throws Exception {
    ServiceReference<?> reference = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
    if (reference == null) {
      throw new AssertionError("no ConfigurationAdmin");
    }
    Object admin = context.getService(reference);
    try {
      Class<?> adminType = reference.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
      Class<?> configurationType = reference.getBundle().loadClass("org.osgi.service.cm.Configuration");
      Object configuration = adminType.getMethod("getConfiguration", String.class, String.class)
          .invoke(admin, pid, "?");
      Dictionary<String, Object> properties = new Hashtable<>();
      properties.put(key, value);
      configurationType.getMethod("update", Dictionary.class).invoke(configuration, properties);
    } finally {
      context.ungetService(reference);
    }
  }
}
