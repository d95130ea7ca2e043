package org.dragonflyclient.core.internal.client;

/**
 * Every asynchronous command family but the blocking pops: what a pipeline offers, and what the
 * async view and a transaction offer besides {@link AsyncBlockingLists}.
 */
interface AsyncFamilies
        extends AsyncStrings,
                AsyncKeys,
                AsyncHashes,
                AsyncLists,
                AsyncSets,
                AsyncSortedSets,
                AsyncScripting,
                AsyncPublish,
                AsyncServer {}
