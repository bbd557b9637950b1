package dev.deemwb.app.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the workbench remembers between runs; immutable, changed by the {@code with…} copies. Unknown
 * fields in the file are ignored and missing ones keep the {@link #DEFAULTS}, so settings written by
 * another version still load.
 *
 * @param windowX NaN until the window has been placed once (the platform then centres it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(Theme theme, double zoom, double windowX, double windowY, double windowWidth,
                       double windowHeight, List<String> recentFiles, List<EndpointEntry> endpoints,
                       List<String> recentProjects, Map<String, String> curationKeys) {

    public static final int MAX_RECENT_FILES = 10;
    public static final double MIN_ZOOM = 0.6;
    public static final double MAX_ZOOM = 3.0;
    public static final Settings DEFAULTS = new Settings(Theme.LIGHT, 1.0, Double.NaN, Double.NaN, 1280, 820, List.of(),
            List.of(), List.of(), Map.of());

    public Settings {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        recentFiles = List.copyOf(recentFiles);
        endpoints = List.copyOf(endpoints);
        recentProjects = List.copyOf(recentProjects);
        curationKeys = Collections.unmodifiableMap(new TreeMap<>(curationKeys));
    }

    /** Reads a file's fields; each one it lacks takes its default. */
    @JsonCreator
    static Settings fromFile(@JsonProperty("theme") Theme theme, @JsonProperty("zoom") Double zoom,
                             @JsonProperty("windowX") Double windowX, @JsonProperty("windowY") Double windowY,
                             @JsonProperty("windowWidth") Double windowWidth,
                             @JsonProperty("windowHeight") Double windowHeight,
                             @JsonProperty("recentFiles") List<String> recentFiles,
                             @JsonProperty("endpoints") List<EndpointEntry> endpoints,
                             @JsonProperty("recentProjects") List<String> recentProjects,
                             @JsonProperty("curationKeys") Map<String, String> curationKeys) {
        return new Settings(theme == null ? DEFAULTS.theme : theme, or(zoom, DEFAULTS.zoom), or(windowX, DEFAULTS.windowX),
                or(windowY, DEFAULTS.windowY), or(windowWidth, DEFAULTS.windowWidth),
                or(windowHeight, DEFAULTS.windowHeight), recentFiles == null ? DEFAULTS.recentFiles : recentFiles,
                endpoints == null ? DEFAULTS.endpoints : endpoints,
                recentProjects == null ? DEFAULTS.recentProjects : recentProjects,
                curationKeys == null ? DEFAULTS.curationKeys : curationKeys);
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
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
