package dev.deemwb.contender;

/**
 * An image in the form one contender takes it (the mini models' pixel tensor, an endpoint's data URL),
 * made once per image by {@link Contender#prepare} so that callers can cache it.
 */
public interface PreparedImage {

    /** About how much memory it holds, so a cache can bound itself by bytes. */
    long bytes();
}
