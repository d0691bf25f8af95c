package de.lenkwerk.mail.internal;

/** The sender's door bell: mail of a tenant was committed to the outbox and is due now. */
interface Outbox {

  /** Tells the sender to look at the tenant's outbox at once. */
  void wake(String tenant);
}
