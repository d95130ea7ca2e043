/**
 * The RESP2/RESP3 codec: an incremental decoder with hard limits that resumes on partial reads, and
 * an encoder that writes commands into a reusable buffer.
 */
@NullMarked
package org.dragonflyclient.core.internal.resp;

import org.jspecify.annotations.NullMarked;
