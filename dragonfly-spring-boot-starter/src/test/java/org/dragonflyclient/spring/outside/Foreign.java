package org.dragonflyclient.spring.outside;

import java.io.Serializable;

/** A serializable class outside the application's packages: the cache must refuse to read it back. */
public record Foreign(String id) implements Serializable {}
