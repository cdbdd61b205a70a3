package dev.cnifp.core.grammar;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A parsed spec: terms joined by {@code ->}, evaluated first to last. Immutable. */
public record Failpoint(List<Term> terms) {

    public Failpoint {
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a failpoint has at least one term");
        }
    }

    /**
     * Evaluates once, without side effects: selects the first live term whose probability draw succeeds and spends
     * one of its count. A term skipped by chance falls through to the next one and spends nothing (FreeBSD fail(9)
     * semantics). {@code random} is drawn from once per live term with a probability below 100% that is reached.
     */
    public Step step(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            if (!term.live() || !term.probability().map(p -> p.draw(random)).orElse(true)) {
                continue;
            }
            Term spent = term.spent();
            if (spent == term) {
                return new Step(this, Optional.of(term));
            }
            List<Term> next = new ArrayList<>(terms);
            next.set(i, spent);
            return new Step(new Failpoint(next), Optional.of(term));
        }
        return new Step(this, Optional.empty());
    }

    /** Whether no term can fire any more: every count is 0. A spec with an unlimited term is never exhausted. */
    public boolean exhausted() {
        // Loops, not streams, here and in marshal: marshal runs on every call with a spec, and a stream pipeline
        // loads ~30 classes into the cold plugin process.
        for (Term term : terms) {
            if (term.live()) {
                return false;
            }
        }
        return true;
    }

    /** The spec as text, e.g. {@code 13*delay(5)->10*off}; {@link FailpointParser#parse} reads it back. */
    public String marshal() {
        StringBuilder text = new StringBuilder();
        for (Term term : terms) {
            if (!text.isEmpty()) {
                text.append("->");
            }
            text.append(term.marshal());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return marshal();
    }
}
