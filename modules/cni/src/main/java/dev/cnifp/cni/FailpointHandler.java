package dev.cnifp.cni;

import dev.cnifp.cni.config.PluginConfig;
import dev.cnifp.cni.json.GoJson;
import dev.cnifp.cni.logging.LogSettings;
import dev.cnifp.cni.logging.PluginLog;
import dev.cnifp.cni.protocol.CniError;
import dev.cnifp.cni.protocol.CniException;
import dev.cnifp.cni.protocol.Command;
import dev.cnifp.cni.protocol.CommandHandler;
import dev.cnifp.cni.protocol.HandlerResult;
import dev.cnifp.cni.protocol.Request;
import dev.cnifp.core.grammar.BrokenActionException;
import dev.cnifp.core.grammar.Failpoint;
import dev.cnifp.core.grammar.FailpointParser;
import dev.cnifp.core.grammar.FailpointSyntaxException;
import dev.cnifp.core.grammar.Step;
import dev.cnifp.core.grammar.Term;
import dev.cnifp.core.registry.ActionConflictException;
import dev.cnifp.core.registry.ActionRegistry;
import dev.cnifp.core.registry.InvalidActionException;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.Outcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.ServiceConfigurationError;

/**
 * The plugin's work for every command but VERSION: step the command's failpoint under the file's lock, fire the
 * selected action with the lock released, then (unless the action ended the call) delegate to the real plugin.
 */
final class FailpointHandler implements CommandHandler {
    private final Collaborators with;
    private final PluginLog log;

    FailpointHandler(Collaborators collaborators) {
        this.with = collaborators;
        this.log = collaborators.log();
    }

    @Override
    public HandlerResult handle(Request request, PrintStream stdout, PrintStream stderr) throws CniException {
        PluginConfig config = PluginConfig.decode(request.config());
        log.configure(LogSettings.of(config.logLevel(), config.logFile(), config.failpointConfPath()));
        log.debug(() -> "%s container=%s ifname=%s netns=%s config version %s".formatted(request.command(),
                request.invocation().containerId(), request.invocation().ifName(), request.invocation().netns(),
                request.configVersion()));
        try {
            return handle(request, config, stdout, stderr);
        } catch (CniException e) {
            with.outlook().known(false);
            log.debug(() -> "%s failed: %s".formatted(request.command(), GoJson.compact(e.error().toJson())));
            throw e;
        }
    }

    private HandlerResult handle(Request request, PluginConfig config, PrintStream stdout, PrintStream stderr)
            throws CniException {
        if (config.typeError().isPresent()) {
            throw CniException.internal("failed to parse network configuration: " + config.typeError().get());
        }
        Command command = request.command();
        String point = FailpointKeys.of(command);
        if (!config.failpointConfPath().isEmpty()) {
            Optional<Term> fired = with.failpoints().update(config.failpointConfPath(),
                    entries -> step(entries, point));
            if (fired.isPresent()) {
                Optional<HandlerResult> ending = fire(fired.get(), point, stderr);
                if (ending.isPresent()) {
                    return ending.get();
                }
            }
        } else {
            log.debug(() -> "no failpoint file");
        }
        // Said already when there was a failpoint, unless its action's known outcome was wrong; without one, said here.
        with.outlook().known(true);
        log.debug(() -> "delegating %s to %s".formatted(command, config.delegate()));
        byte[] result = with.delegate().invoke(config.delegate(), command, request.env(), request.stdin(), stderr);
        if (command == Command.ADD) {
            stdout.print(with.addResults().reprint(result, request.configVersion()));
        }
        log.debug(() -> "%s succeeded".formatted(command));
        return HandlerResult.DONE;
    }

    /**
     * The actions of the boot layer. Two modules providing one name, a name that cannot be written in a spec, or a
     * provider that cannot be made are mistakes in how the plugin was put together, not bugs: a CNI error says which.
     */
    private ActionRegistry actions() throws CniException {
        try {
            return with.actions().get();
        } catch (ActionConflictException | InvalidActionException | ServiceConfigurationError e) {
            // ServiceLoader's message names the provider; what went wrong inside it is the cause's.
            String cause = e instanceof ServiceConfigurationError && e.getCause() != null ? ": " + e.getCause() : "";
            throw CniException.internal("failed to load failpoint actions: " + e.getMessage() + cause);
        }
    }

    /** Runs under the file's lock: parse the command's spec, spend one count, keep the rest for the next call. */
    private Optional<Term> step(FailpointStore.Entries entries, String point) throws CniException {
        Optional<String> spec = entries.entry(point).filter(s -> !s.isEmpty());
        if (spec.isEmpty()) {
            log.debug(() -> "no failpoint for " + point);
            return Optional.empty();
        }
        // Asked for here, under the lock, and only when there is a spec: in the plugin, EarlyWork finds the actions
        // on its own thread while this one reads the config and then locks and reads the file, so asking costs
        // the critical section nothing. Asked before locking, this thread would find them itself instead.
        FailpointParser parser = new FailpointParser(actions());
        Failpoint failpoint;
        try {
            failpoint = parser.parse(spec.get());
        } catch (FailpointSyntaxException | BrokenActionException e) {
            throw CniException.internal("failed to parse failpoint " + point + ": " + e.getMessage());
        }
        // The generator is made under the lock on purpose: a seed kept in the failpoint file would be read here.
        Step step = failpoint.step(with.random().generator());
        // Before the write, the slow part of the critical section: the plugin's second thread is waiting to hear it.
        with.outlook().known(step.fired().isEmpty() || mayProceed(step.fired().get()));
        // Always set, as the Go plugin does, so a spec with leading zeros comes out normalised; the file is written
        // only when its bytes change.
        entries.setEntry(point, step.next().marshal());
        log.debug(() -> "%s: %s -> %s, firing %s".formatted(point, spec.get(), step.next().marshal(),
                step.fired().map(Term::marshal).orElse("nothing")));
        return step.fired();
    }

    /** Whether the call may go on to its delegate after this term fires, as far as its action knows beforehand. */
    private static boolean mayProceed(Term fired) {
        Optional<Outcome> known = fired.knownOutcome();
        return known.isEmpty() || known.get() instanceof Outcome.Proceed;
    }

    /**
     * Fires outside the lock; empty means carry on with the delegation. An action that throws is a bug in its
     * provider: a CNI error names it (its count is spent, as for any action that fired).
     */
    private Optional<HandlerResult> fire(Term term, String point, PrintStream stderr) throws CniException {
        Outcome outcome;
        try {
            outcome = term.fire(new CallContext(point, with.sleeper()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CniException.internal("failpoint " + point + " interrupted");
        } catch (BrokenActionException e) {
            throw CniException.internal("failpoint " + point + ": " + e.getMessage());
        }
        log.debug(() -> point + " fired: " + outcome);
        // No pattern switch in this file: its indy bootstrap (SwitchBootstraps) costs a cold JVM tens of ms.
        if (outcome instanceof Outcome.Proceed) {
            return Optional.empty();
        } else if (outcome instanceof Outcome.Fail fail) {
            throw new CniException(new CniError(fail.code(), fail.message(), fail.details()));
        } else if (outcome instanceof Outcome.Panic panic) {
            stderr.print(GoPanic.text(panic.message(), new Throwable().getStackTrace()));
            return Optional.of(new HandlerResult.Terminate(2));
        } else if (outcome instanceof Outcome.Exit exit) {
            return Optional.of(new HandlerResult.Terminate(exit.status()));
        }
        throw new IllegalStateException("unknown outcome " + outcome); // Outcome is sealed: never reached
    }

    private record CallContext(String point, Sleeper sleeper) implements FireContext {
        @Override
        public void sleep(Duration duration) throws InterruptedException {
            sleeper.sleep(duration);
        }
    }
}
