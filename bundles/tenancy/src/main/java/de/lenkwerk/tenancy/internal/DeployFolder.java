package de.lenkwerk.tenancy.internal;

import org.apache.karaf.features.BootFinished;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens deploy/ to Felix FileInstall once Karaf has installed its boot features.
 *
 * <p>Why: Karaf installs the boot features in a thread of their own while the framework climbs to
 * its start level, so FileInstall (active from level 80 in Karaf's shipped setting) installs the
 * tenant bundles of deploy/ at the same time. Every bundle it installs changes the region digraph
 * that the features deployer replaces at its end, and with many tenant bundles on a fresh data
 * folder the deployer fails ("The origin update count has changed") and Lenkwerk never starts. The
 * shipped {@code etc/org.apache.felix.fileinstall-deploy.cfg} therefore names an active level above
 * the framework's beginning level, and this component raises the framework to it once
 * {@link BootFinished} is registered: at the first start after the boot features, at every later
 * start at once.
 */
@Component(configurationPid = DeployFolder.PID)
@Designate(ocd = DeployFolder.Config.class)
public final class DeployFolder {

  static final String PID = "de.lenkwerk.deploy";

  private static final Logger LOG = LoggerFactory.getLogger(DeployFolder.class);

  /** When deploy/ opens. */
  @ObjectClassDefinition(id = PID, name = "Lenkwerk: deploy-Ordner",
      description = "Mandanten-Bundles in deploy/ werden erst installiert, wenn Karafs Boot-Features installiert sind.")
  public @interface Config {
    @AttributeDefinition(name = "Startlevel nach dem Boot",
        description = "Der Startlevel des Frameworks, sobald die Boot-Features installiert sind; er muss dem Wert "
            + "felix.fileinstall.active.level in etc/org.apache.felix.fileinstall-deploy.cfg entsprechen.")
    int startLevel() default 101;
  }

  @Activate
  public DeployFolder(@Reference BootFinished bootFinished, BundleContext context, Config config) {
    FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)
        .adapt(FrameworkStartLevel.class);
    if (framework.getStartLevel() < config.startLevel()) {
      LOG.info("boot features installed: framework start level {} -> {}, deploy/ opens", framework.getStartLevel(),
          config.startLevel());
      framework.setStartLevel(config.startLevel());
    }
  }
}
