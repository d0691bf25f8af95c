package de.lenkwerk.security.internal;

import de.lenkwerk.api.DomainException;
import de.lenkwerk.api.procedure.NewAgendaItem;
import de.lenkwerk.api.procedure.NewObjection;
import de.lenkwerk.api.security.Caller;
import de.lenkwerk.api.security.Roles;
import java.io.IOException;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * What a member submits or objects to is recorded as the person its login is linked to: an
 * agenda item's {@code submittedBy} and an objection's {@code by} may be left out and are then the
 * caller's person, and a member or chair cannot name anybody else. The Geschäftsstelle (tenant
 * admin) records items and objections it received from others, so it may name any person, and
 * without a name acts as its own person. Applied where the request body is read, before any
 * service sees it.
 */
@Component(service = ReaderInterceptor.class)
@JaxrsExtension
@JaxrsApplicationSelect(AuthFilter.APPLICATION)
public final class ActingPerson implements ReaderInterceptor {

  @Activate
  public ActingPerson() {
    // stateless: the caller is the request's, as AuthFilter set it
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    Object caller = context.getProperty(AuthFilter.CALLER);
    return apply(caller instanceof Caller c ? c : null, context.proceed());
  }

  /** The body as the caller may send it, with its person filled in; FORBIDDEN for another's name. */
  static Object apply(Caller caller, Object body) {
    if (caller == null) {
      return body;
    }
    if (body instanceof NewAgendaItem item) {
      return item.withSubmittedBy(person(caller, item.submittedBy(), "submittedBy"));
    }
    if (body instanceof NewObjection objection) {
      Long by = person(caller, objection.by(), "by");
      return new NewObjection(by, objection.receivedOn(), objection.text());
    }
    return body;
  }

  private static Long person(Caller caller, Long named, String field) {
    if (caller.has(Roles.TENANT_ADMIN)) {
      return named != null ? named : caller.person();
    }
    if (caller.person() == null) {
      // the account's state, not a lack of rights: 409, the Geschäftsstelle can change it
      throw new DomainException(DomainException.Kind.CONFLICT, "Ihr Zugang ist noch keiner Person "
          + "zugeordnet, deshalb kann nichts in Ihrem Namen eingereicht werden. Bitte wenden Sie sich an die "
          + "Geschäftsstelle (sie ordnet Ihren Zugang mit PUT /api/v1/users/" + caller.user() + "/person zu).");
    }
    if (named != null && !named.equals(caller.person())) {
      throw new DomainException(DomainException.Kind.FORBIDDEN, "Sie können nur in Ihrem eigenen Namen "
          + "einreichen: \"" + field + "\" muss Ihre eigene Person (" + caller.person() + ") sein oder "
          + "wegfallen.");
    }
    return caller.person();
  }
}
