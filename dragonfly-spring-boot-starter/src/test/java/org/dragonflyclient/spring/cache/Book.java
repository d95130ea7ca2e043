package org.dragonflyclient.spring.cache;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A value of the application's own type, as caches usually hold. */
public record Book(String isbn, String title, BigDecimal price, LocalDate published, List<String> authors)
        implements Serializable {

    static Book sample(String isbn) {
        return new Book(
                isbn, "Title " + isbn, new BigDecimal("12.50"), LocalDate.of(2024, 5, 17), List.of("Ann", "Bob"));
    }
}
