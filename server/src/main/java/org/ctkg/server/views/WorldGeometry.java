package org.ctkg.server.views;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The world's countries as SVG shapes, projected once (Equal Earth) from Natural Earth's 1:110m and
 * 1:50m countries (npm world-atlas 2.0.2, public domain) by {@code server/geometry/world-paths.mjs}
 * into {@value #RESOURCE}: a path per country, and a dot for the small countries the 1:110m file
 * leaves out. Keyed by ISO 3166-1 numeric code, which ctkg's countries carry; Kosovo, which has
 * none, by the path of its ctkg IRI ({@code id/country/kosovo}); territories ctkg has no country
 * for (N. Cyprus, Somaliland) have no key. Read from the class path once.
 */
public final class WorldGeometry {
    static final String RESOURCE = "/ctkg/views/world-paths.tsv";

    /** A country's shape: a path ({@code d}) or, for a small country, a dot at ({@code x}, {@code y}); {@code key} empty for no ctkg country. */
    public record Shape(String key, String name, String d, double x, double y) {
        public boolean dot() {
            return d == null;
        }
    }

    static final WorldGeometry WORLD = read();

    private final int width;
    private final int height;
    private final List<Shape> shapes;

    private WorldGeometry(int width, int height, List<Shape> shapes) {
        this.width = width;
        this.height = height;
        this.shapes = List.copyOf(shapes);
    }

    /** The world, as read from {@value #RESOURCE}. */
    public static WorldGeometry world() {
        return WORLD;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The countries' paths, then the dots (drawn last, on top). */
    public List<Shape> shapes() {
        return shapes;
    }

    private static WorldGeometry read() {
        try (InputStream in = WorldGeometry.class.getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] size = lines.readLine().split("\t");
            List<Shape> shapes = new ArrayList<>();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] f = line.split("\t", -1);
                if (f[2].equals("dot")) {
                    String[] xy = f[3].split(" ");
                    shapes.add(new Shape(f[0], f[1], null, Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
                } else {
                    shapes.add(new Shape(f[0], f[1], f[3], 0, 0));
                }
            }
            return new WorldGeometry(Integer.parseInt(size[1]), Integer.parseInt(size[2]), shapes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
