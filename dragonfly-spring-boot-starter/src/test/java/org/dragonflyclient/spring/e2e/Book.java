package org.dragonflyclient.spring.e2e;

import java.io.Serializable;
import java.math.BigDecimal;

/** A book of the test application; its package is the application's, so it may be deserialized. */
public record Book(String isbn, String title, BigDecimal price) implements Serializable {}
