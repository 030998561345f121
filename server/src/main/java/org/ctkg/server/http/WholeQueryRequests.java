package org.ctkg.server.http;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ctkg.server.web.Responses;

/**
 * Reads a query request whole before Fuseki sees it ({@link BufferedQueryRequest}), and refuses
 * what cannot be a query request, each with a reason: a body still arriving once the query timeout
 * has passed (a slow sender, trickling bytes to hold a thread: 408), or one that stopped arriving
 * for the connections' idle timeout (a stalled sender: 408 too); parameters that are not
 * well-formed percent-encoded UTF-8 (which would otherwise surface as a 500); more than
 * {@value #MAX_PARAMETERS} parameter values (a real query has a handful, and each costs the query
 * service work: 20,000 took it seconds); and an XSL {@code stylesheet} for the results that is not
 * a path on this server (Fuseki writes it into the XML answer as it is, markup and all). Applies
 * to the query services; bodies are already bounded in size by {@link QuerySizeFilter}, before this.
 */
public final class WholeQueryRequests implements Filter {
    /** The most parameter values a query request may carry (query string and form together). */
    public static final int MAX_PARAMETERS = 100;
    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9._/-]*");
    private final Set<String> queryPaths;
    private final long deadlineMillis;

    /** For requests to these paths, whose bodies must arrive within {@code deadlineMillis} (the query timeout). */
    public WholeQueryRequests(Set<String> queryPaths, long deadlineMillis) {
        this.queryPaths = queryPaths;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!queryPaths.contains(request.getRequestURI())) {
            chain.doFilter(req, res);
            return;
        }
        BufferedQueryRequest whole;
        try {
            whole = BufferedQueryRequest.read(request, System.nanoTime() + deadlineMillis * 1_000_000, MAX_PARAMETERS);
        } catch (BufferedQueryRequest.SlowBody e) {
            Responses.refuse(response, 408, "The query request took longer than " + deadlineMillis / 1000.0
                    + " s to arrive (the query timeout); send it whole, at once");
            return;
        } catch (BufferedQueryRequest.TooManyParameters e) {
            Responses.refuse(response, 400, "The request has more than " + MAX_PARAMETERS + " parameters; a query needs a few");
            return;
        } catch (IOException e) {
            if (!idle(e))
                throw e;
            // Nothing arrived for the connections' idle timeout: a sender stalled in the middle of its body.
            Responses.refuse(response, 408, "The query request stopped arriving before its end; send it whole, at once");
            return;
        } catch (IllegalArgumentException e) {
            // Jetty's message names its own classes: say what is wrong in the caller's terms instead.
            Responses.refuse(response, 400, ReadableQueryString.UNREADABLE);
            return;
        }
        String stylesheet = whole.getParameter("stylesheet");
        if (stylesheet != null && !LOCAL_PATH.matcher(stylesheet).matches()) {
            Responses.refuse(response, 400, "An XSL stylesheet for the results must be a path on this server, such as /ui/results.xsl");
            return;
        }
        chain.doFilter(whole, res);
    }

    /**
     * The body of a query request this filter has read whole (as it arrived, not to be changed), or
     * null for any other request: one it passed by, or one that has not met it yet.
     */
    public static byte[] bodyOf(ServletRequest request) {
        BufferedQueryRequest whole = whole(request);
        return whole == null ? null : whole.body();
    }

    /** The request as this filter read it whole, wherever it is among the wrappers; null if it did not. */
    static BufferedQueryRequest whole(ServletRequest request) {
        for (ServletRequest r = request; r != null; r = r instanceof ServletRequestWrapper w ? w.getRequest() : null)
            if (r instanceof BufferedQueryRequest whole)
                return whole;
        return null;
    }

    /** Whether a read failed because nothing arrived for the idle timeout (Jetty fails the read with a {@link TimeoutException}). */
    private static boolean idle(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof TimeoutException)
                return true;
        return false;
    }
}
