package de.lenkwerk.persistence;

import de.lenkwerk.api.security.AuditEntry;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The rows of the transaction's tenant's audit trail. Appending is the audit bundle's job (it
 * computes the hash chain); this repository only stores. The head (last sequence and hash) of a
 * write transaction is locked by the unit of work before the work runs.
 */
@ProviderType
public interface AuditRepository {

  /** The head of the chain, locked for this (write) transaction; GENESIS state before the first. */
  AuditHead head();

  /** Appends the entry and moves the head to it. Only in a write transaction. */
  void append(AuditEntry entry);

  /** The entries in order of sequence. */
  List<AuditEntry> entries();

  /** The stored heads (one, or none before the first entry; more is a broken chain). */
  List<AuditHead> heads();

  /** The last sequence and hash of a tenant's chain. */
  record AuditHead(long lastSequence, String lastHash) {}

  /** The hash before the first entry. */
  String GENESIS = "0".repeat(64);
}
