package dev.deemwb.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that takes long (training, the shipped bundle, the responsiveness run): {@code mvn verify}
 * runs it, {@code mvn test -Pquick} (the inner loop) leaves it out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(Heavy.TAG)
public @interface Heavy {
    String TAG = "heavy";
}
