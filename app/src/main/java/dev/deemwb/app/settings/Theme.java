package dev.deemwb.app.settings;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The workbench's colour themes; stored in the settings file by {@link #id()}. */
public enum Theme {
    LIGHT,
    DARK;

    /** {@code light} or {@code dark}, as the settings file and the stylesheet's name spell it. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stylesheet next to the app's classes that holds this theme's colours. */
    public String stylesheet() {
        return id() + ".css";
    }

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** An unknown theme (from another version) falls back to the light one rather than failing the whole file. */
    @JsonCreator
    public static Theme of(String id) {
        for (Theme theme : values()) {
            if (theme.id().equals(id)) {
                return theme;
            }
        }
        return LIGHT;
    }
}
