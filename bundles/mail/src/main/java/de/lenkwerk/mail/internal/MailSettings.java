package de.lenkwerk.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the mail (pid {@code de.lenkwerk.mail}, {@code etc/de.lenkwerk.mail.cfg}): the SMTP
 * server from {@code LENKWERK_SMTP_HOST}, {@code _PORT}, {@code _FROM}, {@code _USER},
 * {@code _PASSWORD}, and how the sender retries.
 */
@ObjectClassDefinition(name = "Lenkwerk mail",
    description = "SMTP server, sender address and the outbox's retries")
public @interface MailSettings {

  @AttributeDefinition(name = "SMTP host",
      description = "Mail server (LENKWERK_SMTP_HOST); empty: mails wait in the outbox")
  String smtp_host() default "";

  @AttributeDefinition(name = "SMTP port", description = "LENKWERK_SMTP_PORT")
  int smtp_port() default 25;

  @AttributeDefinition(name = "Sender address", description = "From: of every mail (LENKWERK_SMTP_FROM)")
  String smtp_from() default "lenkwerk@localhost";

  @AttributeDefinition(name = "SMTP user", description = "Login at the server, empty: none (LENKWERK_SMTP_USER)")
  String smtp_user() default "";

  @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD,
      description = "LENKWERK_SMTP_PASSWORD")
  String smtp_password() default "";

  @AttributeDefinition(name = "STARTTLS", description = "Use STARTTLS when the server offers it")
  boolean smtp_starttls() default true;

  @AttributeDefinition(name = "SMTP timeout (s)", description = "Connect, read and write timeout")
  int smtp_timeout_seconds() default 30;

  @AttributeDefinition(name = "Message-ID domain", description = "Domain part of every Message-ID")
  String message_id_domain() default "lenkwerk.de";

  @AttributeDefinition(name = "First retry (s)", description = "Wait after the first failed attempt; it doubles with every further one")
  int retry_initial_seconds() default 30;

  @AttributeDefinition(name = "Longest wait (s)", description = "Upper bound of the wait between attempts")
  int retry_max_seconds() default 3600;

  @AttributeDefinition(name = "Attempts", description = "Attempts before a mail is given up as FAILED")
  int retry_attempts() default 20;

  @AttributeDefinition(name = "Poll interval (ms)", description = "How often the sender looks for due mail of tenants with waiting mail")
  int poll_millis() default 1000;

  @AttributeDefinition(name = "Sweep interval (s)", description = "How often the sender looks at every tenant (mail dispatched on another node, left by a crash)")
  int sweep_seconds() default 30;

  @AttributeDefinition(name = "Claim (s)", description = "How long a node holds the mails it is delivering; another node takes over after that")
  int claim_seconds() default 300;
}
