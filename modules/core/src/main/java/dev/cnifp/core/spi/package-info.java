/**
 * The one extension point of the failpoint core: a {@link dev.cnifp.core.spi.FailpointAction} provider per action
 * name, found with {@link java.util.ServiceLoader}.
 *
 * <p>The contract in short: {@code bind} validates and normalises an argument (a bad one is an
 * {@link dev.cnifp.core.spi.InvalidArgumentException} with a message saying what is expected); the
 * {@link dev.cnifp.core.spi.BoundAction} it returns writes its argument back ({@code argument()}), does the work
 * ({@code fire}, outside any lock, sleeping only through {@link dev.cnifp.core.spi.FireContext#sleep}) and may say
 * its {@link dev.cnifp.core.spi.Outcome} beforehand ({@code knownOutcome()}, a hint). Anything else thrown by
 * {@code bind} or {@code fire}, and a {@code null} outcome, is a bug in the provider, which drivers report naming its
 * module and class. Providers are made on every plugin call, so their constructors and static initialisers must be
 * cheap. docs/writing-actions.md has an example and the details.
 */
package dev.cnifp.core.spi;
