package dev.deemwb.app.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench remembers between runs; immutable, changed by the {@code with…} copies. Unknown
 * fields in the file are ignored and missing ones keep the {@link #DEFAULTS}, so settings written by
 * another version still load.
 *
 * @param windowX NaN until the window has been placed once (the platform then centres it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(Theme theme, double zoom, double windowX, double windowY, double windowWidth,
                       double windowHeight, List<String> recentFiles, List<EndpointEntry> endpoints) {

    public static final int MAX_RECENT_FILES = 10;
    public static final double MIN_ZOOM = 0.6;
    public static final double MAX_ZOOM = 3.0;
    public static final Settings DEFAULTS = new Settings(Theme.LIGHT, 1.0, Double.NaN, Double.NaN, 1280, 820, List.of(),
            List.of());

    public Settings {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        recentFiles = List.copyOf(recentFiles);
        endpoints = List.copyOf(endpoints);
    }

    /** Reads a file's fields; each one it lacks takes its default. */
    @JsonCreator
    static Settings fromFile(@JsonProperty("theme") Theme theme, @JsonProperty("zoom") Double zoom,
                             @JsonProperty("windowX") Double windowX, @JsonProperty("windowY") Double windowY,
                             @JsonProperty("windowWidth") Double windowWidth,
                             @JsonProperty("windowHeight") Double windowHeight,
                             @JsonProperty("recentFiles") List<String> recentFiles,
                             @JsonProperty("endpoints") List<EndpointEntry> endpoints) {
        return new Settings(theme == null ? DEFAULTS.theme : theme, or(zoom, DEFAULTS.zoom), or(windowX, DEFAULTS.windowX),
                or(windowY, DEFAULTS.windowY), or(windowWidth, DEFAULTS.windowWidth),
                or(windowHeight, DEFAULTS.windowHeight), recentFiles == null ? DEFAULTS.recentFiles : recentFiles,
                endpoints == null ? DEFAULTS.endpoints : endpoints);
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    public Settings withTheme(Theme newTheme) {
        return new Settings(newTheme, zoom, windowX, windowY, windowWidth, windowHeight, recentFiles, endpoints);
    }

    /** Zoom is kept within [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}]. */
    public Settings withZoom(double newZoom) {
        return new Settings(theme, newZoom, windowX, windowY, windowWidth, windowHeight, recentFiles, endpoints);
    }

    public Settings withWindow(double x, double y, double width, double height) {
        return new Settings(theme, zoom, x, y, width, height, recentFiles, endpoints);
    }

    /** Puts {@code path} first in the recent files, once, keeping at most {@link #MAX_RECENT_FILES}. */
    public Settings withRecentFile(String path) {
        List<String> recent = new ArrayList<>(recentFiles);
        recent.remove(path);
        recent.add(0, path);
        return new Settings(theme, zoom, windowX, windowY, windowWidth, windowHeight,
                recent.subList(0, Math.min(recent.size(), MAX_RECENT_FILES)), endpoints);
    }

    /** The configured endpoints, replaced as a whole (the endpoint dialog's list). */
    public Settings withEndpoints(List<EndpointEntry> newEndpoints) {
        return new Settings(theme, zoom, windowX, windowY, windowWidth, windowHeight, recentFiles, newEndpoints);
    }
}
