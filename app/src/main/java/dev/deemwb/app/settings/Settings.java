package dev.deemwb.app.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench remembers between runs. Unknown fields in the file are ignored and missing ones
 * keep these defaults, so settings written by another version still load.
 */
public final class Settings {

    public static final int MAX_RECENT_FILES = 10;

    public String theme = "light";
    public double zoom = 1.0;
    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1280;
    public double windowHeight = 820;
    public List<String> recentFiles = new ArrayList<>();

    /** Puts {@code path} first in the recent files, once, keeping at most {@link #MAX_RECENT_FILES}. */
    public void rememberFile(String path) {
        recentFiles.remove(path);
        recentFiles.add(0, path);
        while (recentFiles.size() > MAX_RECENT_FILES) {
            recentFiles.remove(recentFiles.size() - 1);
        }
    }
}
