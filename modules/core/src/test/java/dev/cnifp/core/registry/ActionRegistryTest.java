package dev.cnifp.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cnifp.core.spi.ArgumentRule;
import dev.cnifp.core.spi.BoundAction;
import dev.cnifp.core.spi.FailpointAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionRegistryTest {

    @Test
    void bootLayerHasTheFourBuiltInsSortedByName() {
        ActionRegistry registry = ActionRegistry.fromBootLayer();
        assertEquals(List.of("delay", "error", "off", "panic"),
                registry.actions().stream().map(FailpointAction::name).toList());
        assertEquals(List.of("delay", "error", "off", "panic"), registry.names());
    }

    @Test
    void builtInsComeFromTheCore() {
        for (FailpointAction action : ActionRegistry.fromBootLayer().actions()) {
            assertEquals("dev.cnifp.core.actions", action.getClass().getPackageName());
            assertEquals(ActionRegistry.class.getModule(), action.getClass().getModule());
            assertFalse(action.description().isBlank(), action.name());
            assertFalse(action.description().contains("\n"), action.name());
        }
    }

    @Test
    void builtInArgumentRules() {
        ActionRegistry registry = ActionRegistry.fromBootLayer();
        assertEquals(ArgumentRule.NONE, registry.find("off").orElseThrow().argumentRule());
        assertEquals(ArgumentRule.REQUIRED, registry.find("error").orElseThrow().argumentRule());
        assertEquals(ArgumentRule.REQUIRED, registry.find("panic").orElseThrow().argumentRule());
        assertEquals(ArgumentRule.REQUIRED, registry.find("delay").orElseThrow().argumentRule());
    }

    @Test
    void namesAreCaseSensitive() {
        ActionRegistry registry = ActionRegistry.fromBootLayer();
        assertTrue(registry.find("off").isPresent());
        assertTrue(registry.find("Off").isEmpty());
        assertTrue(registry.find("OFF").isEmpty());
    }

    @Test
    void bootLayerAsALayerGivesTheSameActions() {
        assertEquals(ActionRegistry.fromBootLayer().names(),
                ActionRegistry.fromLayers(List.of(ModuleLayer.boot())).names());
    }

    @Test
    void sameProviderClassTwiceIsNoConflict() {
        ActionRegistry registry = ActionRegistry.fromLayers(List.of(ModuleLayer.boot(), ModuleLayer.boot()));
        assertEquals(List.of("delay", "error", "off", "panic"), registry.names());
    }

    @Test
    void twoClassesClaimingOneNameIsAnErrorNamingBoth() {
        FailpointAction builtIn = ActionRegistry.fromBootLayer().find("off").orElseThrow();
        ActionConflictException e = assertThrows(ActionConflictException.class,
                () -> ActionRegistry.of(List.of(builtIn, new Named("off"))));
        assertEquals("off", e.actionName());
        String core = ActionRegistry.class.getModule().isNamed() ? "module dev.cnifp.core" : "the class path";
        assertEquals("action \"off\" is provided by both " + core + " (dev.cnifp.core.actions.OffAction)"
                + " and " + core + " (dev.cnifp.core.registry.ActionRegistryTest$Named)", e.getMessage());
    }

    @Test
    void nameThatCannotBeWrittenInASpecIsRejected() {
        for (String name : new String[] {"", "9lives", "with space", "dash-ed", "é", "a(b"}) {
            InvalidActionException e = assertThrows(InvalidActionException.class,
                    () -> ActionRegistry.of(List.of(new Named(name))));
            assertTrue(e.getMessage().contains("\"" + name + "\""), e.getMessage());
        }
        assertThrows(InvalidActionException.class, () -> ActionRegistry.of(List.of(new Named(null))));
    }

    @Test
    void aNameThatThrowsIsRejectedWithWhatItThrew() {
        InvalidActionException e = assertThrows(InvalidActionException.class,
                () -> ActionRegistry.of(List.of(new Throwing())));
        String origin = ActionRegistry.class.getModule().isNamed() ? "module dev.cnifp.core" : "the class path";
        assertEquals("the action from " + origin + " (dev.cnifp.core.registry.ActionRegistryTest$Throwing) has no "
                + "name: its name() threw java.lang.IllegalStateException: not configured", e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
    }

    @Test
    void ofKeepsTheGivenActionsSorted() {
        ActionRegistry registry = ActionRegistry.of(List.of(new Named("zeta"), new Named("Alpha"), new Named("a_1")));
        assertEquals(List.of("Alpha", "a_1", "zeta"), registry.names());
    }

    private static final class Throwing extends Named {
        Throwing() {
            super(null);
        }

        @Override
        public String name() {
            throw new IllegalStateException("not configured");
        }
    }

    private static class Named implements FailpointAction {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public ArgumentRule argumentRule() {
            return ArgumentRule.NONE;
        }

        @Override
        public BoundAction bind(String argument) {
            throw new UnsupportedOperationException();
        }
    }
}
