package de.lenkwerk.security.internal;

import de.lenkwerk.api.security.UserService;
import de.lenkwerk.persistence.AccountRepository;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.jdbc.JDBCLoginModule;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Karaf JAAS realm {@code lenkwerk}: Karaf's JDBC login module over the platform database's
 * user tables, passwords checked with bcrypt through Karaf's encryption support. Registered only
 * once the user tables exist (it needs the {@link AccountStore}).
 */
@Component(service = JaasRealm.class, property = "org.apache.karaf.jaas.realm.name=" + UserService.REALM)
public final class LenkwerkRealm implements JaasRealm {

  private final AppConfigurationEntry[] entries;

  @Activate
  public LenkwerkRealm(@Reference AccountStore accounts, BundleContext context) {
    Map<String, Object> options = AccountStore.encryptionOptions(context);
    options.put(ProxyLoginModule.PROPERTY_MODULE, JDBCLoginModule.class.getName());
    options.put(ProxyLoginModule.PROPERTY_BUNDLE,
        Long.toString(FrameworkUtil.getBundle(JDBCLoginModule.class).getBundleId()));
    options.put("datasource", "osgi:javax.sql.DataSource/(osgi.jndi.service.name=lenkwerk)");
    options.put("query.password", AccountRepository.PASSWORD_QUERY);
    options.put("query.role", AccountRepository.ROLE_QUERY);
    entries = new AppConfigurationEntry[] {new AppConfigurationEntry(ProxyLoginModule.class.getName(),
        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)};
  }

  @Override
  public String getName() {
    return UserService.REALM;
  }

  @Override
  public int getRank() {
    return 0;
  }

  @Override
  public AppConfigurationEntry[] getEntries() {
    return entries.clone();
  }
}
