package dev.deemwb.app.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deemwb.io.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the workbench remembers between runs; immutable, changed by the {@code with…} copies. Unknown
 * fields in the file are ignored and missing ones keep the {@link #DEFAULTS}, so settings written by
 * another version still load ({@link #read}).
 *
 * @param windowX NaN until the window has been placed once (the platform then centres it)
 */
public record Settings(Theme theme, double zoom, double windowX, double windowY, double windowWidth,
                       double windowHeight, List<String> recentFiles, List<EndpointEntry> endpoints,
                       List<String> recentProjects, Map<String, String> curationKeys) {

    public static final int MAX_RECENT_FILES = 10;
    public static final double MIN_ZOOM = 0.6;
    public static final double MAX_ZOOM = 3.0;
    /** The smallest window width or height read back: anything smaller is a damaged value, not a window. */
    public static final double MIN_WINDOW = 200;
    public static final Settings DEFAULTS = new Settings(Theme.LIGHT, 1.0, Double.NaN, Double.NaN, 1280, 820, List.of(),
            List.of(), List.of(), Map.of());

    public Settings {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        recentFiles = List.copyOf(recentFiles);
        endpoints = List.copyOf(endpoints);
        recentProjects = List.copyOf(recentProjects);
        curationKeys = Collections.unmodifiableMap(new TreeMap<>(curationKeys));
    }

    /** Settings read from a file, and each value that was damaged (and replaced by its default), named. */
    public record Loaded(Settings settings, List<String> damaged) {
    }

    /**
     * Reads a settings file's fields. A field it lacks takes its default, as does an unknown theme (from
     * another version). A value that is there but wrong — of the wrong kind, not finite, out of range, a
     * window size under {@link #MIN_WINDOW}, a list entry that is not a path or an endpoint — is damage:
     * it takes its default (a zoom out of range, the nearest bound; a bad list entry is dropped) and is
     * named in {@link Loaded#damaged}, so the store can keep the file as it was.
     */
    static Loaded read(JsonNode root) {
        List<String> damaged = new ArrayList<>();
        JsonNode theme = root.get("theme");
        Theme readTheme = DEFAULTS.theme;
        if (present(theme)) {
            if (theme.isTextual()) {
                readTheme = Theme.of(theme.asText());
            } else {
                damaged.add("theme: not a name");
            }
        }
        double readZoom = number(root, "zoom", DEFAULTS.zoom, -Double.MAX_VALUE, damaged);
        if (readZoom < MIN_ZOOM || readZoom > MAX_ZOOM) {
            damaged.add("zoom: " + readZoom + " is outside [" + MIN_ZOOM + ", " + MAX_ZOOM + "]");
        }
        return new Loaded(new Settings(readTheme, readZoom,
                position(root, "windowX", damaged), position(root, "windowY", damaged),
                number(root, "windowWidth", DEFAULTS.windowWidth, MIN_WINDOW, damaged),
                number(root, "windowHeight", DEFAULTS.windowHeight, MIN_WINDOW, damaged),
                paths(root, "recentFiles", damaged), endpoints(root, damaged), paths(root, "recentProjects", damaged),
                keys(root, damaged)), damaged);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static double number(JsonNode root, String field, double fallback, double min, List<String> damaged) {
        JsonNode node = root.get(field);
        if (!present(node)) {
            return fallback;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || node.asDouble() < min) {
            damaged.add(field + ": " + node + (node.isNumber() && Double.isFinite(node.asDouble())
                    ? " is under " + min : " is not a number"));
            return fallback;
        }
        return node.asDouble();
    }

    /** A window position: a number, or NaN (written as "NaN") before the window was first placed. */
    private static double position(JsonNode root, String field, List<String> damaged) {
        JsonNode node = root.get(field);
        if (!present(node) || (node.isTextual() && node.asText().equals("NaN"))) {
            return Double.NaN;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            damaged.add(field + ": " + node + " is not a position");
            return Double.NaN;
        }
        return node.asDouble();
    }

    private static List<String> paths(JsonNode root, String field, List<String> damaged) {
        List<String> paths = new ArrayList<>();
        JsonNode node = root.get(field);
        if (!present(node)) {
            return paths;
        }
        if (!node.isArray()) {
            damaged.add(field + ": not a list");
            return paths;
        }
        for (JsonNode entry : node) {
            if (entry.isTextual() && !entry.asText().isBlank()) {
                paths.add(entry.asText());
            } else {
                damaged.add(field + ": entry " + entry + " is not a path");
            }
        }
        return paths;
    }

    private static List<EndpointEntry> endpoints(JsonNode root, List<String> damaged) {
        List<EndpointEntry> endpoints = new ArrayList<>();
        JsonNode node = root.get("endpoints");
        if (!present(node)) {
            return endpoints;
        }
        if (!node.isArray()) {
            damaged.add("endpoints: not a list");
            return endpoints;
        }
        for (JsonNode entry : node) {
            try {
                endpoints.add(Objects.requireNonNull(Json.mapper().treeToValue(entry, EndpointEntry.class)));
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                damaged.add("endpoints: entry " + entry + " is not an endpoint");
            }
        }
        return endpoints;
    }

    private static Map<String, String> keys(JsonNode root, List<String> damaged) {
        Map<String, String> keys = new TreeMap<>();
        JsonNode node = root.get("curationKeys");
        if (!present(node)) {
            return keys;
        }
        if (!node.isObject()) {
            damaged.add("curationKeys: not an object");
            return keys;
        }
        node.properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                keys.put(e.getKey(), e.getValue().asText());
            } else {
                damaged.add("curationKeys: " + e.getKey() + " is not a key combination");
            }
        });
        return keys;
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, zoom, windowX, windowY, windowWidth, windowHeight, recentFiles, endpoints,
                recentProjects, curationKeys);
    }

    /** Zoom is kept within [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}]. */
    public Settings withZoom(double newZoom) {
        return new Settings(theme, newZoom, windowX, windowY, windowWidth, windowHeight, recentFiles, endpoints,
                recentProjects, curationKeys);
    }

    public Settings withWindow(double x, double y, double width, double height) {
        return new Settings(theme, zoom, x, y, width, height, recentFiles, endpoints, recentProjects, curationKeys);
    }

    /** Puts {@code path} first in the recent files, once, keeping at most {@link #MAX_RECENT_FILES}. */
    public Settings withRecentFile(String path) {
        return new Settings(theme, zoom, windowX, windowY, windowWidth, windowHeight, mostRecentFirst(recentFiles, path),
                endpoints, recentProjects, curationKeys);
    }

    private static List<String> mostRecentFirst(List<String> paths, String path) {
        List<String> recent = new ArrayList<>(paths);
        recent.remove(path);
        recent.add(0, path);
        return recent.subList(0, Math.min(recent.size(), MAX_RECENT_FILES));
    }

    /** Puts a curation project first in the recent projects, once, keeping at most {@link #MAX_RECENT_FILES}. */
    public Settings withRecentProject(String path) {
        return new Settings(theme, zoom, windowX, windowY, windowWidth, windowHeight, recentFiles, endpoints,
                mostRecentFirst(recentProjects, path), curationKeys);
    }

    /** The Curate screen's shortcuts that differ from their defaults, by action name. */
    public Settings withCurationKeys(Map<String, String> keys) {
        return new Settings(theme, zoom, windowX, windowY, windowWidth, windowHeight, recentFiles, endpoints,
                recentProjects, keys);
    }

    /** The configured endpoints, replaced as a whole (the endpoint dialog's list). */
    public Settings withEndpoints(List<EndpointEntry> newEndpoints) {
        return new Settings(theme, zoom, windowX, windowY, windowWidth, windowHeight, recentFiles, newEndpoints, recentProjects,
                curationKeys);
    }
}
