package org.dragonflyclient.spring.autoconfigure;

import java.io.Serializable;

/** A value of a class in the "application's" package of these tests. */
record Parcel(String id, int weight) implements Serializable {}
