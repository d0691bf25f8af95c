package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.TenantIds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.tenant.DocumentPreview;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The two ways a tenant admin uploads its Geschäftsordnung (a jar, or the YAML document itself):
 * the body must arrive within a configured total time whatever its rate, is reduced to the
 * document and the declared data files ({@link UploadReader}) and deployed ({@link TenantDeployer}).
 * The body is read before the tenant's uploads are serialised, so a slow sender holds up nobody.
 */
@Component(service = TenantUploads.class)
@Designate(ocd = TenantUploads.Config.class)
public final class TenantUploads {

  /** The time a body may take and the size of an uploaded bundle. */
  @ObjectClassDefinition(name = "Lenkwerk uploads", description = "Limits of Geschäftsordnung uploads.")
  public @interface Config {
    @AttributeDefinition(name = "Body time (seconds)", min = "1",
        description = "The whole request body of an upload must arrive within this time, whatever its rate.")
    int bodySeconds() default 60;

    @AttributeDefinition(name = "Largest bundle (bytes)", min = "65536",
        description = "An uploaded tenant bundle (PUT .../bundle) may have at most this many bytes, packed "
            + "and unpacked (413 otherwise). A bundle with a Geschäftsordnung is a few KB.")
    int bundleMaxBytes() default UploadReader.MAX_BYTES;
  }

  private final TenantDeployer deployer;
  private final long bodyMillis;
  private final int bundleMaxBytes;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "lenkwerk-upload-timer");
    t.setDaemon(true);
    return t;
  });

  @Activate
  public TenantUploads(@Reference TenantDeployer deployer, Config config) {
    this.deployer = deployer;
    this.bodyMillis = TimeUnit.SECONDS.toMillis(Math.max(1, config.bodySeconds()));
    this.bundleMaxBytes = Math.max(64 * 1024, config.bundleMaxBytes());
  }

  /** The configured size limit of an uploaded bundle. */
  int bundleMaxBytes() {
    return bundleMaxBytes;
  }

  @Deactivate
  void deactivate() {
    timer.shutdownNow();
  }

  /** Reads, checks and deploys one upload; the answer is the tenant's status (201 for its first document). */
  Response upload(Caller by, String tenant, InputStream body, int maxBytes,
      BiFunction<String, byte[], UploadReader.Upload> reader, String action) {
    if (!TenantIds.isValid(tenant)) {
      throw TenantIds.notFound(tenant);
    }
    byte[] bytes = read(body, maxBytes, bodyMillis, timer);
    UploadReader.Upload upload = reader.apply(tenant, bytes);
    TenantDeployer.Deployed deployed = deployer.deploy(by, tenant, upload,
        TenantBundleBuilder.sha256(bytes), action);
    UploadAnswer answer = TenantDeployer.answer(tenant, deployed);
    return Response.status(deployed.version() == 1 ? 201 : 200).entity(answer).build();
  }

  /** Reads a document within the body time and previews it: nothing stored, installed or audited. */
  DocumentPreview preview(String tenant, InputStream body) {
    if (!TenantIds.isValid(tenant)) {
      throw TenantIds.notFound(tenant);
    }
    return deployer.previewDocument(tenant, read(body, UploadReader.MAX_DOCUMENT_BYTES, bodyMillis, timer));
  }

  /**
   * At most {@code maxBytes + 1} bytes of the body, all within {@code millis}: a timer interrupts
   * a read that blocks past the deadline, and every chunk checks it, so a trickling sender gets
   * 408 after the deadline however slowly it sends.
   */
  static byte[] read(InputStream body, int maxBytes, long millis, ScheduledExecutorService timer) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    Thread reader = Thread.currentThread();
    ScheduledFuture<?> alarm = timer.schedule(reader::interrupt, millis, TimeUnit.MILLISECONDS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean late = false;
    try {
      byte[] buffer = new byte[16 * 1024];
      int n;
      while ((n = body.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - out.size()))) >= 0) {
        out.write(buffer, 0, n);
        if (out.size() > maxBytes) {
          break;
        }
        if (System.nanoTime() - deadline > 0) {
          late = true;
          break;
        }
      }
    } catch (InterruptedIOException e) {
      late = true;
    } catch (IOException e) {
      late = System.nanoTime() - deadline > 0;
      if (!late) {
        throw DomainException.invalid("Die Datei kam nicht vollständig an. Bitte laden Sie sie erneut hoch.");
      }
    } finally {
      alarm.cancel(false);
      Thread.interrupted(); // an alarm that fired after the last read must not hit later work
    }
    if (late) {
      throw new DomainException(DomainException.Kind.TIMEOUT, "Die Datei kam nicht innerhalb von "
          + TimeUnit.MILLISECONDS.toSeconds(millis) + " Sekunden vollständig an. Es hat sich nichts geändert. "
          + "Bitte laden Sie sie erneut hoch.");
    }
    return out.toByteArray();
  }
}
