package dev.cnifp.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.grammar.Failpoint;
import dev.cnifp.core.grammar.FailpointParser;
import dev.cnifp.core.grammar.FailpointSyntaxException;
import dev.cnifp.core.spi.FailpointAction;
import dev.cnifp.core.spi.FireContext;
import dev.cnifp.core.spi.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Actions in modules of another layer, compiled at test time, are found like the built-ins. */
class ThirdPartyLayerTest {

    private static final FireContext NO_SLEEP = new FireContext() {
        @Override
        public String point() {
            return "cmdAdd";
        }

        @Override
        public void sleep(Duration duration) {
            throw new AssertionError("no sleep expected");
        }
    };

    @TempDir
    Path temp;

    @Test
    void actionInAChildLayerIsFoundNextToTheBuiltIns() throws Exception {
        Path shout = new ProviderModules(temp).compile("acme.shout", "shout");
        ActionRegistry registry = ActionRegistry.fromLayers(
                List.of(ProviderModules.layerOf(Set.of("acme.shout"), shout)));

        assertEquals(List.of("delay", "error", "off", "panic", "shout"), registry.names());
        FailpointAction action = registry.find("shout").orElseThrow();
        assertEquals("acme.shout", action.getClass().getModule().getName());
        assertTrue(ActionRegistry.fromBootLayer().find("shout").isEmpty());
    }

    @Test
    void thirdPartyActionGetsTheWholeGrammar() throws Exception {
        Path shout = new ProviderModules(temp).compile("acme.shout", "shout");
        FailpointParser parser = new FailpointParser(ActionRegistry.fromLayers(
                List.of(ProviderModules.layerOf(Set.of("acme.shout"), shout))));

        Failpoint failpoint = parser.parse("12.5%03*shout(hey->you)->shout->1*off");
        assertEquals("12.5%3*shout(hey->you)->shout->1*off", failpoint.marshal());
        assertEquals(failpoint, parser.parse(failpoint.marshal()));
        assertEquals(new Outcome.Fail(42, "hey->you", "acme.shout"),
                failpoint.terms().get(0).fire(NO_SLEEP));
        assertEquals(new Outcome.Fail(42, "shout", "acme.shout"), failpoint.terms().get(1).fire(NO_SLEEP));

        FailpointSyntaxException e = assertThrows(FailpointSyntaxException.class, () -> parser.parse("1*shout()"));
        assertEquals("action \"shout\" needs a non-empty argument", e.reason());
        e = assertThrows(FailpointSyntaxException.class, () -> parser.parse("1*shuot"));
        assertEquals("unknown action \"shuot\" (known: delay, error, off, panic, shout)", e.reason());
    }

    @Test
    void sameLayerTwiceIsNoConflict() throws Exception {
        Path shout = new ProviderModules(temp).compile("acme.shout", "shout");
        ModuleLayer layer = ProviderModules.layerOf(Set.of("acme.shout"), shout);
        assertEquals(List.of("delay", "error", "off", "panic", "shout"),
                ActionRegistry.fromLayers(List.of(layer, layer, ModuleLayer.boot())).names());
    }

    @Test
    void twoModulesClaimingOneNameIsAnErrorNamingBoth() throws Exception {
        ProviderModules modules = new ProviderModules(temp);
        Path alpha = modules.compile("acme.alpha", "shout");
        Path beta = modules.compile("acme.beta", "shout");
        ModuleLayer layer = ProviderModules.layerOf(Set.of("acme.alpha", "acme.beta"), alpha, beta);

        ActionConflictException e = assertThrows(ActionConflictException.class,
                () -> ActionRegistry.fromLayers(List.of(layer)));
        assertEquals("action \"shout\" is provided by both module acme.alpha (acme.alpha.Action)"
                + " and module acme.beta (acme.beta.Action)", e.getMessage());
    }

    @Test
    void moduleClaimingABuiltInNameIsAnErrorNamingBoth() throws Exception {
        Path rogue = new ProviderModules(temp).compile("acme.rogue", "error");
        ModuleLayer layer = ProviderModules.layerOf(Set.of("acme.rogue"), rogue);

        ActionConflictException e = assertThrows(ActionConflictException.class,
                () -> ActionRegistry.fromLayers(List.of(layer)));
        assertEquals("action \"error\" is provided by both module acme.rogue (acme.rogue.Action)"
                + " and module dev.cnifp.core (dev.cnifp.core.actions.ErrorAction)", e.getMessage());
    }

    @Test
    void actionsOfSiblingLayersAreAllFound() throws Exception {
        ProviderModules modules = new ProviderModules(temp);
        ModuleLayer alpha = ProviderModules.layerOf(Set.of("acme.alpha"), modules.compile("acme.alpha", "shout"));
        ModuleLayer beta = ProviderModules.layerOf(Set.of("acme.beta"), modules.compile("acme.beta", "whisper"));

        assertEquals(List.of("delay", "error", "off", "panic", "shout", "whisper"),
                ActionRegistry.fromLayers(List.of(alpha, beta)).names());
        assertEquals(List.of("delay", "error", "off", "panic", "shout", "whisper"),
                ActionRegistry.fromLayers(List.of(beta, ModuleLayer.boot(), alpha)).names());
    }
}
