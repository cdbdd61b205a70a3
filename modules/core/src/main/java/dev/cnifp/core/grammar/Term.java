package dev.cnifp.core.grammar;

import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.Outcome;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One term of a spec, {@code [P%][N*]name[(arg)]}.
 *
 * <p>Two terms are equal when they marshal to the same text, so a parsed term equals the one it was written from
 * even when a third-party {@link BoundAction} does not implement {@code equals}.
 *
 * @param probability the chance to fire when evaluation reaches the term; empty means always
 * @param count how many more times the term may fire; empty means unlimited (never decremented)
 * @param actionName the action's name as written in the spec
 * @param action the action with its validated argument
 */
public record Term(Optional<Probability> probability, OptionalLong count, String actionName, BoundAction action) {

    public Term {
        Objects.requireNonNull(probability, "probability");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(actionName, "actionName");
        Objects.requireNonNull(action, "action");
        if (count.isPresent() && count.getAsLong() < 0) {
            throw new IllegalArgumentException("a count is never negative, got " + count.getAsLong());
        }
        if (!FailpointAction.isValidName(actionName)) {
            throw new IllegalArgumentException("invalid action name \"" + actionName + "\"");
        }
        Optional<String> argument = Objects.requireNonNull(action.argument(), "argument of " + actionName);
        // What we marshal must parse again: an argument ends at the first ")" and is never empty.
        if (argument.isPresent() && (argument.get().isEmpty() || argument.get().indexOf(')') >= 0)) {
            throw new IllegalArgumentException("action " + actionName + " normalised its argument to \""
                    + argument.get() + "\", which cannot be written back: it must be non-empty and without \")\"");
        }
    }

    /** Whether evaluation may still select this term: its count is unlimited or above 0. */
    public boolean live() {
        return count.isEmpty() || count.getAsLong() > 0;
    }

    /** This term after it fired once: one count less, or itself when unlimited. */
    public Term spent() {
        if (count.isEmpty()) {
            return this;
        }
        if (count.getAsLong() == 0) {
            throw new IllegalStateException("term " + marshal() + " has no count left");
        }
        return new Term(probability, OptionalLong.of(count.getAsLong() - 1), actionName, action);
    }

    /**
     * Fires the action. Call it outside any lock.
     *
     * @throws BrokenActionException if the action throws or returns no outcome
     */
    public Outcome fire(FireContext context) throws InterruptedException {
        Outcome outcome;
        try {
            outcome = action.fire(context);
        } catch (RuntimeException e) {
            throw new BrokenActionException(actionName, action.getClass(), "failed to fire: " + e, e);
        }
        if (outcome == null) {
            throw new BrokenActionException(actionName, action.getClass(), "returned no outcome", null);
        }
        return outcome;
    }

    /**
     * The action's {@link BoundAction#knownOutcome() hint}: empty when it gives none, and when it breaks (returns
     * null or throws), since a hint may cost speed but never a call's result.
     */
    public Optional<Outcome> knownOutcome() {
        try {
            Optional<Outcome> known = action.knownOutcome();
            return known == null ? Optional.empty() : known;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The term as written in a spec, with leading zeros dropped, e.g. {@code 12.5%3*delay(10)}. */
    public String marshal() {
        StringBuilder text = new StringBuilder();
        probability.ifPresent(p -> text.append(p.marshal()));
        count.ifPresent(n -> text.append(n).append('*'));
        text.append(actionName);
        action.argument().ifPresent(argument -> text.append('(').append(argument).append(')'));
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Term term && marshal().equals(term.marshal());
    }

    @Override
    public int hashCode() {
        return marshal().hashCode();
    }

    @Override
    public String toString() {
        return marshal();
    }
}
