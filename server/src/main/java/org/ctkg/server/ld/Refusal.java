package org.ctkg.server.ld;

/** What a page that refuses a request says ({@code refusal.jte}): a heading, why, and where to go instead. */
public record Refusal(String heading, String message, Link instead) {}
