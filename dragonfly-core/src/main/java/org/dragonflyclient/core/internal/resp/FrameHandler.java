package org.dragonflyclient.core.internal.resp;

/**
 * Routes each top-level frame the decoder reads. A connection implements it to hand a reply to
 * the command waiting for it, and a push ({@code >}, RESP3) to its pub/sub or invalidation
 * listener.
 *
 * <p>{@link RespDecoder} calls {@link #beginFrame} once per frame, before the first value of the
 * frame reaches a sink, and {@link #endFrame} once the whole frame was delivered; calls never
 * overlap. A top-level attribute ({@code |}) begins no frame: the value after it does.
 */
public interface FrameHandler {

    /**
     * A top-level frame starts.
     *
     * @param push {@code true} for a RESP3 push frame ({@code >})
     * @return the sink for all of the frame's values; never {@code null}
     */
    ReplySink beginFrame(boolean push);

    /**
     * The frame opened by the last {@link #beginFrame} is complete: all its values were delivered.
     *
     * @param push the flag {@link #beginFrame} received for this frame
     */
    void endFrame(boolean push);
}
