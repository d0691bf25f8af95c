package de.lenkwerk.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides whether a meeting has a quorum (Beschlussfähigkeit): from the number of votes the
 * committee has and the number represented by members or deputies present.
 */
@ConsumerType
public interface QuorumPolicy {

  /** Evaluates the quorum; never null. The explanation is German and names the figures. */
  QuorumResult evaluate(QuorumInput input);
}
