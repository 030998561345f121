package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file of {@code ctkg serve}: its settings are read, the command line wins, unknown names are refused. */
class ServeConfigTest {
    @Test
    void unknownConfigurationSettingsAreRefused(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("ctkg.properties");
        Files.writeString(config, "prot = 8080\n");
        CommandLineTest.Run run = CommandLineTest.ctkg("serve", "--config", config.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unknown setting 'prot'"), run.err());
    }

    @Test
    void configurationFileSettingsAreRead(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("ctkg.properties");
        Files.writeString(config, "port = 3030\nmax-rows = 7\nlocalhost = true\n");
        var settings = ServeConfig.read(config);
        assertEquals("7", settings.get("max-rows"));
        Options o = Options.parse(new String[] {"--port", "4040"}, ServeConfig.KEYS, Set.of("localhost")).withDefaults(settings);
        assertEquals(4040, o.getInt("port", 0, 0, 65535), "the command line wins");
        assertEquals(7, o.getInt("max-rows", 0, 0, 1000));
        assertTrue(o.has("localhost"));
    }
}
