package de.lenkwerk.mail.internal;

import de.lenkwerk.persistence.StoredDispatch;
import de.lenkwerk.persistence.StoredMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Delivers one mail of the outbox over SMTP with Jakarta Mail (Eclipse Angus): plain text with the
 * dispatch's files attached, and the mail's own Message-ID, which Jakarta Mail would otherwise
 * replace with a new one on every attempt.
 */
final class SmtpTransport {

  /** The server's refusal, or why it was not reached; {@code permanent} for a 5xx answer. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean permanent;

    Refused(String answer, boolean permanent, Throwable cause) {
      super(answer, cause);
      this.permanent = permanent;
    }
  }

  private final MailSettings settings;
  private final Session session;

  SmtpTransport(MailSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", settings.smtp_host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.smtp_port()));
    p.setProperty("mail.smtp.from", settings.smtp_from());
    // STARTTLS when the server offers it; a server without it still gets the mail
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.smtp_starttls()));
    p.setProperty("mail.smtp.starttls.required", "false");
    p.setProperty("mail.smtp.auth", Boolean.toString(!settings.smtp_user().isBlank()));
    String timeout = Integer.toString(settings.smtp_timeout_seconds() * 1000);
    p.setProperty("mail.smtp.connectiontimeout", timeout);
    p.setProperty("mail.smtp.timeout", timeout);
    p.setProperty("mail.smtp.writetimeout", timeout);
    p.setProperty("mail.mime.charset", "UTF-8");
    this.session = inBundle(() -> Session.getInstance(p));
  }

  boolean configured() {
    return !settings.smtp_host().isBlank();
  }

  /** Sends the mail; returns the server's answer to it (e.g. "250 OK"). */
  String deliver(StoredMail mail, StoredDispatch dispatch, List<StoredDispatch.File> files,
      Instant now) throws Refused {
    try {
      return inBundle(() -> {
        MimeMessage message = message(mail, dispatch, files, now);
        try (Transport transport = session.getTransport("smtp")) {
          if (settings.smtp_user().isBlank()) {
            transport.connect();
          } else {
            transport.connect(settings.smtp_host(), settings.smtp_port(), settings.smtp_user(),
                settings.smtp_password());
          }
          transport.sendMessage(message, message.getAllRecipients());
          String answer = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse()
              : "250";
          return answer == null ? "250" : answer.strip();
        }
      });
    } catch (MailFailure e) {
      throw refusal(e.getCause());
    }
  }

  private MimeMessage message(StoredMail mail, StoredDispatch dispatch,
      List<StoredDispatch.File> files, Instant now) throws MessagingException {
    String messageId = mail.messageId();
    MimeMessage message = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        // the same Message-ID on every attempt: a mail delivered twice after a crash is one mail
        setHeader("Message-ID", messageId);
      }
    };
    try {
      message.setFrom(new InternetAddress(settings.smtp_from()));
      message.setRecipient(Message.RecipientType.TO,
          new InternetAddress(mail.address(), mail.name(), "UTF-8"));
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8", e);
    }
    message.setSubject(dispatch.subject(), "UTF-8");
    message.setSentDate(Date.from(now));
    message.setHeader("Auto-Submitted", "auto-generated");
    MimeMultipart parts = new MimeMultipart("mixed");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(dispatch.body(), "UTF-8");
    parts.addBodyPart(text);
    for (StoredDispatch.File file : files) {
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(new DataHandler(
          new ByteArrayDataSource(file.content(), file.contentType())));
      attachment.setFileName(file.name());
      attachment.setDisposition(MimeBodyPart.ATTACHMENT);
      parts.addBodyPart(attachment);
    }
    message.setContent(parts);
    message.saveChanges();
    return message;
  }

  /** The server's answer where it gave one (5xx: permanent), else the connection's failure. */
  static Refused refusal(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      int code = code(t);
      if (code > 0) {
        String answer = t.getMessage() == null ? Integer.toString(code) : t.getMessage().strip();
        return new Refused(answer, code >= 500, e);
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    if (root != e && root.getMessage() != null) {
      text = text + " (" + root.getMessage().strip() + ")";
    }
    return new Refused(text, false, e);
  }

  private static int code(Throwable t) {
    if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException a) {
      return a.getReturnCode();
    }
    if (t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException s) {
      return s.getReturnCode();
    }
    if (t instanceof org.eclipse.angus.mail.smtp.SMTPSenderFailedException s) {
      return s.getReturnCode();
    }
    return -1;
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  /** Work with Jakarta Mail's checked exception. */
  private interface MailWork<R> {
    R run() throws MessagingException;
  }

  private static final class MailFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MailFailure(MessagingException cause) {
      super(cause);
    }
  }

  /**
   * Runs Jakarta Mail with this bundle's class loader as the thread's context class loader: the
   * APIs look their providers up through it.
   */
  private static <R> R inBundle(MailWork<R> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(SmtpTransport.class.getClassLoader());
    try {
      return work.run();
    } catch (MessagingException e) {
      throw new MailFailure(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
