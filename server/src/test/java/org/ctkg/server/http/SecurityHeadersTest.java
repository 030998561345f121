package org.ctkg.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ctkg.server.CuratedServerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every HTML route, its error pages included, and the data routes answer with the security
 * headers; and no page ctkg serves has an inline script, event handler or style that its own
 * Content-Security-Policy would block.
 */
class SecurityHeadersTest extends CuratedServerTest {
    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/(?:ld\\+)?json\")[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=|<style|javascript:",
            Pattern.CASE_INSENSITIVE);

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
        if (accept != null)
            request.header("Accept", accept);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecurityHeaders(HttpResponse<String> r, String path) {
        var headers = r.headers();
        assertEquals(List.of(SecurityHeaders.CONTENT_SECURITY_POLICY), headers.allValues("Content-Security-Policy"), path);
        String csp = SecurityHeaders.CONTENT_SECURITY_POLICY;
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'",
                "form-action 'self'", "object-src 'none'"))
            assertTrue(csp.contains(directive), directive);
        assertFalse(csp.contains("unsafe-"), csp);
        assertEquals(List.of("nosniff"), headers.allValues("X-Content-Type-Options"), path);
        assertEquals(List.of("DENY"), headers.allValues("X-Frame-Options"), path);
        assertEquals(List.of("no-referrer"), headers.allValues("Referrer-Policy"), path);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/, 200",
            "/search?q=Palermo, 200",
            "/search?q=, 200",
            "/classes/Recommendation, 200",
            "/id/instrument/palermo-protocol.html, 200",
            "/graph/tcr-2021-strategic-threat.html, 200",
            "/ontology.html, 200",
            "/downloads.html, 200",
            "/ui/, 200",
            "/ui/index.html, 200",
            "/id/no/such/thing.html, 404",
            "/no-such-page, 404",
            "/classes/no-such-class!, 404",
            "/ui/no-such-file, 404",
            "/id/instrument/palermo-protocol.xyz?format=xyz, 400"})
    void everyHtmlRouteAndItsErrorPagesCarryTheHeadersAndNoInlineScriptOrStyle(String path, int status) throws Exception {
        HttpResponse<String> r = get(path, "text/html");
        assertEquals(status, r.statusCode(), path);
        assertSecurityHeaders(r, path);
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            var inline = INLINE.matcher(r.body());
            assertFalse(inline.find(), path + ": inline script or style the policy blocks: " + (inline.hitEnd() ? "" : inline.group()));
        } else {
            assertTrue(status >= 400, path + ": a page that is not HTML");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/ctkg/sparql?query=, 200",
            "/ctkg/sparql?query=SELECT, 400",
            "/ctkg/data?default, 200",
            "/id/instrument/palermo-protocol.ttl, 200",
            "/context.jsonld, 200",
            "/ui/ui.js, 200",
            "/ui/examples.json, 200",
            "/ctkg/void, 200",
            "/ctkg/update, 403"})
    void dataAndErrorAnswersCarryThemToo(String path, int status) throws Exception {
        if (path.endsWith("query="))
            path += URLEncoder.encode("SELECT * { ?s ?p ?o } LIMIT 1", StandardCharsets.UTF_8);
        HttpResponse<String> r = get(path, null);
        assertEquals(status, r.statusCode(), path);
        assertSecurityHeaders(r, path);
    }

    @Test
    void theStyleHashesAreThoseOfTheStyleElementsTheShippedQueryUiAdds() throws Exception {
        String script = get("/ui/yasgui.min.js", null).body();
        Matcher styles = Pattern.compile("createStyle\\(a,`([^`]*)`\\)").matcher(script);
        List<String> texts = new ArrayList<>();
        while (styles.find())
            texts.add(styles.group(1));
        // the cursor while dragging a column: `*{cursor:`+dragCursor+`!important}`, with the default dragCursor
        assertTrue(script.contains("`*{cursor:`+n.opt.dragCursor+`!important}`") && script.contains("dragCursor:`col-resize`"));
        texts.add("*{cursor:col-resize!important}");
        List<String> hashes = new ArrayList<>();
        for (String text : texts)
            hashes.add("'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))) + "'");
        assertEquals(SecurityHeaders.UI_STYLE_HASHES, hashes);
    }
}
