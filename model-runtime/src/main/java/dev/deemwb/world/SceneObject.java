package dev.deemwb.world;

import java.util.Objects;

/**
 * One object of a scene. Geometry is in normalised image coordinates (0..1, y down) so a scene renders
 * at any size.
 *
 * @param cell        grid cell 0..8, row-major on the 3×3 grid (0 = top left)
 * @param centerX     centre, fraction of the image width (the cell centre plus jitter)
 * @param centerY     centre, fraction of the image height
 * @param size        bounding-box side, fraction of the image side
 * @param orientation where the apex points; {@code null} for shapes without an orientation
 */
public record SceneObject(Shape shape, ShapeColor color, Orientation orientation, boolean filled,
                          int cell, double centerX, double centerY, double size) {

    public SceneObject {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(color, "color");
        if (shape.hasOrientation() != (orientation != null)) {
            throw new IllegalArgumentException(shape.noun() + (shape.hasOrientation()
                    ? " needs an orientation" : " cannot have an orientation"));
        }
        if (cell < 0 || cell > 8) {
            throw new IllegalArgumentException("cell must be 0..8, was " + cell);
        }
        if (size <= 0 || size > 1) {
            throw new IllegalArgumentException("size must be in (0, 1], was " + size);
        }
    }

    public int row() {
        return cell / 3;
    }

    public int column() {
        return cell % 3;
    }

    public String structureWord() {
        return filled ? "filled" : "hollow";
    }

    /** The same object with one attribute changed, for minimal pairs. */
    public SceneObject withShape(Shape newShape, Orientation newOrientation) {
        return new SceneObject(newShape, color, newOrientation, filled, cell, centerX, centerY, size);
    }

    public SceneObject withColor(ShapeColor newColor) {
        return new SceneObject(shape, newColor, orientation, filled, cell, centerX, centerY, size);
    }

    public SceneObject withOrientation(Orientation newOrientation) {
        return new SceneObject(shape, color, newOrientation, filled, cell, centerX, centerY, size);
    }

    public SceneObject withFilled(boolean newFilled) {
        return new SceneObject(shape, color, orientation, newFilled, cell, centerX, centerY, size);
    }

    public SceneObject movedTo(int newCell, double newCenterX, double newCenterY) {
        return new SceneObject(shape, color, orientation, filled, newCell, newCenterX, newCenterY, size);
    }
}
