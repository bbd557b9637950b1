package dev.deemwb.world;

/** What a question probes. Captions mention presence, count and sometimes colour; never the rest. */
public enum Category {
    PRESENCE("presence"),
    COUNT("count"),
    COLOR("color"),
    ORIENTATION("orientation"),
    STRUCTURE("structure"),
    POSITION("position");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The name used in reports and JSON, e.g. {@code orientation}. */
    public String id() {
        return id;
    }

    public static Category fromId(String id) {
        for (Category c : values()) {
            if (c.id.equalsIgnoreCase(id.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category '" + id + "'");
    }
}
