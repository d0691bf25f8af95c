package de.lenkwerk.mail.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Mail settings for tests: the defaults of {@link MailSettings}, some overridden. */
final class TestSettings {

  private TestSettings() {}

  static MailSettings with(Map<String, Object> values) {
    return (MailSettings) Proxy.newProxyInstance(MailSettings.class.getClassLoader(),
        new Class<?>[] {MailSettings.class}, (proxy, method, args) -> {
          if (method.getName().equals("annotationType")) {
            return MailSettings.class;
          }
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> "MailSettings" + values;
            };
          }
          Object value = values.get(method.getName());
          return value != null ? value : method.getDefaultValue();
        });
  }
}
