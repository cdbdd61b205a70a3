package dev.cnifp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failpoint actions in front of Debian's real bridge, in a sandbox: a delay that ends in a real interface, a
 * CHECK cascade that passes once and then panics, bridge's own errors passing through after {@code off}, and STATUS
 * and GC answering what bridge answers once their failpoint is spent.
 */
class FailpointActionsIT {

    @TempDir
    Path work;

    @RegisterExtension
    final RealBridgeSandbox real = RealBridgeSandbox.forOurPlugin();

    private FailpointFile file(String content) {
        return FailpointFile.create(work.resolve("failpoints.json"), content);
    }

    /** The README's configuration at {@code cniVersion}, its annotation pointing at {@code file}. */
    private static Map<String, Object> netconf(String cniVersion, FailpointFile file) {
        return SeedExample.netconfObject(file.path(), cniVersion);
    }

    @Test
    void aDelayHoldsTheAddBackThenBridgeCreatesTheInterface() {
        FailpointFile file = file("{\"cmdAdd\": \"1*delay(1500)\"}");

        PluginRun add = real.plugin().run("ADD", Json.write(netconf("1.0.0", file)), SeedExample.HELPER_ENV);

        assertEquals(0, add.exitCode(), add::describe);
        assertTrue(add.elapsed().toMillis() >= 1500, () -> "returned before the 1500 ms delay: " + add.describe());
        CniResult result = CniResult.parse(add);
        String ipv4 = result.addressIn(SeedExample.IPV4_SUBNET).orElseThrow(() -> new AssertionError(add.describe()));
        String shown = real.sandbox().execOk("ip", "-n", SeedExample.NETNS, "addr", "show", SeedExample.IFNAME);
        assertTrue(shown.contains("inet " + ipv4 + " "), () -> "fpeni0 lacks " + ipv4 + ":\n" + shown);
        assertEquals("0*delay(1500)", file.entry("cmdAdd"));
        System.out.printf("delay(1500): ADD took %d ms in all%n", add.elapsed().toMillis());
    }

    @Test
    void aCheckCascadePassesOnceThenPanics() {
        String handWritten = "{\"cmdCheck\": \"1*off->1*panic(sorry)\"}";
        FailpointFile file = file(handWritten);
        Map<String, Object> netconf = netconf("1.0.0", file);

        PluginRun add = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals(0, add.exitCode(), add::describe);
        assertEquals(handWritten, file.raw(), "ADD has no entry in the file: it must leave the file untouched");
        String check = CniResult.withPrevResult(netconf, add.stdout());

        PluginRun first = real.plugin().run("CHECK", check, SeedExample.HELPER_ENV);
        assertEquals(0, first.exitCode(), () -> "first CHECK (off, then bridge's real CHECK): " + first.describe());
        assertEquals("", first.stdout(), first::describe);
        assertEquals("0*off->1*panic(sorry)", file.entry("cmdCheck"));

        PluginRun second = real.plugin().run("CHECK", check, SeedExample.HELPER_ENV);
        assertEquals(2, second.exitCode(), () -> "second CHECK must panic: " + second.describe());
        assertEquals("", second.stdout(), second::describe);
        assertTrue(second.stderr().startsWith("panic: sorry"), second::describe);
        assertEquals("{\n  \"cmdCheck\": \"0*off->0*panic(sorry)\"\n}\n", file.raw());

        PluginRun third = real.plugin().run("CHECK", check, SeedExample.HELPER_ENV);
        assertEquals(0, third.exitCode(), () -> "an exhausted cascade just delegates: " + third.describe());
        assertEquals("", third.stdout(), third::describe);
    }

    /**
     * The Go plugin decodes the file into a struct, and Go matches JSON keys to struct fields case-insensitively: a
     * hand-written {@code "CmdAdd"} is cmdAdd. The key keeps its spelling when the spent count is written back.
     */
    @Test
    void aKeySpelledInAnotherCaseIsTheCommandsEntry() {
        FailpointFile file = file("{\"CmdAdd\": \"1*off->1*error(spelled-differently)\"}");
        Map<String, Object> netconf = netconf("1.0.0", file);

        PluginRun first = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals(0, first.exitCode(), () -> "off, then bridge's real ADD: " + first.describe());
        String shown = real.sandbox().execOk("ip", "-n", SeedExample.NETNS, "link", "show", SeedExample.IFNAME);
        assertTrue(shown.contains(SeedExample.IFNAME), () -> "bridge made no " + SeedExample.IFNAME + ":\n" + shown);
        assertEquals("{\n  \"CmdAdd\": \"0*off->1*error(spelled-differently)\"\n}\n", file.raw());

        PluginRun second = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"spelled-differently\"\n}", second.stdout(),
                second::describe);
        assertEquals(1, second.exitCode(), second::describe);
        assertEquals("{\n  \"CmdAdd\": \"0*off->0*error(spelled-differently)\"\n}\n", file.raw());
    }

    @Test
    void afterOffBridgesOwnErrorPassesThrough() {
        FailpointFile file = file("{\"cmdAdd\": \"1*off->1*error(second)\"}");
        Map<String, Object> netconf = netconf("0.3.0", file);
        netconf.put("vlan", 5000);

        PluginRun first = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"invalid VLAN ID 5000 (must be between 0 and 4094)\"\n}",
                first.stdout(), first::describe);
        assertEquals(1, first.exitCode(), first::describe);
        assertEquals("0*off->1*error(second)", file.entry("cmdAdd"));

        PluginRun second = real.plugin().run("ADD", Json.write(netconf), SeedExample.HELPER_ENV);
        assertEquals("{\n    \"code\": 999,\n    \"msg\": \"second\"\n}", second.stdout(), second::describe);
        assertEquals("0*off->0*error(second)", file.entry("cmdAdd"));
    }

    /**
     * docs/plugin.md: STATUS and GC fire their failpoint, then go to the delegate, whose answer comes back as it
     * is. Debian's bridge (plugins 1.1.1) knows neither command; whatever it answers, ours must be the same. Run as
     * a runtime runs them: no container ID, no netns, no interface.
     */
    @Test
    void statusAndGcFireTheirFailpointThenAnswerWhatBridgeAnswers() {
        FailpointFile file = file("{\"cmdStatus\": \"1*error(not ready)\", \"cmdGC\": \"1*error(no gc)\"}");
        String netconf = Json.write(netconf("1.1.0", file));

        for (List<String> command : List.of(List.of("STATUS", "cmdStatus", "not ready"),
                List.of("GC", "cmdGC", "no gc"))) {
            PluginRun first = real.plugin().run(command.get(0), netconf, Map.of());
            assertEquals(1, first.exitCode(), first::describe);
            assertEquals("{\n    \"code\": 999,\n    \"msg\": \"" + command.get(2) + "\"\n}", first.stdout(),
                    first::describe);
            assertEquals("0*error(" + command.get(2) + ")", file.entry(command.get(1)));

            PluginRun second = real.plugin().run(command.get(0), netconf, Map.of());
            PluginRun bridge = real.plugin().runOther("bridge", command.get(0), netconf, Map.of());
            Supplier<String> both = () -> second.describe() + "\nbridge: " + bridge.describe();
            assertEquals(bridge.exitCode(), second.exitCode(), both);
            assertEquals(bridge.stdout(), second.stdout(), both);
        }
    }
}
