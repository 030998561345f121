package org.ctkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's {@code ctkg completion} script, loaded into bash, completes commands, options and the
 * values of typed options as a user's Tab would.
 */
class CompletionIT {
    @TempDir
    Path tmp;

    /** What bash's completion offers for the line (a trailing space asks for the next word). */
    private String complete(Path script, String line) throws Exception {
        String driver = """
                source "$1" 2>/dev/null
                read -ra COMP_WORDS <<< "$2"
                [[ "$2" == *" " ]] && COMP_WORDS+=("")
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$2"; COMP_POINT=${#2}
                _complete_ctkg ctkg 2>/dev/null
                echo "${COMPREPLY[*]}"
                """;
        Process bash = new ProcessBuilder("bash", "-c", driver, "complete", script.toString(), line).redirectErrorStream(false).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS));
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void theCompletionScriptCompletesCommandsOptionsAndValues() throws Exception {
        Path script = tmp.resolve("ctkg.bash");
        Process p = new ProcessBuilder(JarRuns.ctkg("completion"))
                .redirectOutput(script.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals("export", complete(script, "ctkg ex"));
        assertEquals("--mapping", complete(script, "ctkg load --ma"));
        assertEquals("--max-rows --max-query-bytes --max-concurrent-queries --max-running-queries --max-queue-wait "
                + "--max-requests-per-second --max-upload-bytes --max-read-wait", complete(script, "ctkg serve --max"));
        assertEquals("--https --https-password-file", complete(script, "ctkg serve --ht"));
        assertEquals("nq trig ttl nt jsonld", complete(script, "ctkg export --format "));
        assertEquals("text ttl", complete(script, "ctkg validate --format t"));
        assertEquals("release", complete(script, "ctkg rel"));
        assertEquals("--previous", complete(script, "ctkg release --pr"));
    }
}
