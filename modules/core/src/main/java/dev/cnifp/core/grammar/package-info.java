/**
 * The failpoint language: {@link dev.cnifp.core.grammar.FailpointParser} reads {@code [P%][N*]name[(arg)]} terms
 * joined by {@code ->} into an immutable {@link dev.cnifp.core.grammar.Failpoint}, which marshals back to the same
 * text and evaluates one call at a time ({@link dev.cnifp.core.grammar.Failpoint#step}).
 * {@link dev.cnifp.core.grammar.FailpointSwitch} shares one failpoint between threads.
 */
package dev.cnifp.core.grammar;
