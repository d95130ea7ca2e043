package org.dragonflyclient.core.protocol;

/** Routes each top-level frame the decoder reads. */
public interface FrameHandler {

    /**
     * A top-level frame starts.
     *
     * @param push {@code true} for a RESP3 push frame ({@code >})
     * @return the sink that receives all of the frame's values
     */
    ReplySink beginFrame(boolean push);

    /**
     * The frame opened by the last {@link #beginFrame} is complete: all of its values were delivered.
     *
     * @param push {@code true} for a RESP3 push frame
     */
    void endFrame(boolean push);
}
