package org.ctkg.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.jetty.util.InetAddressSet;

/**
 * Who a request comes from, for fair shares: the address that connected, or, when that address is
 * a proxy the operator trusts, the last hop of {@code X-Forwarded-For} (the address that proxy saw;
 * earlier hops are whatever the client wrote, so they are never believed). Without trusted proxies
 * the header is ignored, since anyone can send it.
 */
public final class ClientAddress {
    /** An IP address (v4 or v6) or a CIDR range of them; no host names, which would need a DNS lookup. */
    private static final Pattern ADDRESS_OR_RANGE = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");
    /** The longest forwarded address taken as it is (an IPv6 address with a zone fits). */
    private static final int MAX_FORWARDED = 64;
    private final InetAddressSet trusted = new InetAddressSet();

    /** Believes {@code X-Forwarded-For} from these proxies (addresses or CIDR ranges); none: it is ignored. */
    public ClientAddress(List<String> trustedProxies) {
        trustedProxies.forEach(trusted::add);
    }

    /** Checks a trusted proxy as the operator gave it; returns it. */
    public static String checked(String proxy) {
        if (proxy == null || !ADDRESS_OR_RANGE.matcher(proxy).matches())
            throw new IllegalArgumentException("a trusted proxy is an IP address or a CIDR range (such as 127.0.0.1, ::1 or 10.0.0.0/8), got '" + proxy + "'");
        new InetAddressSet().add(proxy); // Jetty's own check of the address or range
        return proxy;
    }

    /** The client of this request. */
    public String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), trusted.isEmpty() ? null : request.getHeader("X-Forwarded-For"));
    }

    /** The client of a request from {@code peer} (the connecting address) with this {@code X-Forwarded-For} (or null). */
    public String of(String peer, String forwarded) {
        if (trusted.isEmpty() || forwarded == null || !trusted.test(literal(peer)))
            return peer;
        String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return last.isEmpty() || last.length() > MAX_FORWARDED ? peer : last;
    }

    /** The connecting address, which the server got as a literal: no lookup is made. */
    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address: " + address, e);
        }
    }
}
