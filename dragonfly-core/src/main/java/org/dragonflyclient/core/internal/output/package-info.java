/**
 * Reply outputs: each decodes one reply, fed by the RESP decoder's callbacks, into the type its
 * command returns, without building an intermediate tree.
 */
@NullMarked
package org.dragonflyclient.core.internal.output;

import org.jspecify.annotations.NullMarked;
